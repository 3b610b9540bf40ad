package dev.neurite.runtime.optim;

/** Plain stochastic gradient descent: {@code p -= learningRate * g}. It has no state. */
public final class Sgd extends BaseOptimizer {
  /** The learning rate of {@link #Sgd()}. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;

  /** Creates SGD with a learning rate of {@value #DEFAULT_LEARNING_RATE}. */
  public Sgd() {
    this(DEFAULT_LEARNING_RATE);
  }

  /**
   * Creates SGD with the given step size.
   *
   * @throws IllegalArgumentException if the rate is not a positive finite number
   */
  public Sgd(double learningRate) {
    super(learningRate, 0, 0);
  }

  @Override
  void update(double[] parameters, double[] gradient, double rate, int from, int to) {
    for (int i = from; i < to; i++) {
      parameters[i] -= rate * gradient[i];
    }
  }
}
