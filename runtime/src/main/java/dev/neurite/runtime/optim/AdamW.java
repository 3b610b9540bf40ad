package dev.neurite.runtime.optim;

/**
 * AdamW (Loshchilov and Hutter, 2019): Adam with weight decay decoupled from the gradient,
 * {@code p = p * (1 - learningRate * weightDecay) - learningRate * mHat / (sqrt(vHat) + eps)}.
 *
 * <p>The optimizer sees a flat array and cannot tell weights from biases, so it decays every
 * parameter, biases included (as PyTorch does by default). For a decay of the weights alone, use
 * {@link Adam} with the trainer's L2 option. State: {@code [m, v, [steps, beta1^steps,
 * beta2^steps]]}.
 */
public final class AdamW extends AdaptiveMoments {
  /** The learning rate of {@link #AdamW()}. */
  public static final double DEFAULT_LEARNING_RATE = 0.001;
  /** The decoupled weight decay of {@link #AdamW()}. */
  public static final double DEFAULT_WEIGHT_DECAY = 0.01;

  /** Creates AdamW with learning rate 0.001, weight decay 0.01, and Adam's default betas. */
  public AdamW() {
    this(DEFAULT_LEARNING_RATE, DEFAULT_WEIGHT_DECAY);
  }

  /** Creates AdamW with the given learning rate and decay, and Adam's default betas. */
  public AdamW(double learningRate, double weightDecay) {
    this(learningRate, Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPSILON,
        weightDecay);
  }

  /**
   * Creates AdamW.
   *
   * @throws IllegalArgumentException if the rate or epsilon is not positive and finite, a beta is
   *     not in [0, 1), or the weight decay is negative or not finite
   */
  public AdamW(
      double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
    super(learningRate, beta1, beta2, epsilon, weightDecay);
  }
}
