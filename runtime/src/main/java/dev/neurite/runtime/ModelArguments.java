package dev.neurite.runtime;

import dev.neurite.runtime.data.Dataset;

/**
 * The checks behind the bad-argument contract of {@link Model}, in one place for the interpreter,
 * the generated classes and any other implementation: each throws an
 * {@link IllegalArgumentException} that names the argument and says what was expected. They run
 * once per call, before any work, never inside a loop over weights.
 */
public final class ModelArguments {
  private ModelArguments() {}

  /**
   * Refuses an {@code array} argument named {@code name} that is null or whose length is not
   * {@code expected}.
   */
  public static void requireLength(String name, double[] array, int expected) {
    if (array == null || array.length != expected) {
      throw wrongLength(name, expected, array == null ? -1 : array.length);
    }
  }

  /** Refuses a {@code float} array like {@link #requireLength(String, double[], int)}. */
  public static void requireLength(String name, float[] array, int expected) {
    if (array == null || array.length != expected) {
      throw wrongLength(name, expected, array == null ? -1 : array.length);
    }
  }

  /**
   * Refuses the arguments of a
   * {@link dev.neurite.runtime.train.TrainableModel#forwardBackwardBatch} call on a model with
   * {@code inputs} inputs and {@code outputs} outputs: a null {@code data} or {@code order}, a
   * range outside {@code 0 <= from <= to <= order.length}, an index {@code order[k]} (for
   * {@code from <= k < to}) outside the dataset, or rows of another size than the model's.
   */
  public static void requireBatch(
      Dataset data, int[] order, int from, int to, int inputs, int outputs) {
    if (data == null || order == null) {
      throw new IllegalArgumentException((data == null ? "data" : "order")
          + " must not be null");
    }
    if (from < 0 || to > order.length || from > to) {
      throw new IllegalArgumentException("from and to must satisfy 0 <= from <= to <= "
          + "order.length (" + order.length + "), but were " + from + " and " + to);
    }
    if (from == to) {
      return;
    }
    for (int k = from; k < to; k++) {
      if (order[k] < 0 || order[k] >= data.size()) {
        throw new IllegalArgumentException("order[" + k + "] must be a sample of data, in [0, "
            + data.size() + "), but was " + order[k]);
      }
    }
    if (data.inputSize() != inputs || data.targetSize() != outputs) {
      throw new IllegalArgumentException("data must have " + inputs + " inputs and " + outputs
          + " targets per sample, but had " + data.inputSize() + " and " + data.targetSize());
    }
  }

  private static IllegalArgumentException wrongLength(String name, int expected, int length) {
    return new IllegalArgumentException(name + " must have length " + expected + ", but "
        + (length < 0 ? "was null" : "had length " + length));
  }
}
