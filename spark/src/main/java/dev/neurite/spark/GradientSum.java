package dev.neurite.spark;

import java.io.Serializable;

/**
 * The summed loss and parameter gradient of some training rows, and how many rows: what each
 * partition sends and what the aggregation tree adds up. An empty sum has no gradient array, so
 * that adding it changes nothing, not even the last bit.
 */
final class GradientSum implements Serializable {
  private static final long serialVersionUID = 1L;
  private double[] gradient;
  private double loss;
  private long count;

  GradientSum(double[] gradient, double loss, long count) {
    this.gradient = gradient;
    this.loss = loss;
    this.count = count;
  }

  /** Returns a sum of no rows. */
  static GradientSum empty() {
    return new GradientSum(null, 0, 0);
  }

  /**
   * Adds {@code other} into this sum and returns this. Each value is one addition of two
   * operands, which IEEE arithmetic makes commutative: {@code a.plus(b)} equals {@code b.plus(a)}
   * bit for bit, which the deterministic tree relies on.
   */
  GradientSum plus(GradientSum other) {
    if (other.gradient == null) {
      return this;
    }
    if (gradient == null) {
      return other;
    }
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] += other.gradient[i];
    }
    loss += other.loss;
    count += other.count;
    return this;
  }

  /** Returns the summed gradient, or null for an empty sum. */
  double[] gradient() {
    return gradient;
  }

  double loss() {
    return loss;
  }

  long count() {
    return count;
  }
}
