package dev.neurite.runtime.optim;

/**
 * SGD with Nesterov momentum, in the form PyTorch uses: {@code v = mu * v + g},
 * {@code p -= learningRate * (g + mu * v)}, which looks one step ahead along the velocity.
 *
 * <p>State: {@code [velocity]}.
 */
public final class Nesterov extends BaseOptimizer {
  /** The learning rate of {@link #Nesterov()}. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;
  /** The momentum of {@link #Nesterov()}. */
  public static final double DEFAULT_MOMENTUM = 0.9;

  private final double momentum;

  /** Creates Nesterov SGD with learning rate 0.01 and momentum 0.9. */
  public Nesterov() {
    this(DEFAULT_LEARNING_RATE, DEFAULT_MOMENTUM);
  }

  /**
   * Creates Nesterov SGD.
   *
   * @throws IllegalArgumentException if the rate is not positive and finite, or the momentum is
   *     not in [0, 1)
   */
  public Nesterov(double learningRate, double momentum) {
    super(learningRate, 1, 0);
    this.momentum = Hyper.fraction("momentum", momentum);
  }

  @Override
  void update(double[] parameters, double[] gradient, double rate, int from, int to) {
    double[] velocity = array(0);
    for (int i = from; i < to; i++) {
      velocity[i] = momentum * velocity[i] + gradient[i];
      parameters[i] -= rate * (gradient[i] + momentum * velocity[i]);
    }
  }
}
