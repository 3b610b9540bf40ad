package dev.neurite.runtime.train;

import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.NetworkSpec;

/**
 * L2 and L1 penalties on the weights (never on biases) and gradient-norm clipping, applied to the
 * mean gradient of a minibatch before the optimizer step. Each part works on a range of the flat
 * parameters, so that training threads can share the work; the norm is summed range by range.
 */
final class Regularization {
  private final double l2;
  private final double l1;
  private final double maxNorm;

  /** Takes the coefficients; 0 turns a part off. */
  Regularization(double l2, double l1, double maxNorm) {
    this.l2 = l2;
    this.l1 = l1;
    this.maxNorm = maxNorm;
  }

  /**
   * Adds the gradient of {@code l2 / 2 * sum(w^2) + l1 * sum(|w|)} over the weights of every
   * dense layer of {@code spec} that lie in {@code [from, to)}.
   */
  void addPenalties(NetworkSpec spec, double[] parameters, double[] gradient, int from, int to) {
    if (l2 == 0 && l1 == 0) {
      return;
    }
    for (int l = 0; l < spec.layerCount(); l++) {
      if (spec.layer(l).kind() == LayerSpec.Kind.DENSE) {
        int start = spec.weightOffset(l);
        int end = start + spec.layer(l).units() * spec.inputSizeOf(l);
        addPenalties(parameters, gradient, Math.max(start, from), Math.min(end, to));
      }
    }
  }

  private void addPenalties(double[] parameters, double[] gradient, int start, int end) {
    for (int i = start; i < end; i++) {
      gradient[i] += l2 * parameters[i] + l1 * Math.signum(parameters[i]);
    }
  }

  /** Returns the sum of the squares of {@code gradient[from..to)}, added in index order. */
  static double sumOfSquares(double[] gradient, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += gradient[i] * gradient[i];
    }
    return sum;
  }

  /**
   * Returns the factor that scales a gradient of Euclidean norm {@code norm} down to the maximum
   * norm, or 1 if it needs no clipping (no maximum, short enough, or not finite).
   */
  double clipScale(double norm) {
    if (maxNorm > 0 && norm > maxNorm && norm < Double.POSITIVE_INFINITY) {
      return maxNorm / norm;
    }
    return 1;
  }
}
