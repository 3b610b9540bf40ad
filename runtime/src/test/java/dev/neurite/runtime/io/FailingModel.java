package dev.neurite.runtime.io;

import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.train.TrainableModel;

/** A model whose parameters cannot be read, as if the process died while saving. */
final class FailingModel implements TrainableModel {
  private final TrainableModel delegate;

  FailingModel(TrainableModel delegate) {
    this.delegate = delegate;
  }

  @Override public NetworkSpec spec() { return delegate.spec(); }
  @Override public int inputSize() { return delegate.inputSize(); }
  @Override public int outputSize() { return delegate.outputSize(); }
  @Override public int parameterCount() { return delegate.parameterCount(); }

  @Override
  public void getParameters(double[] destination) {
    throw new IllegalStateException("simulated failure while saving");
  }

  @Override public void setParameters(double[] source) { delegate.setParameters(source); }
  @Override public void predict(double[] input, double[] output) {
    delegate.predict(input, output);
  }

  @Override
  public double forwardBackward(double[] input, double[] target, double[] gradient) {
    return delegate.forwardBackward(input, target, gradient);
  }

  @Override public void forward(double[] input, double[] output) {
    delegate.forward(input, output);
  }

  @Override public void backward(double[] outputGradient, double[] gradient) {
    delegate.backward(outputGradient, gradient);
  }
}
