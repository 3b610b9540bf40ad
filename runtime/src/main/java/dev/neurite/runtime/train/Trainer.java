package dev.neurite.runtime.train;

import dev.neurite.runtime.Model;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.optim.Optimizer;
import dev.neurite.runtime.optim.Sgd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a {@link Model} by minibatch gradient descent: for each epoch, shuffle the samples with
 * a seeded generator, and for each minibatch, forward and back propagate every sample, average
 * the gradients and let the optimizer take one step.
 */
public final class Trainer {
  private final Optimizer optimizer;
  private final int epochs;
  private final int batchSize;
  private final long seed;
  private final List<TrainingListener> listeners;

  private Trainer(Builder b) {
    this.optimizer = b.optimizer;
    this.epochs = b.epochs;
    this.batchSize = b.batchSize;
    this.seed = b.seed;
    this.listeners = new ArrayList<>(b.listeners);
  }

  /** Returns a builder with defaults: SGD at 0.1, 100 epochs, minibatches of 32, seed 42. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Trains {@code model} on {@code data}, starting from its current parameters, and returns the
   * mean training loss of each epoch.
   */
  public double[] fit(Model model, Dataset data) {
    checkShapes(model, data);
    double[] parameters = new double[model.parameterCount()];
    double[] gradient = new double[parameters.length];
    model.getParameters(parameters);
    int[] order = identity(data.size());
    SplittableRandom random = new SplittableRandom(seed);
    double[] history = new double[epochs];
    for (int epoch = 1; epoch <= epochs; epoch++) {
      shuffle(order, random);
      double total = 0;
      for (int start = 0; start < order.length; start += batchSize) {
        int end = Math.min(order.length, start + batchSize);
        total += trainBatch(model, data, order, start, end, parameters, gradient);
      }
      history[epoch - 1] = total / data.size();
      for (TrainingListener listener : listeners) {
        listener.onEpochEnd(epoch, history[epoch - 1]);
      }
    }
    return history;
  }

  private double trainBatch(Model model, Dataset data, int[] order, int start, int end,
      double[] parameters, double[] gradient) {
    Arrays.fill(gradient, 0);
    double loss = 0;
    for (int k = start; k < end; k++) {
      loss += model.forwardBackward(data.input(order[k]), data.target(order[k]), gradient);
    }
    double scale = 1.0 / (end - start);
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] *= scale;
    }
    optimizer.step(parameters, gradient);
    model.setParameters(parameters);
    return loss;
  }

  private static void checkShapes(Model model, Dataset data) {
    if (data.size() == 0) {
      throw new IllegalArgumentException("the dataset must not be empty");
    }
    if (data.inputSize() != model.inputSize() || data.targetSize() != model.outputSize()) {
      throw new IllegalArgumentException("the dataset must have " + model.inputSize()
          + " inputs and " + model.outputSize() + " targets per sample for "
          + model.spec().name() + ", but had " + data.inputSize() + " and " + data.targetSize());
    }
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

  /** Configures a {@link Trainer}. */
  public static final class Builder {
    private Optimizer optimizer = new Sgd(0.1);
    private int epochs = 100;
    private int batchSize = 32;
    private long seed = 42;
    private final List<TrainingListener> listeners = new ArrayList<>();

    private Builder() {}

    /** Sets the optimizer. */
    public Builder optimizer(Optimizer value) {
      if (value == null) {
        throw new IllegalArgumentException("optimizer must not be null");
      }
      this.optimizer = value;
      return this;
    }

    /** Sets the number of passes over the data; must be positive. */
    public Builder epochs(int value) {
      this.epochs = positive("epochs", value);
      return this;
    }

    /** Sets the number of samples per optimizer step; must be positive. */
    public Builder batchSize(int value) {
      this.batchSize = positive("batch size", value);
      return this;
    }

    /** Sets the seed of the shuffling. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Adds a listener that hears about progress. */
    public Builder listener(TrainingListener value) {
      if (value == null) {
        throw new IllegalArgumentException("listener must not be null");
      }
      listeners.add(value);
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
  }
}
