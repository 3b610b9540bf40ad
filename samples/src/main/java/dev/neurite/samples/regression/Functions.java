package dev.neurite.samples.regression;

import dev.neurite.runtime.data.Dataset;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Generated regression data: points drawn uniformly from a box, and the function's values. */
final class Functions {
  private Functions() {}

  /**
   * Returns {@code count} samples of {@code f} at points drawn uniformly from
   * {@code [low, high)} in each of {@code dimensions} coordinates, with a seeded generator.
   */
  static Dataset sample(ToDoubleFunction<double[]> f, int dimensions, double low, double high,
      int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] inputs = new double[count][dimensions];
    double[][] targets = new double[count][1];
    for (int i = 0; i < count; i++) {
      for (int d = 0; d < dimensions; d++) {
        inputs[i][d] = random.nextDouble(low, high);
      }
      targets[i][0] = f.applyAsDouble(inputs[i]);
    }
    return Dataset.of(inputs, targets);
  }

  /** {@code sin(x)}. */
  static double sine(double[] x) {
    return Math.sin(x[0]);
  }

  /** {@code sin(x) cos(y)}. */
  static double surface(double[] p) {
    return Math.sin(p[0]) * Math.cos(p[1]);
  }
}
