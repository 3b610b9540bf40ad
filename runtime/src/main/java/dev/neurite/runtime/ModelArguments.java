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
   * Refuses the arguments of a batch {@code predict} of {@code count} samples on a model with
   * {@code inputSize} inputs and {@code outputSize} outputs: a negative {@code count}, a null
   * {@code inputs} or {@code outputs}, or one shorter than {@code count} samples (row-major, one
   * sample after the other); longer arrays are allowed, their tails untouched.
   */
  public static void requireSamples(
      double[] inputs, double[] outputs, int count, int inputSize, int outputSize) {
    requireCount(count);
    requireSamples("inputs", inputs == null ? -1 : inputs.length, count, inputSize);
    requireSamples("outputs", outputs == null ? -1 : outputs.length, count, outputSize);
  }

  /**
   * Refuses the {@code float} arrays of a batch {@code predict} like
   * {@link #requireSamples(double[], double[], int, int, int)}.
   */
  public static void requireSamples(
      float[] inputs, float[] outputs, int count, int inputSize, int outputSize) {
    requireCount(count);
    requireSamples("inputs", inputs == null ? -1 : inputs.length, count, inputSize);
    requireSamples("outputs", outputs == null ? -1 : outputs.length, count, outputSize);
  }

  private static void requireCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, but was " + count);
    }
  }

  /** Refuses an array of {@code length} (-1 for null) holding fewer than count samples. */
  private static void requireSamples(String name, int length, int count, int size) {
    long needed = (long) count * size;
    if (length < 0) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (length < needed) {
      throw new IllegalArgumentException(name + " must hold count * " + size + " = " + needed
          + " values (" + count + " samples of " + size + "), but had length " + length);
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
