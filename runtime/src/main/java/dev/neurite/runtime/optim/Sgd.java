package dev.neurite.runtime.optim;

/** Plain stochastic gradient descent: {@code p -= learningRate * g}. */
public final class Sgd implements Optimizer {
  private final double learningRate;

  /**
   * Creates SGD with the given step size.
   *
   * @throws IllegalArgumentException if the rate is not a positive finite number
   */
  public Sgd(double learningRate) {
    if (!(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "learning rate must be positive and finite, but was " + learningRate);
    }
    this.learningRate = learningRate;
  }

  @Override
  public void step(double[] parameters, double[] gradient) {
    for (int i = 0; i < parameters.length; i++) {
      parameters[i] -= learningRate * gradient[i];
    }
  }
}
