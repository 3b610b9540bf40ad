package dev.neurite.bench.peers;

import dev.neurite.bench.workloads.Samples;
import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.train.TrainableModel;

/**
 * The class Neurite generated: inference through its float {@code predict}, without conversion,
 * one sample at a time or all {@code Samples.COUNT} in one batch call over flat row-major arrays;
 * training through the runtime's contract, as {@link ModelPeer}.
 */
final class GeneratedPeer extends ModelPeer {
  private final FloatModel model;
  private final float[][] inputs;
  private final float[] output;
  private final float[] batchInputs;
  private final float[] batchOutputs;

  GeneratedPeer(FloatModel model, double[] initial, Samples samples) {
    super((TrainableModel) model, initial, samples); // generated: both contracts
    this.model = model;
    this.inputs = Samples.toFloat(samples.inputs());
    this.output = new float[model.outputSize()];
    this.batchInputs = new float[Samples.COUNT * model.inputSize()];
    for (int k = 0; k < Samples.COUNT; k++) {
      System.arraycopy(inputs[k], 0, batchInputs, k * model.inputSize(), model.inputSize());
    }
    this.batchOutputs = new float[Samples.COUNT * model.outputSize()];
  }

  @Override
  public void predict(int k) {
    model.predict(inputs[k], output);
  }

  /** All samples in one call of the generated batch {@code predict}. */
  @Override
  public Object predictBatch() {
    model.predict(batchInputs, batchOutputs, Samples.COUNT);
    return batchOutputs;
  }

  /** Returns the outputs of sample {@code k} from one batch call, to check the batch path. */
  double[] batchOutputOf(int k) {
    predictBatch();
    int size = model.outputSize();
    double[] copy = new double[size];
    for (int o = 0; o < size; o++) {
      copy[o] = batchOutputs[k * size + o];
    }
    return copy;
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
