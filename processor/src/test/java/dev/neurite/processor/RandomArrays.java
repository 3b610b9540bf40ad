package dev.neurite.processor;

import java.util.SplittableRandom;

/** Seeded random inputs, targets and parameters for the tests that run generated classes. */
final class RandomArrays {
  private RandomArrays() {}

  /** Returns {@code n} values drawn uniformly from {@code [-limit, limit)}. */
  static double[] uniform(SplittableRandom random, int n, double limit) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextDouble(-limit, limit);
    }
    return values;
  }
}
