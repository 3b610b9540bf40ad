package dev.neurite.spark;

import dev.neurite.runtime.optim.Adam;
import dev.neurite.runtime.optim.LearningRateSchedule;
import dev.neurite.runtime.optim.Optimizer;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.runtime.train.Trainer;
import dev.neurite.runtime.train.TrainingHistory;
import dev.neurite.runtime.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Trains a generated network on a DataFrame, synchronously data-parallel, one optimizer step per
 * global minibatch: every partition runs its slice of the minibatch forward and back with its own
 * instance, the partitions' gradient sums are added on the executors in a fixed binary tree, and
 * the driver divides by the rows, takes the runtime's optimizer step and broadcasts the new
 * parameters for the next step. Progress reaches the same {@link TrainingListener}s as local
 * training (per step, per epoch, at the end).
 *
 * <pre>{@code
 * DigitsNet net = new DigitsNet();
 * TrainingHistory history = SparkTrainer.builder().epochs(30).batchSize(256)
 *     .listener(new ConsoleProgressListener(System.out, System::nanoTime))
 *     .build()
 *     .fit(net, DigitsNet::new, images);   // columns "features" and "label"
 * }</pre>
 *
 * <p>The same seed and partitioning give bit-identical parameters, whatever the timing of tasks
 * (and whether some failed and were retried). Each step is one Spark job, so its fixed cost
 * (tens of milliseconds of scheduling) wants minibatches far larger than on one machine.
 */
public final class SparkTrainer {
  /** The default number of rows per optimizer step, summed over all partitions. */
  public static final int DEFAULT_BATCH_SIZE = 1024;

  final Optimizer optimizer;
  final LearningRateSchedule schedule;
  final int epochs;
  final int batchSize;
  final Long seed;
  final String featuresColumn;
  final String labelColumn;
  final List<TrainingListener> listeners;

  private SparkTrainer(Builder b) {
    this.optimizer = b.optimizer;
    this.schedule = b.schedule;
    this.epochs = b.epochs;
    this.batchSize = b.batchSize;
    this.seed = b.seed;
    this.featuresColumn = b.featuresColumn;
    this.labelColumn = b.labelColumn;
    this.listeners = new ArrayList<>(b.listeners);
  }

  /**
   * Returns a builder with the defaults of the local {@link Trainer} (Adam at its learning rate,
   * {@value Trainer#DEFAULT_EPOCHS} epochs, the seed of the model's spec, a constant rate) but
   * global minibatches of {@value #DEFAULT_BATCH_SIZE} rows, reading the columns "features" and
   * "label".
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Trains {@code model} on {@code data}, starting from its parameters and leaving the trained
   * ones in it, with executors running instances that {@code workers} makes (the model's
   * constructor reference); returns the history, whose epochs carry the training loss.
   *
   * @throws IllegalArgumentException if a column is missing or of the wrong type, or a row does
   *     not fit the network (the message names its partition and row), or the data is empty
   * @throws dev.neurite.runtime.train.TrainingDivergedException if a loss or gradient becomes
   *     NaN or infinite; the model keeps the parameters of the last good step
   */
  public TrainingHistory fit(TrainableModel model, ModelFactory<? extends TrainableModel> workers,
      Dataset<Row> data) {
    Scorer.requireNonNull("model", model);
    Scorer.requireNonNull("workers", workers);
    Scorer.requireNonNull("data", data);
    Optimizer stepper = optimizer != null ? optimizer : new Adam(Trainer.DEFAULT_LEARNING_RATE);
    return new DistributedRun(this, model, workers, data, stepper).execute();
  }

  /** Collects a {@link SparkTrainer}'s settings. */
  public static final class Builder {
    private Optimizer optimizer;
    private LearningRateSchedule schedule = LearningRateSchedule.constant();
    private int epochs = Trainer.DEFAULT_EPOCHS;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Long seed;
    private String featuresColumn = Scorer.FEATURES;
    private String labelColumn = "label";
    private final List<TrainingListener> listeners = new ArrayList<>();

    private Builder() {}

    /** Sets the optimizer, which the driver steps (its state lives there). */
    public Builder optimizer(Optimizer optimizer) {
      this.optimizer = Scorer.requireNonNull("optimizer", optimizer);
      return this;
    }

    /** Sets the learning-rate schedule, applied once per epoch. */
    public Builder schedule(LearningRateSchedule schedule) {
      this.schedule = Scorer.requireNonNull("schedule", schedule);
      return this;
    }

    /** Sets the number of passes over the data; at least 1. */
    public Builder epochs(int epochs) {
      this.epochs = positive("epochs", epochs);
      return this;
    }

    /** Sets the number of rows per optimizer step, over all partitions together; at least 1. */
    public Builder batchSize(int batchSize) {
      this.batchSize = positive("batchSize", batchSize);
      return this;
    }

    /** Sets the seed of the row order and dropout masks (default: the model's spec's seed). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets the features column: an array of numbers per row (default "features"). */
    public Builder featuresColumn(String column) {
      this.featuresColumn = Scorer.requireNonNull("column", column);
      return this;
    }

    /**
     * Sets the label column (default "label"): a class index, a regression value for a network
     * of one output, or an array of targets.
     */
    public Builder labelColumn(String column) {
      this.labelColumn = Scorer.requireNonNull("column", column);
      return this;
    }

    /** Adds a listener, called on the driver in the order listeners were added. */
    public Builder listener(TrainingListener listener) {
      listeners.add(Scorer.requireNonNull("listener", listener));
      return this;
    }

    /** Returns the trainer. */
    public SparkTrainer build() {
      return new SparkTrainer(this);
    }

    private static int positive(String what, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(what + " must be at least 1, but was " + value);
      }
      return value;
    }
  }
}
