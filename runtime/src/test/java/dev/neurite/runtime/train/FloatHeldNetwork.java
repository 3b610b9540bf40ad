package dev.neurite.runtime.train;

import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.reference.ReferenceNetwork;

/**
 * The interpreter holding its parameters and giving its predictions as a float network does:
 * each value rounded to {@code float}, so a value beyond float range becomes an infinity.
 */
public final class FloatHeldNetwork implements TrainableModel {
  private final ReferenceNetwork reference;
  private final double[] rounded;

  /** Creates the interpreter of {@code spec}, its initial parameters rounded to float. */
  public FloatHeldNetwork(NetworkSpec spec) {
    this.reference = new ReferenceNetwork(spec);
    this.rounded = new double[spec.parameterCount()];
    double[] initial = new double[rounded.length];
    reference.getParameters(initial);
    setParameters(initial);
  }

  @Override public NetworkSpec spec() { return reference.spec(); }
  @Override public int inputSize() { return reference.inputSize(); }
  @Override public int outputSize() { return reference.outputSize(); }
  @Override public int parameterCount() { return reference.parameterCount(); }

  @Override
  public void getParameters(double[] destination) {
    reference.getParameters(destination);
  }

  @Override
  public void setParameters(double[] source) {
    for (int i = 0; i < rounded.length; i++) {
      rounded[i] = (float) source[i];
    }
    reference.setParameters(rounded);
  }

  @Override
  public void predict(double[] input, double[] output) {
    reference.predict(input, output);
    for (int k = 0; k < output.length; k++) {
      output[k] = (float) output[k];
    }
  }

  @Override
  public double forwardBackward(double[] input, double[] target, double[] gradient) {
    return reference.forwardBackward(input, target, gradient);
  }

  @Override
  public void forward(double[] input, double[] output) {
    reference.forward(input, output);
  }

  @Override
  public void backward(double[] outputGradient, double[] gradient) {
    reference.backward(outputGradient, gradient);
  }
}
