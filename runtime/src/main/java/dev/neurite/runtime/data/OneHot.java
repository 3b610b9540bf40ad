package dev.neurite.runtime.data;

import java.util.Arrays;

/**
 * One-hot encoding of class labels ({@code 2} of 4 classes is {@code [0, 0, 1, 0]}) and its
 * inverse, the index of the largest value.
 */
public final class OneHot {
  private OneHot() {}

  /**
   * Returns the one-hot row of {@code label} among {@code classes} classes.
   *
   * @throws IllegalArgumentException if {@code classes < 1} or the label is outside
   *     {@code [0, classes)}
   */
  public static double[] encode(int label, int classes) {
    double[] row = new double[checkClasses(classes)];
    encode(label, row);
    return row;
  }

  /**
   * Writes the one-hot row of {@code label} into {@code row}, whose length is the class count.
   *
   * @throws IllegalArgumentException if the label is outside {@code [0, row.length)}
   */
  public static void encode(int label, double[] row) {
    if (row == null) {
      throw new IllegalArgumentException("row must not be null");
    }
    if (label < 0 || label >= row.length) {
      throw new IllegalArgumentException("label must be in [0, " + row.length + "), but was "
          + label);
    }
    Arrays.fill(row, 0);
    row[label] = 1;
  }

  /**
   * Returns one one-hot row per label.
   *
   * @throws IllegalArgumentException if {@code classes < 1} or a label is out of range
   */
  public static double[][] encode(int[] labels, int classes) {
    if (labels == null) {
      throw new IllegalArgumentException("labels must not be null");
    }
    checkClasses(classes);
    double[][] rows = new double[labels.length][];
    for (int i = 0; i < labels.length; i++) {
      rows[i] = encode(labels[i], classes);
    }
    return rows;
  }

  /**
   * Returns the index of the largest value of {@code row}, the first one on ties: the class a
   * one-hot row or a vector of class scores stands for.
   *
   * @throws IllegalArgumentException if the row is null, empty or holds NaN
   */
  public static int argmax(double[] row) {
    if (row == null || row.length == 0) {
      throw new IllegalArgumentException("row must hold at least one value, but was "
          + (row == null ? "null" : "empty"));
    }
    int best = 0;
    for (int i = 0; i < row.length; i++) {
      if (Double.isNaN(row[i])) {
        throw new IllegalArgumentException("row must not hold NaN, but value " + i + " was NaN");
      }
      if (row[i] > row[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Returns the class of each row, by {@link #argmax}.
   *
   * @throws IllegalArgumentException if a row is null, empty or holds NaN
   */
  public static int[] decode(double[][] rows) {
    if (rows == null) {
      throw new IllegalArgumentException("rows must not be null");
    }
    int[] labels = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      labels[i] = argmax(rows[i]);
    }
    return labels;
  }

  private static int checkClasses(int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be at least 1, but was " + classes);
    }
    return classes;
  }
}
