package dev.neurite.bench.peers;

import dev.neurite.bench.workloads.Samples;
import dev.neurite.bench.workloads.Workload;

/** {@link ShapedMlp}: the hand-written MLP in the recommended shapes, in float. */
final class ShapedPeer extends Peer {
  private final ShapedMlp mlp;
  private final float[][] inputs;
  private final float[][] targets;
  private final float[] output;

  ShapedPeer(Workload workload, double[] initial, Samples samples) {
    this.mlp = new ShapedMlp(workload.sizes(), HandWrittenPeer.acts(workload), initial,
        LEARNING_RATE);
    this.inputs = Samples.toFloat(samples.inputs());
    this.targets = Samples.toFloat(samples.targets());
    this.output = new float[workload.spec().outputSize()];
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
    mlp.trainBatch(inputs, targets, Samples.BATCH);
  }

  @Override
  public int parameterCount() {
    return mlp.parameterCount();
  }
}
