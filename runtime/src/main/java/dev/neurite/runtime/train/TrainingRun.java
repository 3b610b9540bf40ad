package dev.neurite.runtime.train;

import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** One call of {@link Trainer#fit}: the epoch loop and everything it keeps between epochs. */
final class TrainingRun {
  private final Trainer config;
  private final TrainableModel model;
  private final Dataset train;
  private final Dataset validation;
  private final Objective objective;
  private final Optimizer optimizer;
  private final SplittableRandom random;
  private final double[] parameters;
  /** The parameters before the last step, put back if the run diverges. */
  private final double[] lastGood;
  private final TrainableModel[] replicas;
  private final double[] output;
  private final int[] order;
  private final boolean trainAccuracy;
  private final boolean validationAccuracy;
  /** The minibatch step of the running {@link #execute}. */
  private ParallelStep steps;
  private double[] bestParameters;
  private double bestLoss;
  private int bestEpoch;

  /** Trains {@code replicas[0]}, the others its replicas for the other threads. */
  TrainingRun(Trainer config, TrainableModel[] replicas, Dataset train, Dataset validation,
      Objective objective, Optimizer optimizer, SplittableRandom random) {
    this.config = config;
    this.model = replicas[0];
    this.replicas = replicas;
    this.train = train;
    this.validation = validation;
    this.objective = objective;
    this.optimizer = optimizer;
    this.random = random;
    this.parameters = new double[model.parameterCount()];
    model.getParameters(parameters);
    this.lastGood = parameters.clone();
    this.output = new double[model.outputSize()];
    this.order = identity(train.size());
    this.trainAccuracy = config.trainingAccuracy && Accuracy.appliesTo(train, output.length);
    this.validationAccuracy =
        validation != null && Accuracy.appliesTo(validation, output.length);
  }

  /**
   * Runs the epochs with the model and its replicas in training mode (dropout on, its masks
   * drawn from a seed taken from the run's generator); they leave training mode, the run's
   * threads stop and the optimizer gets its learning rate back when the run ends, normally or
   * not.
   */
  TrainingHistory execute() {
    double baseRate = optimizer.learningRate();
    long dropoutSeed = random.nextLong();
    try (ParallelStep step = new ParallelStep(replicas, objective, config.regularization,
        optimizer, train, order, parameters, lastGood)) {
      this.steps = step;
      step.setTraining(true, dropoutSeed);
      try {
        return epochs(baseRate);
      } finally {
        step.setTraining(false, dropoutSeed);
      }
    } finally {
      optimizer.setLearningRate(baseRate);
    }
  }

  private TrainingHistory epochs(double baseRate) {
    int batches = (int) ((train.size() + (long) config.batchSize - 1) / config.batchSize);
    for (TrainingListener listener : config.listeners) {
      listener.onTrainingBegin(model, config.epochs, batches);
    }
    List<EpochResult> results = new ArrayList<>();
    StopReason reason = StopReason.COMPLETED;
    for (int epoch = 1; epoch <= config.epochs && reason == StopReason.COMPLETED; epoch++) {
      optimizer.setLearningRate(config.schedule.rate(baseRate, epoch));
      EpochResult result = measure(epoch, batches, trainEpoch(epoch));
      results.add(result);
      trackBest(result);
      for (TrainingListener listener : config.listeners) {
        listener.onEpochEnd(result);
      }
      reason = stopReason(result);
    }
    restoreBestIfAsked(results.size());
    TrainingHistory history = new TrainingHistory(results, reason, bestEpoch);
    for (TrainingListener listener : config.listeners) {
      listener.onTrainingEnd(history);
    }
    return history;
  }

  /** Shuffles, runs every minibatch of one epoch, and returns the mean sample loss. */
  private double trainEpoch(int epoch) {
    shuffle(order, random);
    double total = 0;
    int batch = 0;
    for (int start = 0, end; start < order.length; start = end) {
      end = start + Math.min(config.batchSize, order.length - start);
      double loss = trainBatch(epoch, ++batch, start, end);
      total += loss;
      for (TrainingListener listener : config.listeners) {
        listener.onBatchEnd(epoch, batch, loss / (end - start));
      }
    }
    return total / order.length;
  }

  /** Takes one optimizer step on samples {@code order[start..end)}; returns their summed loss. */
  private double trainBatch(int epoch, int batch, int start, int end) {
    double loss = steps.forwardBackward(start, end);
    double norm = steps.reduce();
    if (!isFinite(loss)) {
      throw diverged(epoch, batch, "the loss was " + loss);
    }
    if (!isFinite(norm)) {
      throw diverged(epoch, batch, "the gradient norm was " + norm);
    }
    int notHeld = steps.step(norm);
    if (notHeld >= 0) {
      throw diverged(epoch, batch, "parameter " + notHeld + " became " + steps.held(notHeld)
          + " in the " + model.spec().precision().name().toLowerCase(Locale.ROOT)
          + " network after the step (the step gave it " + parameters[notHeld] + ")");
    }
    steps.load();
    return loss;
  }

  private TrainingDivergedException diverged(int epoch, int batch, String what) {
    System.arraycopy(lastGood, 0, parameters, 0, parameters.length);
    model.setParameters(lastGood);
    return new TrainingDivergedException(epoch, batch, what);
  }

  /**
   * Measures the network after the last step of {@code epoch}; a loss it computes there that is
   * not finite is divergence too, since no later batch would catch it.
   */
  private EpochResult measure(int epoch, int lastBatch, double trainLoss) {
    double[] valid = {Double.NaN, Double.NaN};
    if (validation != null) {
      valid = evaluate(validation, validationAccuracy);
      requireFinite(valid[0], epoch, lastBatch, "the validation loss");
    }
    double accuracy = Double.NaN;
    if (trainAccuracy) {
      double[] trained = evaluate(train, true);
      requireFinite(trained[0], epoch, lastBatch, "the training loss at inference");
      accuracy = trained[1];
    }
    return new EpochResult(
        epoch, trainLoss, valid[0], accuracy, valid[1], optimizer.learningRate());
  }

  private void requireFinite(double loss, int epoch, int lastBatch, String what) {
    if (!isFinite(loss)) {
      throw diverged(epoch, lastBatch, what + " after the epoch's last step was " + loss);
    }
  }

  /** Returns the mean inference loss on {@code data} and its accuracy (NaN if not asked). */
  private double[] evaluate(Dataset data, boolean withAccuracy) {
    double loss = 0;
    int correct = 0;
    for (int i = 0; i < data.size(); i++) {
      loss += objective.loss(model, data.input(i), data.target(i), output);
      if (withAccuracy && Accuracy.isCorrect(output, data.target(i))) {
        correct++;
      }
    }
    double accuracy = withAccuracy ? correct / (double) data.size() : Double.NaN;
    return new double[] {loss / data.size(), accuracy};
  }

  /** Remembers the epoch (and, if asked, the parameters) of the last sufficient improvement. */
  private void trackBest(EpochResult result) {
    double loss = result.monitoredLoss();
    if (bestEpoch == 0 || loss < bestLoss - config.minImprovement) {
      bestLoss = loss;
      bestEpoch = result.epoch();
      if (config.restoreBestWeights) {
        bestParameters = parameters.clone();
      }
    }
  }

  private StopReason stopReason(EpochResult result) {
    if (result.trainLoss() <= config.targetLoss) {
      return StopReason.TARGET_LOSS_REACHED;
    }
    if (config.patience > 0 && result.epoch() - bestEpoch >= config.patience) {
      return StopReason.EARLY_STOPPING;
    }
    return StopReason.COMPLETED;
  }

  private void restoreBestIfAsked(int lastEpoch) {
    if (config.restoreBestWeights && bestEpoch != lastEpoch && bestParameters != null) {
      System.arraycopy(bestParameters, 0, parameters, 0, parameters.length);
      model.setParameters(parameters);
    }
  }

  private static boolean isFinite(double value) {
    return value - value == 0;
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** Fisher-Yates, driven by the seeded generator so that runs repeat exactly. */
  private static void shuffle(int[] order, SplittableRandom random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
