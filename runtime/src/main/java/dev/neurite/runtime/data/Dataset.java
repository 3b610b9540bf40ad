package dev.neurite.runtime.data;

/**
 * Samples for training or evaluation: one input row and one target row per sample.
 *
 * <p>The rows are held by reference, not copied; a dataset never changes them.
 */
public final class Dataset {
  private final double[][] inputs;
  private final double[][] targets;

  private Dataset(double[][] inputs, double[][] targets) {
    this.inputs = inputs;
    this.targets = targets;
  }

  /**
   * Returns a dataset of these rows.
   *
   * @throws IllegalArgumentException if the counts differ or a row has another length than the
   *     first
   */
  public static Dataset of(double[][] inputs, double[][] targets) {
    if (inputs.length != targets.length) {
      throw new IllegalArgumentException("inputs and targets must have the same number of rows, "
          + "but had " + inputs.length + " and " + targets.length);
    }
    checkRows("input", inputs);
    checkRows("target", targets);
    return new Dataset(inputs, targets);
  }

  private static void checkRows(String what, double[][] rows) {
    for (int r = 1; r < rows.length; r++) {
      if (rows[r].length != rows[0].length) {
        throw new IllegalArgumentException(what + " row " + r + " must have length "
            + rows[0].length + " like row 0, but had " + rows[r].length);
      }
    }
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
}
