package dev.neurite.bench.peers;

import dev.neurite.bench.frozen.FrozenCall;
import dev.neurite.bench.workloads.Samples;
import dev.neurite.bench.workloads.Workload;
import java.util.function.BiConsumer;

/**
 * The frozen class of the workload (weights inside, nothing of Neurite linked), inference only:
 * its {@code predict(float[], float[])}, called through an interface as the generated class is.
 */
final class FrozenPeer extends Peer {
  private final BiConsumer<float[], float[]> predict;
  private final float[][] inputs;
  private final float[] output;

  FrozenPeer(Workload workload, Samples samples) {
    this.predict = FrozenCall.of(workload);
    this.inputs = Samples.toFloat(samples.inputs());
    this.output = new float[workload.spec().outputSize()];
  }

  @Override
  public void predict(int k) {
    predict.accept(inputs[k], output);
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
  public boolean trains() {
    return false;
  }

  @Override
  public void trainStep() {
    throw new UnsupportedOperationException("a frozen class runs inference only");
  }

  @Override
  public int parameterCount() {
    throw new UnsupportedOperationException("a frozen class's weights are constants");
  }
}
