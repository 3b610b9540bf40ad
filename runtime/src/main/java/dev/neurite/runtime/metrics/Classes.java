package dev.neurite.runtime.metrics;

import dev.neurite.runtime.data.OneHot;

/**
 * How a row of outputs or targets names a class: the index of the largest value when there are
 * several (one-hot or class scores), or 1 if a single value is at least 0.5, else 0 (a sigmoid
 * output and its 0/1 target).
 */
public final class Classes {
  /** The single-output decision threshold. */
  public static final double THRESHOLD = 0.5;

  private Classes() {}

  /**
   * Returns the class that {@code row} stands for.
   *
   * @throws IllegalArgumentException if the row is null, empty or holds NaN
   */
  public static int of(double[] row) {
    if (row != null && row.length == 1) {
      if (Double.isNaN(row[0])) {
        throw new IllegalArgumentException("row must not hold NaN, but value 0 was NaN");
      }
      return row[0] >= THRESHOLD ? 1 : 0;
    }
    return OneHot.argmax(row);
  }

  /** Returns the number of classes rows of {@code width} values stand for (2 for one value). */
  public static int count(int width) {
    if (width < 1) {
      throw new IllegalArgumentException("width must be at least 1, but was " + width);
    }
    return width == 1 ? 2 : width;
  }
}
