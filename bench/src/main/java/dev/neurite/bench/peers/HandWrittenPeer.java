package dev.neurite.bench.peers;

import dev.neurite.bench.workloads.Samples;
import dev.neurite.bench.workloads.Workload;
import dev.neurite.runtime.Activation;

/** The {@link HandWrittenMlp} baseline, in float like the generated classes. */
final class HandWrittenPeer extends Peer {
  private final HandWrittenMlp mlp;
  private final float[][] inputs;
  private final float[][] targets;
  private final float[] output;

  HandWrittenPeer(Workload workload, double[] initial, Samples samples) {
    this.mlp = new HandWrittenMlp(workload.sizes(), acts(workload));
    mlp.setParameters(initial);
    this.inputs = Samples.toFloat(samples.inputs());
    this.targets = Samples.toFloat(samples.targets());
    this.output = new float[workload.spec().outputSize()];
  }

  /** Returns the hand-written form of each of {@code workload}'s layer activations. */
  static HandWrittenMlp.Act[] acts(Workload workload) {
    int layers = workload.spec().layerCount();
    HandWrittenMlp.Act[] acts = new HandWrittenMlp.Act[layers];
    for (int l = 0; l < layers; l++) {
      acts[l] = act(workload.spec().layer(l).activation());
    }
    return acts;
  }

  private static HandWrittenMlp.Act act(Activation f) {
    switch (f) {
      case TANH:
        return HandWrittenMlp.Act.TANH;
      case SIGMOID:
        return HandWrittenMlp.Act.SIGMOID;
      case RELU:
        return HandWrittenMlp.Act.RELU;
      case SOFTMAX:
        return HandWrittenMlp.Act.SOFTMAX;
      default:
        throw new IllegalArgumentException("no hand-written form of " + f);
    }
  }

  @Override
  public void predict(int k) {
    mlp.predict(inputs[k], output);
  }

  @Override
  public Object output() {
    return output;
  }

  @Override
  public double[] outputOf(int k) {
    predict(k);
    return Samples.toDouble(output);
  }

  @Override
  public void trainStep() {
    mlp.trainBatch(inputs, targets, Samples.BATCH, (float) LEARNING_RATE);
  }

  @Override
  public int parameterCount() {
    return mlp.parameterCount();
  }
}
