package dev.neurite.runtime.metrics;

import dev.neurite.runtime.Model;
import dev.neurite.runtime.data.Dataset;

/**
 * Counts of samples by true class (rows) and predicted class (columns), with the per-class
 * precision, recall and F1 derived from them.
 *
 * <p>A class that is never predicted has precision 0, and one that never occurs has recall 0
 * (the convention of scikit-learn), so that the macro averages stay defined. Immutable.
 */
public final class ConfusionMatrix {
  private final long[][] counts;
  private final String[] names;

  private ConfusionMatrix(long[][] counts, String[] names) {
    this.counts = counts;
    this.names = names;
  }

  /**
   * Returns the matrix of {@code model} on {@code data}, predicting one sample at a time into a
   * reused buffer; classes are read by {@link Classes#of}.
   *
   * @throws IllegalArgumentException if the dataset is empty or does not fit the model
   */
  public static ConfusionMatrix of(Model model, Dataset data) {
    Samples.check(model, data);
    long[][] counts = square(Classes.count(model.outputSize()));
    Samples.forEach(model, data, (p, t) -> counts[Classes.of(t)][Classes.of(p)]++);
    return new ConfusionMatrix(counts, defaultNames(counts.length));
  }

  /**
   * Returns the matrix of {@code predictions} against {@code targets}, row by row.
   *
   * @throws IllegalArgumentException if the arrays are empty or their shapes differ
   */
  public static ConfusionMatrix of(double[][] predictions, double[][] targets) {
    Samples.check(predictions, targets);
    long[][] counts = square(Classes.count(predictions[0].length));
    Samples.forEach(predictions, targets, (p, t) -> counts[Classes.of(t)][Classes.of(p)]++);
    return new ConfusionMatrix(counts, defaultNames(counts.length));
  }

  /**
   * Returns the matrix of class labels: {@code actual[i]} is sample i's true class and
   * {@code predicted[i]} the class the model gave it, each in {@code [0, classes)}.
   *
   * @throws IllegalArgumentException if the lengths differ, {@code classes < 2} or a label is
   *     out of range
   */
  public static ConfusionMatrix ofLabels(int[] actual, int[] predicted, int classes) {
    if (actual == null || predicted == null || actual.length != predicted.length) {
      throw new IllegalArgumentException("actual and predicted must have the same length, "
          + "but had " + length(actual) + " and " + length(predicted));
    }
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be at least 2, but was " + classes);
    }
    long[][] counts = square(classes);
    for (int i = 0; i < actual.length; i++) {
      counts[checkLabel(actual[i], classes, i)][checkLabel(predicted[i], classes, i)]++;
    }
    return new ConfusionMatrix(counts, defaultNames(counts.length));
  }

  /**
   * Returns this matrix with a name for each class, used by {@link #toString()} and
   * {@link #report()}.
   *
   * @throws IllegalArgumentException if the number of names is not {@link #classCount()} or a
   *     name is null
   */
  public ConfusionMatrix withClassNames(String... classNames) {
    if (classNames == null || classNames.length != counts.length) {
      throw new IllegalArgumentException("expected " + counts.length + " class names, but got "
          + (classNames == null ? "null" : String.valueOf(classNames.length)));
    }
    for (int c = 0; c < classNames.length; c++) {
      if (classNames[c] == null) {
        throw new IllegalArgumentException("class name " + c + " must not be null");
      }
    }
    return new ConfusionMatrix(counts, classNames.clone());
  }

  /** Returns the number of classes. */
  public int classCount() {
    return counts.length;
  }

  /** Returns the name of class {@code c} (its index unless names were given). */
  public String className(int c) {
    return names[checkClass(c)];
  }

  /** Returns how many samples of true class {@code actual} were predicted as {@code predicted}. */
  public long count(int actual, int predicted) {
    return counts[checkClass(actual)][checkClass(predicted)];
  }

  /** Returns the number of samples counted. */
  public long total() {
    long total = 0;
    for (int c = 0; c < counts.length; c++) {
      total += support(c);
    }
    return total;
  }

  /** Returns the number of samples whose true class is {@code c}. */
  public long support(int c) {
    long sum = 0;
    for (long n : counts[checkClass(c)]) {
      sum += n;
    }
    return sum;
  }

  /** Returns the number of samples predicted as class {@code c}. */
  public long predictedCount(int c) {
    checkClass(c);
    long sum = 0;
    for (long[] row : counts) {
      sum += row[c];
    }
    return sum;
  }

  /** Returns the fraction of samples on the diagonal (0 for an empty matrix). */
  public double accuracy() {
    long correct = 0;
    for (int c = 0; c < counts.length; c++) {
      correct += counts[c][c];
    }
    return ratio(correct, total());
  }

  /** Returns the fraction of the samples predicted as {@code c} that truly are {@code c}. */
  public double precision(int c) {
    return ratio(count(c, c), predictedCount(c));
  }

  /** Returns the fraction of the samples of true class {@code c} that were predicted as it. */
  public double recall(int c) {
    return ratio(count(c, c), support(c));
  }

  /** Returns the harmonic mean of {@link #precision} and {@link #recall} of class {@code c}. */
  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Returns the unweighted mean of the per-class precisions. */
  public double macroPrecision() {
    double sum = 0;
    for (int c = 0; c < counts.length; c++) {
      sum += precision(c);
    }
    return sum / counts.length;
  }

  /** Returns the unweighted mean of the per-class recalls. */
  public double macroRecall() {
    double sum = 0;
    for (int c = 0; c < counts.length; c++) {
      sum += recall(c);
    }
    return sum / counts.length;
  }

  /** Returns the unweighted mean of the per-class F1 scores (not the F1 of the macro means). */
  public double macroF1() {
    double sum = 0;
    for (int c = 0; c < counts.length; c++) {
      sum += f1(c);
    }
    return sum / counts.length;
  }

  /** Returns a table of precision, recall, F1 and support per class, then the macro means. */
  public String report() {
    return MetricsText.report(this);
  }

  /** Returns the matrix as a table: one row per true class, one column per predicted class. */
  @Override
  public String toString() {
    return MetricsText.matrix(this);
  }

  private int checkClass(int c) {
    if (c < 0 || c >= counts.length) {
      throw new IllegalArgumentException("class must be in [0, " + counts.length + "), but was "
          + c);
    }
    return c;
  }

  private static int checkLabel(int label, int classes, int i) {
    if (label < 0 || label >= classes) {
      throw new IllegalArgumentException("labels must be in [0, " + classes + "), but sample " + i
          + " had " + label);
    }
    return label;
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  private static long[][] square(int n) {
    return new long[n][n];
  }

  private static String[] defaultNames(int n) {
    String[] names = new String[n];
    for (int c = 0; c < n; c++) {
      names[c] = String.valueOf(c);
    }
    return names;
  }

  private static String length(int[] array) {
    return array == null ? "null" : String.valueOf(array.length);
  }
}
