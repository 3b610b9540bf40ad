package dev.neurite.runtime;

/**
 * A user-supplied cost over a network's output, for unsupervised and custom objectives.
 *
 * <p>The trainer calls it after each forward pass; the model then back-propagates the gradient it
 * wrote through the rest of the network.
 */
public interface CostFunction {
  /**
   * Returns the cost of {@code output} for a sample whose target is {@code target} (the sample's
   * own input for an autoencoder), and writes the gradient of that cost with respect to each
   * output into {@code outputGradient}.
   */
  double evaluate(double[] output, double[] target, double[] outputGradient);
}
