package dev.neurite.runtime.train;

import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.NetworkSpec;

/**
 * L2 and L1 penalties on the weights (never on biases) and gradient-norm clipping, applied to the
 * mean gradient of a minibatch before the optimizer step.
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
   * dense layer of {@code spec}.
   */
  void addPenalties(NetworkSpec spec, double[] parameters, double[] gradient) {
    if (l2 == 0 && l1 == 0) {
      return;
    }
    for (int l = 0; l < spec.layerCount(); l++) {
      if (spec.layer(l).kind() == LayerSpec.Kind.DENSE) {
        int start = spec.weightOffset(l);
        int end = start + spec.layer(l).units() * spec.inputSizeOf(l);
        addPenalties(parameters, gradient, start, end);
      }
    }
  }

  private void addPenalties(double[] parameters, double[] gradient, int start, int end) {
    for (int i = start; i < end; i++) {
      gradient[i] += l2 * parameters[i] + l1 * Math.signum(parameters[i]);
    }
  }

  /**
   * Scales {@code gradient} down to the maximum norm if it is longer, and returns its norm before
   * clipping (infinite or NaN if the gradient is).
   */
  double clip(double[] gradient) {
    double sum = 0;
    for (double g : gradient) {
      sum += g * g;
    }
    double norm = Math.sqrt(sum);
    if (maxNorm > 0 && norm > maxNorm && norm < Double.POSITIVE_INFINITY) {
      double scale = maxNorm / norm;
      for (int i = 0; i < gradient.length; i++) {
        gradient[i] *= scale;
      }
    }
    return norm;
  }
}
