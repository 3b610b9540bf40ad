package dev.neurite.runtime.reference;

import static dev.neurite.runtime.ModelArguments.requireLength;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Dropout;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.init.WeightInit;
import dev.neurite.runtime.train.TrainableModel;
import java.util.SplittableRandom;

/**
 * A plain, obviously correct interpreter of any {@link NetworkSpec}, in double precision.
 *
 * <p>It is the oracle the generated classes are tested against, and the way to run or train a
 * builder spec without compiling it. It follows the textbook equations literally, layer by layer,
 * with no fusion other than the output-activation/loss cancellation the {@link Loss} defines.
 * Dropout layers are the identity at inference and in the training passes unless
 * {@link #setTraining training mode} is on; then each value is multiplied by a
 * {@link Dropout#factor} drawn layer by layer, unit by unit, from the dropout stream.
 */
public final class ReferenceNetwork implements TrainableModel {
  private final NetworkSpec spec;
  private final double[] parameters;
  /** {@code z[l]}: pre-activations of layer {@code l}; {@code a[l + 1]} its outputs. */
  private final double[][] z;
  private final double[][] a;
  private final double[][] delta;
  /** {@code upstream[l]}: dL/da of layer {@code l}'s inputs. */
  private final double[][] upstream;
  private final double[] outputGradient;
  /** {@code mask[l]}: the dropout factors of the last pass through dropout layer {@code l}. */
  private final double[][] mask;
  private SplittableRandom dropoutRandom;
  private boolean training;

  /** Creates an interpreter of {@code spec} with weights drawn from the spec's seed. */
  public ReferenceNetwork(NetworkSpec spec) {
    this.spec = spec;
    this.parameters = new double[spec.parameterCount()];
    int layers = spec.layerCount();
    this.z = new double[layers][];
    this.a = new double[layers + 1][];
    this.delta = new double[layers][];
    this.upstream = new double[layers][];
    a[0] = new double[spec.inputSize()];
    for (int l = 0; l < layers; l++) {
      z[l] = new double[spec.outputSizeOf(l)];
      a[l + 1] = new double[spec.outputSizeOf(l)];
      delta[l] = new double[spec.outputSizeOf(l)];
      upstream[l] = new double[spec.inputSizeOf(l)];
    }
    this.outputGradient = new double[spec.outputSize()];
    this.mask = new double[layers][];
    for (int l = 0; l < layers; l++) {
      mask[l] = new double[spec.outputSizeOf(l)];
    }
    this.dropoutRandom = new SplittableRandom(spec.seed());
    setParameters(WeightInit.initialize(spec, spec.seed()));
  }

  @Override public NetworkSpec spec() { return spec; }
  @Override public int inputSize() { return spec.inputSize(); }
  @Override public int outputSize() { return spec.outputSize(); }
  @Override public int parameterCount() { return parameters.length; }

  /** Returns a new interpreter of the same spec, with weights drawn from the spec's seed. */
  @Override
  public ReferenceNetwork newReplica() {
    return new ReferenceNetwork(spec);
  }

  @Override
  public void getParameters(double[] destination) {
    requireLength("destination", destination, parameters.length);
    System.arraycopy(parameters, 0, destination, 0, parameters.length);
  }

  @Override
  public void setParameters(double[] source) {
    requireLength("source", source, parameters.length);
    System.arraycopy(source, 0, parameters, 0, parameters.length);
  }

  @Override
  public void setTraining(boolean training) {
    this.training = training;
  }

  @Override
  public void setDropoutSeed(long seed) {
    dropoutRandom = new SplittableRandom(seed);
  }

  @Override
  public void predict(double[] input, double[] output) {
    run(input, output, false);
  }

  @Override
  public void forward(double[] input, double[] output) {
    run(input, output, training);
  }

  private void run(double[] input, double[] output, boolean dropping) {
    requireLength("input", input, spec.inputSize());
    requireLength("output", output, spec.outputSize());
    System.arraycopy(input, 0, a[0], 0, input.length);
    for (int l = 0; l < spec.layerCount(); l++) {
      forwardLayer(l, dropping);
    }
    System.arraycopy(a[spec.layerCount()], 0, output, 0, output.length);
  }

  private void forwardLayer(int l, boolean dropping) {
    LayerSpec layer = spec.layer(l);
    if (layer.kind() == LayerSpec.Kind.DROPOUT) {
      for (int i = 0; i < z[l].length; i++) {
        mask[l][i] = dropping ? Dropout.factor(dropoutRandom, layer.rate()) : 1;
        z[l][i] = a[l][i];
        a[l + 1][i] = a[l][i] * mask[l][i];
      }
      return;
    }
    int inputs = spec.inputSizeOf(l);
    int w = spec.weightOffset(l);
    int b = spec.biasOffset(l);
    for (int o = 0; o < layer.units(); o++) {
      double sum = layer.hasBias() ? parameters[b + o] : 0;
      for (int i = 0; i < inputs; i++) {
        sum += parameters[w + o * inputs + i] * a[l][i];
      }
      z[l][o] = sum;
    }
    activate(layer, z[l], a[l + 1]);
  }

  private static void activate(LayerSpec layer, double[] zs, double[] ys) {
    Activation f = layer.activation();
    if (f == Activation.SOFTMAX) {
      Activation.softmax(zs, ys, zs.length);
      return;
    }
    for (int o = 0; o < zs.length; o++) {
      ys[o] = f.apply(zs[o], layer.activationParameter());
    }
  }

  @Override
  public double forwardBackward(double[] input, double[] target, double[] gradient) {
    requireLength("input", input, spec.inputSize());
    requireLength("target", target, spec.outputSize());
    requireLength("gradient", gradient, parameters.length);
    double[] output = a[spec.layerCount()];
    forward(input, outputGradient);
    Loss loss = spec.loss();
    int last = spec.layerCount() - 1;
    if (loss.fusedActivation() == spec.layer(last).activation()) {
      double value = loss.fusedValue(z[last], target, output.length);
      loss.fusedGradient(output, target, delta[last], output.length);
      backpropagateFrom(last, gradient);
      return value;
    }
    double value = loss.value(output, target, output.length, spec.huberDelta());
    loss.gradient(output, target, outputGradient, output.length, spec.huberDelta());
    backward(outputGradient, gradient);
    return value;
  }

  @Override
  public void backward(double[] outputGradient, double[] gradient) {
    requireLength("outputGradient", outputGradient, spec.outputSize());
    requireLength("gradient", gradient, parameters.length);
    int last = spec.layerCount() - 1;
    activationBackward(last, outputGradient, delta[last]);
    backpropagateFrom(last, gradient);
  }

  /** Given {@code delta[last]} = dL/dz of layer {@code last}, walks back to the first layer. */
  private void backpropagateFrom(int last, double[] gradient) {
    for (int l = last; l >= 0; l--) {
      accumulateGradient(l, gradient);
      if (l > 0) {
        inputGradient(l, upstream[l]);
        activationBackward(l - 1, upstream[l], delta[l - 1]);
      }
    }
  }

  /** Writes dL/dz of layer {@code l} from dL/da of its outputs. */
  private void activationBackward(int l, double[] dA, double[] dZ) {
    LayerSpec layer = spec.layer(l);
    double[] y = a[l + 1];
    if (layer.activation() == Activation.SOFTMAX) {
      double dot = 0;
      for (int k = 0; k < y.length; k++) {
        dot += dA[k] * y[k];
      }
      for (int k = 0; k < y.length; k++) {
        dZ[k] = y[k] * (dA[k] - dot);
      }
      return;
    }
    for (int k = 0; k < y.length; k++) {
      dZ[k] = dA[k] * layer.activation().derivative(z[l][k], y[k], layer.activationParameter());
    }
  }

  private void accumulateGradient(int l, double[] gradient) {
    LayerSpec layer = spec.layer(l);
    if (layer.kind() != LayerSpec.Kind.DENSE) {
      return;
    }
    int inputs = spec.inputSizeOf(l);
    int w = spec.weightOffset(l);
    int b = spec.biasOffset(l);
    for (int o = 0; o < layer.units(); o++) {
      for (int i = 0; i < inputs; i++) {
        gradient[w + o * inputs + i] += delta[l][o] * a[l][i];
      }
      if (layer.hasBias()) {
        gradient[b + o] += delta[l][o];
      }
    }
  }

  /** Writes dL/da of layer {@code l}'s inputs. */
  private void inputGradient(int l, double[] dA) {
    LayerSpec layer = spec.layer(l);
    if (layer.kind() != LayerSpec.Kind.DENSE) {
      for (int i = 0; i < dA.length; i++) {
        dA[i] = delta[l][i] * mask[l][i];
      }
      return;
    }
    int inputs = spec.inputSizeOf(l);
    int w = spec.weightOffset(l);
    for (int i = 0; i < inputs; i++) {
      double sum = 0;
      for (int o = 0; o < layer.units(); o++) {
        sum += parameters[w + o * inputs + i] * delta[l][o];
      }
      dA[i] = sum;
    }
  }
}
