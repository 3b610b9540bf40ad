package dev.neurite.bench.peers;

import dev.neurite.bench.workloads.Samples;
import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.train.TrainableModel;

/**
 * The class Neurite generated: inference through its float {@code predict}, without conversion;
 * training through the runtime's contract, as {@link ModelPeer}.
 */
final class GeneratedPeer extends ModelPeer {
  private final FloatModel model;
  private final float[][] inputs;
  private final float[] output;

  GeneratedPeer(FloatModel model, double[] initial, Samples samples) {
    super((TrainableModel) model, initial, samples); // generated: both contracts
    this.model = model;
    this.inputs = Samples.toFloat(samples.inputs());
    this.output = new float[model.outputSize()];
  }

  @Override
  public void predict(int k) {
    model.predict(inputs[k], output);
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
}
