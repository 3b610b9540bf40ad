package dev.neurite.runtime.metrics;

import dev.neurite.runtime.Loss;
import dev.neurite.runtime.Model;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.data.Dataset;

/** The mean over the samples of a {@link Loss}: what training minimizes, measured on any data. */
public final class MeanLoss {
  private MeanLoss() {}

  /**
   * Returns the mean loss of {@code model} on {@code data} under the network's own loss,
   * predicting one sample at a time into a reused buffer.
   *
   * @throws IllegalArgumentException if the dataset is empty or does not fit the model
   */
  public static double of(Model model, Dataset data) {
    Samples.check(model, data);
    NetworkSpec spec = model.spec();
    double[] sum = {0};
    Samples.forEach(model, data, (p, t) -> sum[0] += spec.lossValue(p, t));
    return sum[0] / data.size();
  }

  /**
   * Returns the mean of {@code loss} over the rows of {@code predictions} against
   * {@code targets}.
   *
   * @throws IllegalArgumentException if the loss is null, or the arrays are empty or their
   *     shapes differ
   */
  public static double of(Loss loss, double[][] predictions, double[][] targets) {
    if (loss == null) {
      throw new IllegalArgumentException("loss must not be null");
    }
    double[] sum = {0};
    Samples.forEach(predictions, targets, (p, t) -> sum[0] += loss.value(p, t, p.length));
    return sum[0] / predictions.length;
  }
}
