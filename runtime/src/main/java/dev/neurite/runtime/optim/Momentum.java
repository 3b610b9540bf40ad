package dev.neurite.runtime.optim;

/**
 * SGD with (heavy-ball) momentum, in the form PyTorch uses: {@code v = mu * v + g},
 * {@code p -= learningRate * v}.
 *
 * <p>State: {@code [velocity]}.
 */
public final class Momentum extends BaseOptimizer {
  /** The learning rate of {@link #Momentum()}. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;
  /** The momentum of {@link #Momentum()}. */
  public static final double DEFAULT_MOMENTUM = 0.9;

  private final double momentum;

  /** Creates momentum SGD with learning rate 0.01 and momentum 0.9. */
  public Momentum() {
    this(DEFAULT_LEARNING_RATE, DEFAULT_MOMENTUM);
  }

  /**
   * Creates momentum SGD.
   *
   * @throws IllegalArgumentException if the rate is not positive and finite, or the momentum is
   *     not in [0, 1)
   */
  public Momentum(double learningRate, double momentum) {
    super(learningRate, 1, 0);
    this.momentum = Hyper.fraction("momentum", momentum);
  }

  @Override
  void update(double[] parameters, double[] gradient, double rate, int from, int to) {
    double[] velocity = array(0);
    for (int i = from; i < to; i++) {
      velocity[i] = momentum * velocity[i] + gradient[i];
      parameters[i] -= rate * velocity[i];
    }
  }
}
