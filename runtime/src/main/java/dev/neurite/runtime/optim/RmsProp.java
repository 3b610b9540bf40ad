package dev.neurite.runtime.optim;

/**
 * RMSProp: each parameter's step is divided by the root of a moving average of its squared
 * gradients, {@code s = rho * s + (1 - rho) * g^2},
 * {@code p -= learningRate * g / (sqrt(s) + epsilon)}.
 *
 * <p>State: {@code [meanSquare]}.
 */
public final class RmsProp extends BaseOptimizer {
  /** The learning rate of {@link #RmsProp()}. */
  public static final double DEFAULT_LEARNING_RATE = 0.001;
  /** The decay rate of the moving average of {@link #RmsProp()}. */
  public static final double DEFAULT_RHO = 0.9;
  /** The epsilon of {@link #RmsProp()}. */
  public static final double DEFAULT_EPSILON = 1e-8;

  private final double rho;
  private final double epsilon;

  /** Creates RMSProp with learning rate 0.001, rho 0.9 and epsilon 1e-8. */
  public RmsProp() {
    this(DEFAULT_LEARNING_RATE, DEFAULT_RHO, DEFAULT_EPSILON);
  }

  /**
   * Creates RMSProp.
   *
   * @throws IllegalArgumentException if the rate or epsilon is not positive and finite, or rho
   *     is not in [0, 1)
   */
  public RmsProp(double learningRate, double rho, double epsilon) {
    super(learningRate, 1, 0);
    this.rho = Hyper.fraction("rho", rho);
    this.epsilon = Hyper.positive("epsilon", epsilon);
  }

  @Override
  void update(double[] parameters, double[] gradient, double rate, int from, int to) {
    double[] meanSquare = array(0);
    for (int i = from; i < to; i++) {
      meanSquare[i] = rho * meanSquare[i] + (1 - rho) * gradient[i] * gradient[i];
      parameters[i] -= rate * gradient[i] / (Math.sqrt(meanSquare[i]) + epsilon);
    }
  }
}
