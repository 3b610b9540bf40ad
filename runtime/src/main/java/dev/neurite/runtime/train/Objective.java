package dev.neurite.runtime.train;

import dev.neurite.runtime.CostFunction;
import dev.neurite.runtime.data.Dataset;

/**
 * What a run minimizes for one sample: the network's own loss, or a user's {@link CostFunction}
 * around {@link TrainableModel#forward} and {@link TrainableModel#backward}.
 */
abstract class Objective {
  /** Returns the sample's loss and adds its parameter gradient to {@code gradient}. */
  abstract double lossAndGradient(TrainableModel model, double[] input, double[] target,
      double[] gradient);

  /**
   * Returns the summed loss of samples {@code order[from..to)} of {@code data} and adds their
   * summed parameter gradient to {@code gradient}.
   */
  double batchLossAndGradient(
      TrainableModel model, Dataset data, int[] order, int from, int to, double[] gradient) {
    double loss = 0;
    for (int k = from; k < to; k++) {
      loss += lossAndGradient(model, data.input(order[k]), data.target(order[k]), gradient);
    }
    return loss;
  }

  /** Returns the sample's loss at inference (dropout off); leaves the prediction in output. */
  abstract double loss(TrainableModel model, double[] input, double[] target, double[] output);

  /** Returns whether targets must have the size of the model's output. */
  abstract boolean targetsMatchOutputs();

  /**
   * Returns an objective that another training thread may use beside this one: this one if it
   * keeps no buffers, a copy with buffers of its own otherwise.
   */
  abstract Objective forAnotherThread();

  /** Returns the objective of the network's own {@link dev.neurite.runtime.Loss}. */
  static Objective networkLoss() {
    return new NetworkLoss();
  }

  /** Returns the objective of a user cost; buffers are sized for {@code model}. */
  static Objective cost(CostFunction cost, TrainableModel model) {
    return new Custom(cost, model.outputSize());
  }

  private static final class NetworkLoss extends Objective {
    @Override
    double lossAndGradient(
        TrainableModel model, double[] input, double[] target, double[] gradient) {
      return model.forwardBackward(input, target, gradient);
    }

    @Override
    double batchLossAndGradient(
        TrainableModel model, Dataset data, int[] order, int from, int to, double[] gradient) {
      return model.forwardBackwardBatch(data, order, from, to, gradient);
    }

    @Override
    double loss(TrainableModel model, double[] input, double[] target, double[] output) {
      model.predict(input, output);
      return model.spec().lossValue(output, target);
    }

    @Override
    boolean targetsMatchOutputs() {
      return true;
    }

    @Override
    Objective forAnotherThread() {
      return this;
    }
  }

  private static final class Custom extends Objective {
    private final CostFunction cost;
    private final double[] output;
    private final double[] outputGradient;

    Custom(CostFunction cost, int outputs) {
      this.cost = cost;
      this.output = new double[outputs];
      this.outputGradient = new double[outputs];
    }

    @Override
    double lossAndGradient(
        TrainableModel model, double[] input, double[] target, double[] gradient) {
      model.forward(input, output);
      double value = cost.evaluate(output, target, outputGradient);
      model.backward(outputGradient, gradient);
      return value;
    }

    @Override
    double loss(TrainableModel model, double[] input, double[] target, double[] prediction) {
      model.predict(input, prediction);
      return cost.evaluate(prediction, target, outputGradient);
    }

    @Override
    boolean targetsMatchOutputs() {
      return false;
    }

    @Override
    Objective forAnotherThread() {
      return new Custom(cost, output.length);
    }
  }
}
