package dev.neurite.spark;

import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.train.TrainableModel;
import java.io.Serializable;
import java.util.Iterator;

/**
 * One partition's training rows, read once and cached by Spark for the whole run, with what the
 * partition keeps between steps on its executor: its network instance and the epoch's row
 * order. Those are transient: a copy recomputed or moved to another executor makes them again,
 * identically, from the factory, the seed and the epoch.
 */
final class PartitionRows implements Serializable {
  private static final long serialVersionUID = 1L;
  private final double[][] inputs;
  private final double[][] targets;
  private transient Dataset data;
  private transient TrainableModel worker;
  private transient int[] order;
  private transient int orderEpoch;

  PartitionRows(double[][] inputs, double[][] targets) {
    this.inputs = inputs;
    this.targets = targets;
  }

  int size() {
    return inputs.length;
  }

  /**
   * Returns the one value of a partition that holds exactly one, reading the iterator to its
   * end: Spark releases its lock on a cached block only there.
   */
  static <T> T only(Iterator<T> partition) {
    T value = partition.next();
    if (partition.hasNext()) {
      throw new IllegalStateException("a partition of one value held more");
    }
    return value;
  }

  /**
   * Runs this partition's slice of one step forward and back with its own instance, set to the
   * broadcast parameters first, and returns the slice's summed loss and gradient. Synchronized:
   * should Spark ever run two attempts of this partition in one executor at once, they take
   * turns on the instance.
   */
  synchronized GradientSum gradient(Step step, ModelFactory<? extends TrainableModel> factory) {
    int from = BatchPlan.sliceStart(size(), step.step, step.steps);
    int to = BatchPlan.sliceStart(size(), step.step + 1, step.steps);
    if (from == to) {
      return GradientSum.empty();
    }
    TrainableModel model = worker(factory);
    model.setParameters(step.parameters.value());
    model.setDropoutSeed(
        BatchPlan.dropoutSeed(step.seed, step.epoch, step.step, step.partition));
    double[] gradient = new double[model.parameterCount()];
    double loss = model.forwardBackwardBatch(
        data(), order(step.seed, step.epoch, step.partition), from, to, gradient);
    return new GradientSum(gradient, loss, to - from);
  }

  private TrainableModel worker(ModelFactory<? extends TrainableModel> factory) {
    if (worker == null) {
      worker = factory.create();
      worker.setTraining(true);
    }
    return worker;
  }

  private Dataset data() {
    if (data == null) {
      data = Dataset.of(inputs, targets);
    }
    return data;
  }

  private int[] order(long seed, int epoch, int partition) {
    if (order == null || orderEpoch != epoch) {
      order = BatchPlan.order(size(), seed, epoch, partition);
      orderEpoch = epoch;
    }
    return order;
  }

  /** What one step tells every partition: which step it is, and the parameters to start from. */
  static final class Step implements Serializable {
    private static final long serialVersionUID = 1L;
    final long seed;
    final int epoch;
    final int step;
    final int steps;
    final int partition;
    final org.apache.spark.broadcast.Broadcast<double[]> parameters;

    Step(long seed, int epoch, int step, int steps, int partition,
        org.apache.spark.broadcast.Broadcast<double[]> parameters) {
      this.seed = seed;
      this.epoch = epoch;
      this.step = step;
      this.steps = steps;
      this.partition = partition;
      this.parameters = parameters;
    }

    /** Returns this step as partition {@code index} sees it. */
    Step forPartition(int index) {
      return new Step(seed, epoch, step, steps, index, parameters);
    }
  }
}
