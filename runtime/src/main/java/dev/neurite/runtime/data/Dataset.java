package dev.neurite.runtime.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Samples for training or evaluation: one input row and one target row per sample.
 *
 * <p>The rows are held by reference, not copied; a dataset never changes them. Subsets and
 * splits share the rows of the dataset they come from. A dataset may also know the names of its
 * input columns and of its classes (as {@link CsvReader} reads them from a header and from string
 * labels); subsets, splits and standardized copies keep them.
 */
public final class Dataset {
  private final double[][] inputs;
  private final double[][] targets;
  private final List<String> inputNames;
  private final List<String> classNames;

  private Dataset(double[][] inputs, double[][] targets) {
    this(inputs, targets, Collections.<String>emptyList(), Collections.<String>emptyList());
  }

  private Dataset(double[][] inputs, double[][] targets, List<String> inputNames,
      List<String> classNames) {
    this.inputs = inputs;
    this.targets = targets;
    this.inputNames = inputNames;
    this.classNames = classNames;
  }

  /**
   * Returns a dataset of these rows.
   *
   * @throws IllegalArgumentException if an array or row is null, the counts differ, or a row has
   *     another length than the first
   */
  public static Dataset of(double[][] inputs, double[][] targets) {
    if (inputs == null || targets == null) {
      throw new IllegalArgumentException("inputs and targets must not be null, but "
          + (inputs == null ? "inputs" : "targets") + " was null");
    }
    if (inputs.length != targets.length) {
      throw new IllegalArgumentException("inputs and targets must have the same number of rows, "
          + "but had " + inputs.length + " and " + targets.length);
    }
    checkRows("input", inputs);
    checkRows("target", targets);
    return new Dataset(inputs, targets);
  }

  private static void checkRows(String what, double[][] rows) {
    for (int r = 0; r < rows.length; r++) {
      if (rows[r] == null) {
        throw new IllegalArgumentException(what + " row " + r + " must not be null");
      }
      if (rows[r].length != rows[0].length) {
        throw new IllegalArgumentException(what + " row " + r + " must have length "
            + rows[0].length + " like row 0, but had " + rows[r].length);
      }
    }
  }

  /**
   * Returns this dataset with the names of its input columns, one per input.
   *
   * @throws IllegalArgumentException if the list is null, holds null, or has another size than
   *     {@link #inputSize()} (an empty list means no names)
   */
  public Dataset withInputNames(List<String> names) {
    List<String> copy = names(names, "input names");
    if (!copy.isEmpty() && inputs.length > 0 && copy.size() != inputSize()) {
      throw new IllegalArgumentException("input names must be one per input (" + inputSize()
          + "), but were " + copy.size());
    }
    return new Dataset(inputs, targets, copy, classNames);
  }

  /**
   * Returns this dataset with the names of its classes, in the order of the target columns (for a
   * single 0/1 target: the name of 0, then of 1).
   *
   * @throws IllegalArgumentException if the list is null or holds null
   */
  public Dataset withClassNames(List<String> names) {
    return new Dataset(inputs, targets, inputNames, names(names, "class names"));
  }

  private static List<String> names(List<String> names, String what) {
    if (names == null || names.contains(null)) {
      throw new IllegalArgumentException(what + " must not be null or hold null");
    }
    return Collections.unmodifiableList(new ArrayList<>(names));
  }

  /** Returns a dataset of these rows with the names of {@code other}. */
  static Dataset withNamesOf(Dataset other, double[][] inputs, double[][] targets) {
    return new Dataset(inputs, targets, other.inputNames, other.classNames);
  }

  /** Returns the names of the input columns, or an empty list if they are not known. */
  public List<String> inputNames() {
    return inputNames;
  }

  /** Returns the names of the classes, or an empty list if they are not known. */
  public List<String> classNames() {
    return classNames;
  }

  /** Returns the number of samples. */
  public int size() {
    return inputs.length;
  }

  /** Returns the input row of sample {@code i}. */
  public double[] input(int i) {
    return inputs[i];
  }

  /** Returns the target row of sample {@code i}. */
  public double[] target(int i) {
    return targets[i];
  }

  /** Returns the number of values of each input row (0 for an empty dataset). */
  public int inputSize() {
    return inputs.length == 0 ? 0 : inputs[0].length;
  }

  /** Returns the number of values of each target row (0 for an empty dataset). */
  public int targetSize() {
    return targets.length == 0 ? 0 : targets[0].length;
  }

  /**
   * Returns the samples at {@code indices}, in that order, sharing their rows with this dataset.
   *
   * @throws IllegalArgumentException if an index is outside {@code [0, size())}
   */
  public Dataset subset(int[] indices) {
    if (indices == null) {
      throw new IllegalArgumentException("indices must not be null");
    }
    double[][] in = new double[indices.length][];
    double[][] out = new double[indices.length][];
    for (int k = 0; k < indices.length; k++) {
      int i = indices[k];
      if (i < 0 || i >= inputs.length) {
        throw new IllegalArgumentException("index " + k + " must be in [0, " + inputs.length
            + "), but was " + i);
      }
      in[k] = inputs[i];
      out[k] = targets[i];
    }
    return new Dataset(in, out, inputNames, classNames);
  }

  /**
   * Shuffles the samples with {@code seed} and splits them into a training part holding about
   * {@code trainFraction} of them and a test part holding the rest; the same seed always gives
   * the same split. Each part keeps at least one sample.
   *
   * @throws IllegalArgumentException if {@code trainFraction} is not strictly between 0 and 1 or
   *     the dataset has fewer than 2 samples
   */
  public Split split(double trainFraction, long seed) {
    if (!(trainFraction > 0 && trainFraction < 1)) {
      throw new IllegalArgumentException(
          "trainFraction must be strictly between 0 and 1, but was " + trainFraction);
    }
    if (inputs.length < 2) {
      throw new IllegalArgumentException(
          "a split needs at least 2 samples, but the dataset has " + inputs.length);
    }
    int[] order = shuffledIndices(inputs.length, seed);
    int trainSize = (int) Math.round(inputs.length * trainFraction);
    trainSize = Math.max(1, Math.min(inputs.length - 1, trainSize));
    return Split.of(this, range(order, 0, trainSize), range(order, trainSize, inputs.length));
  }

  /**
   * Like {@link #split}, but for classification: each class (the largest target value, or a
   * single target at least 0.5) is split with {@code trainFraction} on its own, so that both parts
   * keep the class proportions of the whole.
   *
   * @throws IllegalArgumentException if {@code trainFraction} is not strictly between 0 and 1, a
   *     target holds NaN, or a part would be empty
   */
  public Split stratifiedSplit(double trainFraction, long seed) {
    if (!(trainFraction > 0 && trainFraction < 1)) {
      throw new IllegalArgumentException(
          "trainFraction must be strictly between 0 and 1, but was " + trainFraction);
    }
    return StratifiedSplitter.split(this, trainFraction, seed);
  }

  /** Fisher-Yates over {@code 0..n-1}, driven by a seeded generator so that splits repeat. */
  static int[] shuffledIndices(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private static int[] range(int[] values, int from, int to) {
    int[] part = new int[to - from];
    System.arraycopy(values, from, part, 0, part.length);
    return part;
  }
}
