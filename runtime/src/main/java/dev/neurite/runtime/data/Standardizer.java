package dev.neurite.runtime.data;

import java.util.Arrays;

/**
 * Rescales each input column to mean 0 and standard deviation 1: {@code (x - mean) / stddev}.
 *
 * <p>Fit it on the training part only, then apply the same means and standard deviations to the
 * test part and at inference, so that no information leaks from the test data. A constant column
 * gets a standard deviation of 1, so it maps to 0 instead of dividing by zero. The means and
 * standard deviations can be read and restored, which is how the model file keeps them.
 */
public final class Standardizer {
  private final double[] means;
  private final double[] stddevs;

  private Standardizer(double[] means, double[] stddevs) {
    this.means = means;
    this.stddevs = stddevs;
  }

  /**
   * Returns the standardizer of the input columns of {@code data} (population standard
   * deviation, divided by n).
   *
   * @throws IllegalArgumentException if the dataset is empty, holds a value that is not finite,
   *     or has a column whose mean or standard deviation is beyond double range (values near
   *     1e200 square to infinity); the message names the column
   */
  public static Standardizer fit(Dataset data) {
    if (data == null || data.size() == 0) {
      throw new IllegalArgumentException("a standardizer must be fitted on at least one sample, "
          + "but the dataset was " + (data == null ? "null" : "empty"));
    }
    double[] means = columnMeans(data);
    double[] stddevs = new double[means.length];
    for (int i = 0; i < data.size(); i++) {
      double[] row = data.input(i);
      for (int c = 0; c < row.length; c++) {
        double d = row[c] - means[c];
        stddevs[c] += d * d;
      }
    }
    for (int c = 0; c < stddevs.length; c++) {
      double s = Math.sqrt(stddevs[c] / data.size());
      stddevs[c] = s > 0 ? s : 1;
      checkRepresentable(c, means[c], stddevs[c]);
    }
    return new Standardizer(means, stddevs);
  }

  /**
   * Refuses a column whose statistics overflowed: a standardizer holding them could not be saved
   * and loaded back, and would map every value to 0 or NaN.
   */
  private static void checkRepresentable(int column, double mean, double stddev) {
    if (!Double.isFinite(mean) || !Double.isFinite(stddev)) {
      throw new IllegalArgumentException("column " + column + " cannot be standardized: its "
          + (Double.isFinite(mean) ? "standard deviation" : "mean") + " is beyond double range ("
          + (Double.isFinite(mean) ? stddev : mean) + "); rescale that column first, for "
          + "example divide it by a power of ten");
    }
  }

  private static double[] columnMeans(Dataset data) {
    double[] sums = new double[data.inputSize()];
    for (int i = 0; i < data.size(); i++) {
      double[] row = data.input(i);
      for (int c = 0; c < row.length; c++) {
        if (!Double.isFinite(row[c])) {
          throw new IllegalArgumentException("inputs must be finite, but row " + i + " column "
              + c + " was " + row[c]);
        }
        sums[c] += row[c];
      }
    }
    for (int c = 0; c < sums.length; c++) {
      sums[c] /= data.size();
    }
    return sums;
  }

  /**
   * Returns the standardizer with these means and standard deviations, as saved from
   * {@link #means()} and {@link #stddevs()}.
   *
   * @throws IllegalArgumentException if the lengths differ, a mean is not finite or a standard
   *     deviation is not finite and positive
   */
  public static Standardizer of(double[] means, double[] stddevs) {
    if (means == null || stddevs == null || means.length != stddevs.length) {
      throw new IllegalArgumentException("means and stddevs must have the same length, but had "
          + length(means) + " and " + length(stddevs));
    }
    for (int c = 0; c < means.length; c++) {
      if (!Double.isFinite(means[c]) || !Double.isFinite(stddevs[c]) || !(stddevs[c] > 0)) {
        throw new IllegalArgumentException("column " + c + " must have a finite mean and a "
            + "finite positive stddev, but had " + means[c] + " and " + stddevs[c]);
      }
    }
    return new Standardizer(means.clone(), stddevs.clone());
  }

  /** Returns the number of columns this standardizer rescales. */
  public int size() {
    return means.length;
  }

  /** Returns a copy of the mean of each column. */
  public double[] means() {
    return means.clone();
  }

  /** Returns a copy of the standard deviation of each column (1 for a constant column). */
  public double[] stddevs() {
    return stddevs.clone();
  }

  /**
   * Standardizes {@code row} in place, without allocating: for each sample at inference.
   *
   * @throws IllegalArgumentException if the row's length is not {@link #size()}
   */
  public void transformInPlace(double[] row) {
    if (row == null || row.length != means.length) {
      throw new IllegalArgumentException("row must have length " + means.length + ", but "
          + (row == null ? "was null" : "had length " + row.length));
    }
    for (int c = 0; c < row.length; c++) {
      row[c] = (row[c] - means[c]) / stddevs[c];
    }
  }

  /**
   * Returns a dataset whose inputs are standardized copies; the targets are shared unchanged.
   *
   * @throws IllegalArgumentException if the dataset's input size is not {@link #size()}
   */
  public Dataset transform(Dataset data) {
    if (data == null || (data.size() > 0 && data.inputSize() != means.length)) {
      throw new IllegalArgumentException("the dataset must have " + means.length
          + " inputs per sample, but " + (data == null ? "was null" : "had " + data.inputSize()));
    }
    double[][] inputs = new double[data.size()][];
    double[][] targets = new double[data.size()][];
    for (int i = 0; i < data.size(); i++) {
      inputs[i] = data.input(i).clone();
      transformInPlace(inputs[i]);
      targets[i] = data.target(i);
    }
    return Dataset.withNamesOf(data, inputs, targets);
  }

  private static String length(double[] array) {
    return array == null ? "null" : String.valueOf(array.length);
  }

  @Override
  public String toString() {
    return "Standardizer(means " + Arrays.toString(means) + ", stddevs "
        + Arrays.toString(stddevs) + ")";
  }
}
