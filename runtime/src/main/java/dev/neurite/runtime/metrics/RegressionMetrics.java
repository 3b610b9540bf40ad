package dev.neurite.runtime.metrics;

import dev.neurite.runtime.Model;
import dev.neurite.runtime.data.Dataset;

/**
 * Mean squared error, mean absolute error and the coefficient of determination R-squared of
 * predictions against numeric targets.
 *
 * <p>With several outputs, the errors are means over every value, and R-squared is the mean of
 * each output's R-squared. An output whose targets are all equal has R-squared 1 if it is
 * predicted exactly and 0 otherwise (the convention of scikit-learn). Immutable.
 */
public final class RegressionMetrics {
  private final double meanSquaredError;
  private final double meanAbsoluteError;
  private final double rSquared;
  private final int count;

  private RegressionMetrics(Accumulator a) {
    this.count = a.count;
    this.meanSquaredError = a.squared / ((double) a.count * a.means.length);
    this.meanAbsoluteError = a.absolute / ((double) a.count * a.means.length);
    this.rSquared = a.rSquared();
  }

  /**
   * Returns the metrics of {@code model} on {@code data}, predicting one sample at a time into a
   * reused buffer.
   *
   * @throws IllegalArgumentException if the dataset is empty or does not fit the model
   */
  public static RegressionMetrics of(Model model, Dataset data) {
    Samples.check(model, data);
    Accumulator a = new Accumulator(data.targetSize());
    for (int i = 0; i < data.size(); i++) {
      a.addTarget(data.target(i));
    }
    a.finishMeans();
    Samples.forEach(model, data, a::addPair);
    return new RegressionMetrics(a);
  }

  /**
   * Returns the metrics of {@code predictions} against {@code targets}, row by row.
   *
   * @throws IllegalArgumentException if the arrays are empty or their shapes differ
   */
  public static RegressionMetrics of(double[][] predictions, double[][] targets) {
    Samples.check(predictions, targets);
    Accumulator a = new Accumulator(targets[0].length);
    for (double[] target : targets) {
      a.addTarget(target);
    }
    a.finishMeans();
    Samples.forEach(predictions, targets, a::addPair);
    return new RegressionMetrics(a);
  }

  /** Returns the mean of {@code (prediction - target)^2} over all values. */
  public double meanSquaredError() {
    return meanSquaredError;
  }

  /** Returns the square root of {@link #meanSquaredError()}, in the targets' unit. */
  public double rootMeanSquaredError() {
    return Math.sqrt(meanSquaredError);
  }

  /** Returns the mean of {@code |prediction - target|} over all values. */
  public double meanAbsoluteError() {
    return meanAbsoluteError;
  }

  /**
   * Returns {@code 1 - SS_res / SS_tot}: 1 for perfect predictions, 0 for always predicting the
   * mean, negative for worse.
   */
  public double rSquared() {
    return rSquared;
  }

  /** Returns the number of samples measured. */
  public int count() {
    return count;
  }

  @Override
  public String toString() {
    return "MSE " + MetricsText.decimal(meanSquaredError) + ", MAE "
        + MetricsText.decimal(meanAbsoluteError) + ", R^2 " + MetricsText.decimal(rSquared);
  }

  /** Sums over two passes: the targets for their means, then the (prediction, target) pairs. */
  private static final class Accumulator {
    final double[] means;
    final double[] residual;
    final double[] spread;
    double squared;
    double absolute;
    int count;

    Accumulator(int outputs) {
      means = new double[outputs];
      residual = new double[outputs];
      spread = new double[outputs];
    }

    void addTarget(double[] target) {
      for (int k = 0; k < means.length; k++) {
        means[k] += target[k];
      }
      count++;
    }

    void finishMeans() {
      for (int k = 0; k < means.length; k++) {
        means[k] /= count;
      }
    }

    void addPair(double[] prediction, double[] target) {
      for (int k = 0; k < means.length; k++) {
        double error = prediction[k] - target[k];
        double deviation = target[k] - means[k];
        squared += error * error;
        absolute += Math.abs(error);
        residual[k] += error * error;
        spread[k] += deviation * deviation;
      }
    }

    double rSquared() {
      double sum = 0;
      for (int k = 0; k < means.length; k++) {
        if (spread[k] == 0) {
          sum += residual[k] == 0 ? 1 : 0;
        } else {
          sum += 1 - residual[k] / spread[k];
        }
      }
      return sum / means.length;
    }
  }
}
