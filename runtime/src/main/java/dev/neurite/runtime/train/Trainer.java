package dev.neurite.runtime.train;

import dev.neurite.runtime.CostFunction;
import dev.neurite.runtime.Model;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.SpecProblem;
import dev.neurite.runtime.SpecValidator;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.data.Split;
import dev.neurite.runtime.optim.Adam;
import dev.neurite.runtime.optim.LearningRateSchedule;
import dev.neurite.runtime.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a {@link TrainableModel} by minibatch gradient descent: for each epoch, shuffle the
 * samples with a seeded generator; for each minibatch, forward and back propagate every sample,
 * average the gradients, add the L2/L1 penalties, clip the norm, and let the optimizer take one
 * step; then measure the epoch and tell the listeners.
 *
 * <p>A run is deterministic: the same model parameters, data, configuration and seed give
 * bit-identical parameters. Defaults ({@link #builder()}) train small networks without tuning.
 * Each {@code fit} starts its shuffling (and validation split, and dropout masks) from the seed
 * again; to resume a saved run, give the trainer an optimizer whose {@link Optimizer#state()}
 * was restored, and the moments continue where they were, while epochs count from 1 again.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder()
 *     .epochs(500)
 *     .validationSplit(0.2)
 *     .earlyStopping(20, 1e-4, true)
 *     .listener(new ConsoleProgressListener(System.out, System::nanoTime))
 *     .build();
 * TrainingHistory history = trainer.fit(model, Dataset.of(inputs, targets));
 * history.writeCsv(writer);  // epoch,train_loss,val_loss,train_accuracy,val_accuracy,...
 * }</pre>
 */
public final class Trainer {
  /** The learning rate of the default optimizer, Adam. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;
  /** The default number of epochs. */
  public static final int DEFAULT_EPOCHS = 200;
  /** The default number of samples per optimizer step. */
  public static final int DEFAULT_BATCH_SIZE = 32;

  final Optimizer optimizer;
  final int epochs;
  final int batchSize;
  final Long seed;
  final List<TrainingListener> listeners;
  final LearningRateSchedule schedule;
  final double validationSplit;
  final Regularization regularization;
  final int patience;
  final double minImprovement;
  final boolean restoreBestWeights;
  final double targetLoss;
  final boolean trainingAccuracy;
  final int threads;

  private Trainer(Builder b) {
    this.optimizer = b.optimizer;
    this.epochs = b.epochs;
    this.batchSize = b.batchSize;
    this.seed = b.seed;
    this.listeners = new ArrayList<>(b.listeners);
    this.schedule = b.schedule;
    this.validationSplit = b.validationSplit;
    this.regularization = new Regularization(b.l2, b.l1, b.maxGradientNorm);
    this.patience = b.patience;
    this.minImprovement = b.minImprovement;
    this.restoreBestWeights = b.restoreBestWeights;
    this.targetLoss = b.targetLoss;
    this.trainingAccuracy = b.trainingAccuracy;
    this.threads = b.threads;
  }

  /**
   * Returns a builder with the defaults: Adam at learning rate {@value #DEFAULT_LEARNING_RATE}
   * (a fresh one per fit), {@value #DEFAULT_EPOCHS} epochs, minibatches of
   * {@value #DEFAULT_BATCH_SIZE}, the seed of the model's spec, a constant learning rate, no
   * validation, no regularization, no early stopping, and training accuracy measured when the
   * targets are one-hot or binary.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Trains {@code model} on {@code data} against the network's own loss, starting from its
   * current parameters, and returns the history of the run.
   *
   * @throws IllegalArgumentException if the data does not fit the model or holds NaN or an
   *     infinity (the message names the row and column), or the network cannot be trained (a
   *     {@code BINARY_STEP} activation)
   * @throws TrainingDivergedException if a loss or gradient becomes NaN or infinite, or a
   *     parameter does, as the model holds it in its own precision (a float network cannot hold
   *     values beyond float range); the model keeps the parameters of the last good step
   */
  public TrainingHistory fit(TrainableModel model, Dataset data) {
    return run(model, data, null, Objective.networkLoss());
  }

  /**
   * Trains like {@link #fit(TrainableModel, Dataset)}, measuring {@code validation} after each
   * epoch (then no validation split may be configured).
   */
  public TrainingHistory fit(TrainableModel model, Dataset data, Dataset validation) {
    requireNonNull("validation", validation);
    return run(model, data, validation, Objective.networkLoss());
  }

  /**
   * Trains {@code model} to minimize a user cost: for each sample the trainer calls
   * {@link TrainableModel#forward}, then {@code cost}, then {@link TrainableModel#backward} with
   * the gradient the cost wrote. The targets may have any size: the cost interprets them (for an
   * autoencoder, pass the inputs as targets).
   */
  public TrainingHistory fit(TrainableModel model, Dataset data, CostFunction cost) {
    requireNonNull("cost", cost);
    return run(model, data, null, Objective.cost(cost, model));
  }

  /**
   * Trains like {@link #fit(TrainableModel, Dataset, CostFunction)}, measuring
   * {@code validation}.
   */
  public TrainingHistory fit(
      TrainableModel model, Dataset data, Dataset validation, CostFunction cost) {
    requireNonNull("validation", validation);
    requireNonNull("cost", cost);
    return run(model, data, validation, Objective.cost(cost, model));
  }

  private TrainingHistory run(
      TrainableModel model, Dataset data, Dataset validation, Objective objective) {
    requireNonNull("model", model);
    requireNonNull("data", data);
    checkTrainable(model.spec());
    checkShapes(model, data, objective, "training");
    checkFinite(data, "training");
    if (validation != null) {
      checkShapes(model, validation, objective, "validation");
      checkFinite(validation, "validation");
    }
    SplittableRandom random = new SplittableRandom(seed != null ? seed : model.spec().seed());
    Dataset train = data;
    if (validationSplit > 0) {
      if (validation != null) {
        throw new IllegalArgumentException("give either a validation split or a validation "
            + "set, not both (the split is " + validationSplit + ")");
      }
      checkSplitLeavesBothParts(data.size());
      Split parts = data.split(1 - validationSplit, random.nextLong());
      train = parts.train();
      validation = parts.test();
    }
    Optimizer stepper = optimizer != null ? optimizer : new Adam(DEFAULT_LEARNING_RATE);
    return new TrainingRun(this, Replicas.of(model, threads), train, validation, objective,
        stepper, random).execute();
  }

  /** Refuses a split that would round one part to nothing, rather than quietly move a sample. */
  private void checkSplitLeavesBothParts(int samples) {
    long held = Math.round(samples * validationSplit);
    if (held < 1 || held >= samples) {
      throw new IllegalArgumentException("validation split " + validationSplit + " of " + samples
          + " samples must leave at least one sample for training and one for validation, "
          + "but would hold out " + held);
    }
  }

  /**
   * Refuses networks through which no gradient flows, with the messages of
   * {@link SpecValidator#trainingProblems}.
   */
  private static void checkTrainable(NetworkSpec spec) {
    List<SpecProblem> problems = SpecValidator.trainingProblems(spec.layers());
    if (!problems.isEmpty()) {
      StringBuilder message = new StringBuilder(spec.name()).append(" cannot be trained:");
      for (SpecProblem problem : problems) {
        message.append(' ').append(problem.message());
      }
      throw new IllegalArgumentException(message.toString());
    }
  }

  private static void checkShapes(
      TrainableModel model, Dataset data, Objective objective, String what) {
    if (data.size() == 0) {
      throw new IllegalArgumentException("the " + what + " data must not be empty");
    }
    boolean targetsOk = !objective.targetsMatchOutputs()
        || data.targetSize() == model.outputSize();
    if (data.inputSize() != model.inputSize() || !targetsOk) {
      throw new IllegalArgumentException("the " + what + " data must have " + model.inputSize()
          + " inputs" + (objective.targetsMatchOutputs()
              ? " and " + model.outputSize() + " targets" : "")
          + " per sample for " + model.spec().name() + ", but had " + data.inputSize()
          + " and " + data.targetSize() + (targetsOk ? "" : targetAdvice(model, data)));
    }
  }

  /** Names the reader setting that gives targets of the model's output size, where one does. */
  static String targetAdvice(Model model, Dataset data) {
    int outputs = model.outputSize();
    if (outputs == 1 && data.targetSize() == 2) {
      return ": for one sigmoid output, read a two-class label as one 0/1 column with "
          + "CsvReader.builder().binary() (or give the network a 2-unit softmax output)";
    }
    if (outputs >= 2 && data.targetSize() == 1) {
      return ": for " + outputs + " outputs, read the labels as one-hot rows with "
          + "CsvReader.builder().classes(" + outputs + ") (or give the network one sigmoid "
          + "output for a 0/1 label)";
    }
    if (outputs >= 2 && data.targetSize() >= 2) {
      return ": the labels hold " + data.targetSize() + " classes; give the network "
          + data.targetSize() + " outputs, or set CsvReader.builder().classes(" + outputs + ")"
          + " if the data has " + outputs + " classes";
    }
    return "";
  }

  /**
   * Refuses data holding NaN or an infinity, saying where: training on it would only end in a
   * divergence that blames the learning rate.
   */
  private static void checkFinite(Dataset data, String what) {
    for (int r = 0; r < data.size(); r++) {
      checkFinite(data.input(r), what, r, "input");
      checkFinite(data.target(r), what, r, "target");
    }
  }

  private static void checkFinite(double[] row, String what, int r, String part) {
    for (int c = 0; c < row.length; c++) {
      if (row[c] - row[c] != 0) {
        throw new IllegalArgumentException("the " + what + " data must hold finite numbers, but "
            + "row " + r + " has " + row[c] + " in " + part + " column " + c
            + ": remove that row or fill in the value before training");
      }
    }
  }

  private static void requireNonNull(String what, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
  }

  /** Configures a {@link Trainer}; every setter checks its value and says what it expected. */
  public static final class Builder {
    private Optimizer optimizer;
    private int epochs = DEFAULT_EPOCHS;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Long seed;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private LearningRateSchedule schedule = LearningRateSchedule.constant();
    private double validationSplit;
    private double l2;
    private double l1;
    private double maxGradientNorm;
    private int patience;
    private double minImprovement;
    private boolean restoreBestWeights;
    private double targetLoss = Double.NEGATIVE_INFINITY;
    private boolean trainingAccuracy = true;
    private int threads = 1;

    private Builder() {}

    /**
     * Sets the optimizer. The trainer steps this very instance, state included: a second fit
     * continues from where the first left off, so a trainer given an optimizer serves one model.
     */
    public Builder optimizer(Optimizer value) {
      requireNonNull("optimizer", value);
      this.optimizer = value;
      return this;
    }

    /** Sets the maximum number of passes over the data; must be positive. */
    public Builder epochs(int value) {
      this.epochs = positive("epochs", value);
      return this;
    }

    /** Sets the number of samples per optimizer step; must be positive. */
    public Builder batchSize(int value) {
      this.batchSize = positive("batch size", value);
      return this;
    }

    /** Sets the seed of the shuffling and of the validation split (default: the spec's seed). */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Adds a listener that hears about progress. */
    public Builder listener(TrainingListener value) {
      requireNonNull("listener", value);
      listeners.add(value);
      return this;
    }

    /**
     * Adds a listener called after each epoch; a lambda such as
     * {@code epoch -> log(epoch.trainLoss())} fits.
     */
    public Builder listener(EpochListener value) {
      return listener((TrainingListener) value);
    }

    /**
     * Sets how the learning rate changes from epoch to epoch, starting from the optimizer's rate
     * (which is put back when the run ends).
     */
    public Builder learningRateSchedule(LearningRateSchedule value) {
      requireNonNull("learning rate schedule", value);
      this.schedule = value;
      return this;
    }

    /**
     * Holds out this fraction of the samples, chosen with the seed, as validation data; must be
     * in (0, 1), and leave at least one sample on each side.
     */
    public Builder validationSplit(double fraction) {
      if (!(fraction > 0 && fraction < 1)) {
        throw new IllegalArgumentException(
            "validation split must be in (0, 1), but was " + fraction);
      }
      this.validationSplit = fraction;
      return this;
    }

    /**
     * Sets the L2 penalty {@code coefficient / 2 * sum(w^2)} on the weights, so each step adds
     * {@code coefficient * w} to their gradient (weight decay); biases are not penalized.
     */
    public Builder l2(double coefficient) {
      this.l2 = nonNegative("L2 coefficient", coefficient);
      return this;
    }

    /**
     * Sets the L1 penalty {@code coefficient * sum(|w|)} on the weights, so each step adds
     * {@code coefficient * sign(w)} to their gradient; biases are not penalized.
     */
    public Builder l1(double coefficient) {
      this.l1 = nonNegative("L1 coefficient", coefficient);
      return this;
    }

    /**
     * Scales each minibatch's gradient (penalties included) down to this Euclidean norm when it
     * is longer; must be positive.
     */
    public Builder clipGradientNorm(double maxNorm) {
      if (!(maxNorm > 0 && maxNorm < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "maximum gradient norm must be positive and finite, but was " + maxNorm);
      }
      this.maxGradientNorm = maxNorm;
      return this;
    }

    /**
     * Stops when the monitored loss (validation loss if there is validation data, else training
     * loss) has not improved by more than {@code minImprovement} for {@code patience} epochs;
     * with {@code restoreBestWeights}, the model ends with the parameters of the best epoch.
     */
    public Builder earlyStopping(int patience, double minImprovement,
        boolean restoreBestWeights) {
      this.patience = positive("patience", patience);
      this.minImprovement = nonNegative("minimum improvement", minImprovement);
      this.restoreBestWeights = restoreBestWeights;
      return this;
    }

    /** Stops as soon as an epoch's training loss is at or below {@code value}. */
    public Builder targetLoss(double value) {
      if (Double.isNaN(value)) {
        throw new IllegalArgumentException("target loss must be a number, but was NaN");
      }
      this.targetLoss = value;
      return this;
    }

    /**
     * Sets whether to measure accuracy on the training data after each epoch (one extra
     * inference pass; only when the targets are one-hot or binary). On by default.
     */
    public Builder trainingAccuracy(boolean value) {
      this.trainingAccuracy = value;
      return this;
    }

    /**
     * Sets the number of threads that train together (data-parallel), 1 by default. Each thread
     * runs a fixed contiguous share of every minibatch through its own instance of the network
     * ({@link TrainableModel#newReplica()}, made once per fit); their gradients are summed in
     * thread order and one optimizer step follows, itself shared out over ranges of the
     * parameters. The same seed gives bit-identical parameters for a given thread count; another
     * count adds the gradients in another order, so its results agree only up to rounding (and
     * with dropout, replicas past the first draw masks from streams of their own). More threads
     * than cores, or than samples per minibatch, only add waiting. A user cost function is then
     * called from several threads at once, so it must keep no state between calls.
     */
    public Builder threads(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("threads must be at least 1 (1 trains on the calling "
            + "thread alone), but was " + value);
      }
      this.threads = value;
      return this;
    }

    /** Returns the configured trainer. */
    public Trainer build() {
      return new Trainer(this);
    }

    private static int positive(String what, int value) {
      if (value <= 0) {
        throw new IllegalArgumentException(what + " must be positive, but was " + value);
      }
      return value;
    }

    private static double nonNegative(String what, double value) {
      if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            what + " must be zero or positive and finite, but was " + value);
      }
      return value;
    }
  }
}
