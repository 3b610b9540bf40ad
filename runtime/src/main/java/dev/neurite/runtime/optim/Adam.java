package dev.neurite.runtime.optim;

/**
 * Adam (Kingma and Ba, 2015): steps scaled by bias-corrected moving averages of the gradient and
 * of its square.
 *
 * <p>State: {@code [m, v, [steps, beta1^steps, beta2^steps]]}.
 */
public final class Adam extends AdaptiveMoments {
  /** The learning rate of {@link #Adam()}. */
  public static final double DEFAULT_LEARNING_RATE = 0.001;
  /** The decay of the first moment of {@link #Adam()}. */
  public static final double DEFAULT_BETA1 = 0.9;
  /** The decay of the second moment of {@link #Adam()}. */
  public static final double DEFAULT_BETA2 = 0.999;
  /** The epsilon of {@link #Adam()}. */
  public static final double DEFAULT_EPSILON = 1e-8;

  /** Creates Adam with learning rate 0.001, betas 0.9 and 0.999, and epsilon 1e-8. */
  public Adam() {
    this(DEFAULT_LEARNING_RATE);
  }

  /** Creates Adam with the given learning rate and the default betas and epsilon. */
  public Adam(double learningRate) {
    this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
  }

  /**
   * Creates Adam.
   *
   * @throws IllegalArgumentException if the rate or epsilon is not positive and finite, or a beta
   *     is not in [0, 1)
   */
  public Adam(double learningRate, double beta1, double beta2, double epsilon) {
    super(learningRate, beta1, beta2, epsilon, 0);
  }
}
