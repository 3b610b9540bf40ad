package dev.neurite.runtime;

import java.util.SplittableRandom;

/**
 * The dropout rule, in one place for the interpreter and the generated classes: inverted dropout,
 * which scales the kept values in training so that inference needs no scaling.
 */
public final class Dropout {
  private Dropout() {}

  /**
   * Returns the factor one value is multiplied by in training: 0 with probability {@code rate},
   * else {@code 1 / (1 - rate)}, so that each value keeps its expectation. Draws exactly one
   * {@code nextDouble()} from {@code random}, so that every implementation draws the same masks.
   */
  public static double factor(SplittableRandom random, double rate) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), but was " + rate);
    }
    return random.nextDouble() < rate ? 0 : 1 / (1 - rate);
  }
}
