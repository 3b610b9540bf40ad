package dev.neurite.runtime.optim;

/**
 * AdaGrad: each parameter's step is divided by the root of the sum of its squared gradients,
 * {@code s += g^2}, {@code p -= learningRate * g / (sqrt(s) + epsilon)}.
 *
 * <p>State: {@code [sumOfSquares]}.
 */
public final class AdaGrad extends BaseOptimizer {
  /** The learning rate of {@link #AdaGrad()}. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;
  /** The epsilon of {@link #AdaGrad()}. */
  public static final double DEFAULT_EPSILON = 1e-8;

  private final double epsilon;

  /** Creates AdaGrad with learning rate 0.01 and epsilon 1e-8. */
  public AdaGrad() {
    this(DEFAULT_LEARNING_RATE, DEFAULT_EPSILON);
  }

  /**
   * Creates AdaGrad.
   *
   * @throws IllegalArgumentException if the rate or epsilon is not positive and finite
   */
  public AdaGrad(double learningRate, double epsilon) {
    super(learningRate, 1, 0);
    this.epsilon = Hyper.positive("epsilon", epsilon);
  }

  @Override
  void update(double[] parameters, double[] gradient, double rate, int from, int to) {
    double[] squares = array(0);
    for (int i = from; i < to; i++) {
      squares[i] += gradient[i] * gradient[i];
      parameters[i] -= rate * gradient[i] / (Math.sqrt(squares[i]) + epsilon);
    }
  }
}
