package dev.neurite.runtime.optim;

/**
 * The rule Adam and AdamW share: bias-corrected moving averages of the gradient and of its
 * square, and an optional decoupled weight decay.
 *
 * <p>State: {@code [m, v, [steps, beta1^steps, beta2^steps]]}. The powers are kept rather than
 * recomputed so that a restored run continues bit for bit.
 */
abstract class AdaptiveMoments extends BaseOptimizer {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double weightDecay;

  AdaptiveMoments(
      double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
    super(learningRate, 2, 3);
    this.beta1 = Hyper.fraction("beta1", beta1);
    this.beta2 = Hyper.fraction("beta2", beta2);
    this.epsilon = Hyper.positive("epsilon", epsilon);
    this.weightDecay = Hyper.nonNegative("weight decay", weightDecay);
  }

  @Override
  final void update(double[] parameters, double[] gradient, double rate, int from, int to) {
    double[] powers = scalars();
    double correction1 = 1 - powers[1];
    double correction2 = 1 - powers[2];
    double[] m = array(0);
    double[] v = array(1);
    double shrink = 1 - rate * weightDecay;
    for (int i = from; i < to; i++) {
      double g = gradient[i];
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      double mHat = m[i] / correction1;
      double vHat = v[i] / correction2;
      parameters[i] = parameters[i] * shrink - rate * mHat / (Math.sqrt(vHat) + epsilon);
    }
  }

  /** Counts one more step and updates {@code beta^steps}. */
  @Override
  final void countStep() {
    double[] s = scalars();
    if (s[0] == 0) {
      s[1] = 1;
      s[2] = 1;
    }
    s[0] += 1;
    s[1] *= beta1;
    s[2] *= beta2;
  }
}
