package dev.neurite.runtime.io;

import java.util.Arrays;

/**
 * An array as NumPy stores it: a shape, the values in C (row-major) order, and whether its
 * elements are float32 or float64. Immutable: the constructor and {@link #values()} copy.
 */
public final class NpyArray {
  private final int[] shape;
  private final double[] values;
  private final boolean float32;

  /**
   * Creates an array of {@code values} in C order with the given shape.
   *
   * @param float32 whether the elements are stored as float32 (each value rounded to a float
   *     when written) rather than float64
   * @throws IllegalArgumentException if the shape does not hold exactly {@code values.length}
   */
  public NpyArray(double[] values, boolean float32, int... shape) {
    long count = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      count *= d;
    }
    if (count != values.length) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
          + " values, not " + values.length);
    }
    this.shape = shape.clone();
    this.values = values.clone();
    this.float32 = float32;
  }

  /** Returns a copy of the dimensions (empty for a single value). */
  public int[] shape() {
    return shape.clone();
  }

  /** Returns a copy of the values in C order. */
  public double[] values() {
    return values.clone();
  }

  /** Returns the number of values. */
  public int size() {
    return values.length;
  }

  /** Returns whether the elements are float32 ({@code '<f4'}) rather than float64. */
  public boolean isFloat32() {
    return float32;
  }

  /** Returns NumPy's description of the element type: {@code <f4} or {@code <f8}. */
  public String descr() {
    return float32 ? "<f4" : "<f8";
  }

  double value(int index) {
    return values[index];
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof NpyArray)) {
      return false;
    }
    NpyArray that = (NpyArray) o;
    return float32 == that.float32 && Arrays.equals(shape, that.shape)
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(values)) + (float32 ? 1 : 0);
  }

  @Override
  public String toString() {
    return "NpyArray(" + descr() + ", shape " + Arrays.toString(shape) + ")";
  }
}
