package dev.neurite.samples.support;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The spread of one measure over several runs (split seeds): mean, sample standard deviation,
 * standard error of the mean, lowest and highest value.
 */
public record Spread(double mean, double standardDeviation, double min, double max, int runs) {
  /** Returns the spread of {@code values}; there must be at least two. */
  public static Spread of(double[] values) {
    if (values.length < 2) {
      throw new IllegalArgumentException("a spread needs at least 2 values, but got "
          + values.length);
    }
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double mean = sum / values.length;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return new Spread(mean, Math.sqrt(squares / (values.length - 1)), min, max, values.length);
  }

  /** Returns the spread of {@code measure} over {@code runs}; there must be at least two. */
  public static <T> Spread of(List<T> runs, ToDoubleFunction<T> measure) {
    double[] values = new double[runs.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = measure.applyAsDouble(runs.get(i));
    }
    return of(values);
  }

  /** Returns the standard error of the mean: the standard deviation over the root of the runs. */
  public double standardError() {
    return standardDeviation / Math.sqrt(runs);
  }

  /** Returns "mean 0.950, sd 0.039, min 0.867, max 1.000 (10 runs)". */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "mean %.3f, sd %.3f, min %.3f, max %.3f (%d runs)", mean,
        standardDeviation, min, max, runs);
  }
}
