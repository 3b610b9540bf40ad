package dev.neurite.bench.peers;

import dev.neurite.bench.workloads.Samples;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.optim.Sgd;
import dev.neurite.runtime.train.TrainableModel;
import java.util.Arrays;

/**
 * A peer driven through the runtime's {@link TrainableModel} contract, trained the way the
 * runtime's {@code Trainer} trains one minibatch: zero the gradient, {@code forwardBackwardBatch}
 * over the minibatch (the generated classes' batched path; the interpreter's default loops over
 * {@code forwardBackward}), average, {@link Sgd#step}, {@code setParameters}.
 */
class ModelPeer extends Peer {
  private final TrainableModel model;
  private final double[][] inputs;
  private final double[][] targets;
  private final double[] output;
  private final double[] parameters;
  private final double[] gradient;
  private final Sgd sgd = new Sgd(LEARNING_RATE);
  private final Dataset batch;
  private final int[] order = new int[Samples.BATCH];

  ModelPeer(TrainableModel model, double[] initial, Samples samples) {
    this.model = model;
    this.inputs = samples.inputs();
    this.targets = samples.targets();
    this.output = new double[model.outputSize()];
    this.parameters = initial.clone();
    this.gradient = new double[initial.length];
    model.setParameters(parameters);
    this.batch = Dataset.of(Arrays.copyOf(inputs, Samples.BATCH),
        Arrays.copyOf(targets, Samples.BATCH));
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
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
    return output.clone();
  }

  @Override
  public void trainStep() {
    Arrays.fill(gradient, 0);
    model.forwardBackwardBatch(batch, order, 0, Samples.BATCH, gradient);
    double scale = 1.0 / Samples.BATCH;
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] *= scale;
    }
    sgd.step(parameters, gradient);
    model.setParameters(parameters);
  }

  @Override
  public int parameterCount() {
    return model.parameterCount();
  }
}
