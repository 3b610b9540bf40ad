package dev.neurite.runtime.data;

/**
 * A dataset cut in two disjoint parts: one to train on, one to test on. A split made by
 * {@link Dataset#split} or {@link Dataset#stratifiedSplit} also knows which rows of the whole
 * dataset went into each part ({@link #trainIndices()}, {@link #testIndices()}), for example to
 * look up the original records of misclassified test samples.
 */
public final class Split {
  private final Dataset train;
  private final Dataset test;
  private final int[] trainIndices;
  private final int[] testIndices;

  /**
   * Returns the split of these two parts, whose rows in a whole dataset are not known.
   *
   * @throws IllegalArgumentException if a part is null
   */
  public Split(Dataset train, Dataset test) {
    this(train, test, null, null);
  }

  /** The split of {@code whole} into the rows at {@code trainIndices} and at the others. */
  static Split of(Dataset whole, int[] trainIndices, int[] testIndices) {
    return new Split(whole.subset(trainIndices), whole.subset(testIndices), trainIndices,
        testIndices);
  }

  private Split(Dataset train, Dataset test, int[] trainIndices, int[] testIndices) {
    if (train == null || test == null) {
      throw new IllegalArgumentException("both parts of a split must be given, but "
          + (train == null ? "train" : "test") + " was null");
    }
    this.train = train;
    this.test = test;
    this.trainIndices = trainIndices;
    this.testIndices = testIndices;
  }

  /** Returns the part to train on (and to fit a {@link Standardizer} on). */
  public Dataset train() {
    return train;
  }

  /** Returns the held-out part to measure on. */
  public Dataset test() {
    return test;
  }

  /**
   * Returns a copy of the row indices, in the whole dataset, of the training part's samples, in
   * the training part's order.
   *
   * @throws IllegalStateException if the split was made from two datasets, not from one
   */
  public int[] trainIndices() {
    return indices(trainIndices);
  }

  /**
   * Returns a copy of the row indices, in the whole dataset, of the test part's samples, in the
   * test part's order.
   *
   * @throws IllegalStateException if the split was made from two datasets, not from one
   */
  public int[] testIndices() {
    return indices(testIndices);
  }

  private static int[] indices(int[] indices) {
    if (indices == null) {
      throw new IllegalStateException("this split was made from two datasets, so it has no row "
          + "indices; Dataset.split and stratifiedSplit record them");
    }
    return indices.clone();
  }

  @Override
  public String toString() {
    return "Split(train " + train.size() + ", test " + test.size() + ")";
  }
}
