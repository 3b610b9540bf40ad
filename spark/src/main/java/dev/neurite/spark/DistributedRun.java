package dev.neurite.spark;

import dev.neurite.runtime.optim.Optimizer;
import dev.neurite.runtime.train.EpochResult;
import dev.neurite.runtime.train.StopReason;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.runtime.train.TrainingDivergedException;
import dev.neurite.runtime.train.TrainingHistory;
import dev.neurite.runtime.train.TrainingListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/** One call of {@link SparkTrainer#fit}: the epoch and step loop on the driver. */
final class DistributedRun {
  private final SparkTrainer config;
  private final TrainableModel model;
  private final ModelFactory<? extends TrainableModel> workers;
  private final Dataset<Row> data;
  private final Optimizer optimizer;
  private final long seed;
  private final double[] parameters;
  private final double[] lastGood;

  DistributedRun(SparkTrainer config, TrainableModel model,
      ModelFactory<? extends TrainableModel> workers, Dataset<Row> data, Optimizer optimizer) {
    this.config = config;
    this.model = model;
    this.workers = workers;
    this.data = data;
    this.optimizer = optimizer;
    this.seed = config.seed != null ? config.seed : model.spec().seed();
    this.parameters = new double[model.parameterCount()];
    model.getParameters(parameters);
    this.lastGood = parameters.clone();
  }

  /** Reads and caches the rows, runs the epochs, and releases the cache, whatever happens. */
  TrainingHistory execute() {
    JavaRDD<PartitionRows> rows = TrainingRows.of(data, config.featuresColumn,
        config.labelColumn, model.inputSize(), model.outputSize())
        .persist(StorageLevel.MEMORY_AND_DISK());
    double baseRate = optimizer.learningRate();
    try {
      long count = rows.mapPartitions(partition -> Collections.singletonList(
          PartitionRows.only(partition).size()).iterator()).reduce(Integer::sum);
      if (count == 0) {
        throw new IllegalArgumentException("the training data must not be empty");
      }
      return epochs(rows, count, baseRate);
    } finally {
      rows.unpersist(false);
      optimizer.setLearningRate(baseRate);
    }
  }

  private TrainingHistory epochs(JavaRDD<PartitionRows> rows, long count, double baseRate) {
    int steps = BatchPlan.steps(count, config.batchSize);
    for (TrainingListener listener : config.listeners) {
      listener.onTrainingBegin(model, config.epochs, steps);
    }
    List<EpochResult> results = new ArrayList<>();
    for (int epoch = 1; epoch <= config.epochs; epoch++) {
      optimizer.setLearningRate(config.schedule.rate(baseRate, epoch));
      double loss = 0;
      for (int step = 0; step < steps; step++) {
        loss += step(rows, epoch, step, steps);
      }
      EpochResult result = new EpochResult(epoch, loss / count, Double.NaN, Double.NaN,
          Double.NaN, optimizer.learningRate());
      results.add(result);
      for (TrainingListener listener : config.listeners) {
        listener.onEpochEnd(result);
      }
    }
    TrainingHistory history = new TrainingHistory(results, StopReason.COMPLETED, config.epochs);
    for (TrainingListener listener : config.listeners) {
      listener.onTrainingEnd(history);
    }
    return history;
  }

  /** Takes one optimizer step on every partition's slice; returns the slices' summed loss. */
  private double step(JavaRDD<PartitionRows> rows, int epoch, int step, int steps) {
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(rows.context());
    Broadcast<double[]> broadcast = spark.broadcast(parameters.clone());
    GradientSum sum;
    try {
      PartitionRows.Step task = new PartitionRows.Step(seed, epoch, step, steps, 0, broadcast);
      ModelFactory<? extends TrainableModel> factory = workers;
      sum = PairwiseTree.sum(rows.mapPartitionsWithIndex((index, partition) ->
          Collections.singletonList(
              PartitionRows.only(partition).gradient(task.forPartition(index), factory))
              .iterator(), true));
    } finally {
      broadcast.destroy();
    }
    if (sum.count() > 0) {
      apply(sum, epoch, step + 1);
      for (TrainingListener listener : config.listeners) {
        listener.onBatchEnd(epoch, step + 1, sum.loss() / sum.count());
      }
    }
    return sum.loss();
  }

  /** Averages the summed gradient, checks it, and takes the optimizer's step on the driver. */
  private void apply(GradientSum sum, int epoch, int batch) {
    double[] gradient = sum.gradient();
    double scale = 1.0 / sum.count();  // as the local trainer scales, so both round alike
    double squares = 0;
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] *= scale;
      squares += gradient[i] * gradient[i];
    }
    if (!isFinite(sum.loss())) {
      throw diverged(epoch, batch, "the loss was " + sum.loss());
    }
    if (!isFinite(squares)) {
      throw diverged(epoch, batch, "the gradient norm was " + Math.sqrt(squares));
    }
    System.arraycopy(parameters, 0, lastGood, 0, parameters.length);
    optimizer.step(parameters, gradient);
    model.setParameters(parameters);
  }

  private TrainingDivergedException diverged(int epoch, int batch, String what) {
    System.arraycopy(lastGood, 0, parameters, 0, parameters.length);
    model.setParameters(lastGood);
    return new TrainingDivergedException(epoch, batch, what);
  }

  private static boolean isFinite(double value) {
    return value - value == 0;
  }
}
