package dev.neurite.runtime.optim;

/** Updates a flat parameter array from the gradient of a minibatch's mean loss. */
public interface Optimizer {
  /** Applies one step: moves {@code parameters} against {@code gradient}, in place. */
  void step(double[] parameters, double[] gradient);
}
