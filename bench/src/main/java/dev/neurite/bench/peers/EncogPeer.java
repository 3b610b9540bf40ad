package dev.neurite.bench.peers;

import dev.neurite.bench.workloads.Samples;
import dev.neurite.bench.workloads.Workload;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.NetworkSpec;
import java.util.Arrays;
import org.encog.engine.network.activation.ActivationFunction;
import org.encog.engine.network.activation.ActivationReLU;
import org.encog.engine.network.activation.ActivationSigmoid;
import org.encog.engine.network.activation.ActivationSoftMax;
import org.encog.engine.network.activation.ActivationTANH;
import org.encog.ml.data.basic.BasicMLDataSet;
import org.encog.neural.networks.BasicNetwork;
import org.encog.neural.networks.layers.BasicLayer;
import org.encog.neural.networks.training.propagation.back.Backpropagation;

/**
 * Encog 3.4 with the same layers, activations and weights: inference through
 * {@link BasicNetwork#compute(double[], double[])} (its allocation-free flat path), training
 * through its {@link Backpropagation} trainer on one thread, one update per minibatch, no
 * momentum (plain SGD). Encog computes in double.
 */
final class EncogPeer extends Peer {
  private final BasicNetwork network;
  private final double[][] inputs;
  private final double[] output;
  private final Backpropagation trainer;

  EncogPeer(Workload workload, double[] initial, Samples samples) {
    NetworkSpec spec = workload.spec();
    this.network = new BasicNetwork();
    // Encog puts a layer's bias neuron on the layer that feeds it.
    network.addLayer(new BasicLayer(null, true, spec.inputSize()));
    for (int l = 0; l < spec.layerCount(); l++) {
      boolean feedsAnother = l < spec.layerCount() - 1;
      network.addLayer(new BasicLayer(
          activation(spec.layer(l).activation()), feedsAnother, spec.outputSizeOf(l)));
    }
    network.getStructure().finalizeStructure();
    network.reset();
    copyWeights(spec, initial);
    this.inputs = samples.inputs();
    this.output = new double[spec.outputSize()];
    this.trainer = new Backpropagation(network, new BasicMLDataSet(
        Arrays.copyOf(samples.inputs(), Samples.BATCH),
        Arrays.copyOf(samples.targets(), Samples.BATCH)), LEARNING_RATE, 0);
    trainer.setThreadCount(1);
    trainer.setBatchSize(Samples.BATCH);
    trainer.fixFlatSpot(false);
  }

  private static ActivationFunction activation(Activation f) {
    switch (f) {
      case TANH:
        return new ActivationTANH();
      case SIGMOID:
        return new ActivationSigmoid();
      case RELU:
        return new ActivationReLU();
      case SOFTMAX:
        return new ActivationSoftMax();
      default:
        throw new IllegalArgumentException("no Encog form of " + f);
    }
  }

  /** Loads Neurite's flat layout: weight (o, i) of layer l goes from neuron i to neuron o. */
  private void copyWeights(NetworkSpec spec, double[] flat) {
    for (int l = 0; l < spec.layerCount(); l++) {
      int in = spec.inputSizeOf(l);
      for (int o = 0; o < spec.outputSizeOf(l); o++) {
        for (int i = 0; i < in; i++) {
          network.setWeight(l, i, o, flat[spec.weightOffset(l) + o * in + i]);
        }
        network.setWeight(l, in, o, flat[spec.biasOffset(l) + o]);
      }
    }
  }

  @Override
  public void predict(int k) {
    network.compute(inputs[k], output);
  }

  @Override
  public Object output() {
    return output;
  }

  @Override
  public double[] outputOf(int k) {
    predict(k);
    return output.clone();
  }

  @Override
  public void trainStep() {
    trainer.iteration();
  }

  @Override
  public int parameterCount() {
    return network.encodedArrayLength();
  }
}
