package dev.neurite.runtime.data;

/** A dataset cut in two disjoint parts: one to train on, one to test on. */
public final class Split {
  private final Dataset train;
  private final Dataset test;

  /**
   * Returns the split of these two parts.
   *
   * @throws IllegalArgumentException if a part is null
   */
  public Split(Dataset train, Dataset test) {
    if (train == null || test == null) {
      throw new IllegalArgumentException("both parts of a split must be given, but "
          + (train == null ? "train" : "test") + " was null");
    }
    this.train = train;
    this.test = test;
  }

  /** Returns the part to train on (and to fit a {@link Standardizer} on). */
  public Dataset train() {
    return train;
  }

  /** Returns the held-out part to measure on. */
  public Dataset test() {
    return test;
  }

  @Override
  public String toString() {
    return "Split(train " + train.size() + ", test " + test.size() + ")";
  }
}
