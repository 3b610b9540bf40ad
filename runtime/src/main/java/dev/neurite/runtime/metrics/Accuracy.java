package dev.neurite.runtime.metrics;

import dev.neurite.runtime.Model;
import dev.neurite.runtime.data.Dataset;

/**
 * The fraction of samples whose predicted class is the target's class, classes read by
 * {@link Classes#of}.
 */
public final class Accuracy {
  private Accuracy() {}

  /**
   * Returns the accuracy of {@code model} on {@code data}, predicting one sample at a time into a
   * reused buffer.
   *
   * @throws IllegalArgumentException if the dataset is empty or does not fit the model
   */
  public static double of(Model model, Dataset data) {
    int[] correct = {0};
    Samples.forEach(model, data, (p, t) -> correct[0] += Classes.of(p) == Classes.of(t) ? 1 : 0);
    return (double) correct[0] / data.size();
  }

  /**
   * Returns the accuracy of {@code predictions} against {@code targets}, row by row.
   *
   * @throws IllegalArgumentException if the arrays are empty or their shapes differ
   */
  public static double of(double[][] predictions, double[][] targets) {
    int[] correct = {0};
    Samples.forEach(predictions, targets,
        (p, t) -> correct[0] += Classes.of(p) == Classes.of(t) ? 1 : 0);
    return (double) correct[0] / predictions.length;
  }
}
