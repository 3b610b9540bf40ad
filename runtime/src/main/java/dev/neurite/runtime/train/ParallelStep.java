package dev.neurite.runtime.train;

import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.optim.Optimizer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * One optimizer step on a minibatch, spread over the run's threads (data-parallel). Thread
 * {@code t} owns replica {@code t} of the model (replica 0 is the caller's model), a fixed
 * contiguous share of every minibatch and a fixed range of the flat parameters. A step is four
 * phases, each run by every thread ({@link PhasePool}):
 * <ol>
 *   <li>{@link #forwardBackward}: each replica runs its share of the samples into its own
 *       gradient buffer;
 *   <li>{@link #reduce}: each thread sums, over its parameter range, the threads' buffers in
 *       thread order, averages, adds the penalties and sums the squares for the norm;
 *   <li>{@link #step}: each thread clips and steps its range ({@link Optimizer#stepRange});
 *   <li>{@link #load}: each replica takes the new parameters and checks the ones it holds.
 * </ol>
 * Every sum has a fixed order, so the result does not depend on thread timing. With one thread
 * the phases run inline and compute exactly what a plain serial step computes.
 */
final class ParallelStep implements AutoCloseable {
  private final PhasePool pool;
  private final TrainableModel[] replicas;
  private final Objective[] objectives;
  private final Regularization regularization;
  private final NetworkSpec spec;
  private final Optimizer optimizer;
  private final boolean ranged;
  private final Dataset train;
  private final int[] order;
  private final double[] parameters;
  private final double[] lastGood;
  /** The minibatch's mean gradient, penalties and clipping included. */
  private final double[] gradient;
  /** Each thread's summed sample gradients; with one thread, {@link #gradient} itself. */
  private final double[][] gradients;
  /** Each replica's parameters as it holds them, read back after a step. */
  private final double[][] held;
  /** Thread {@code t}'s parameter range is {@code [bounds[t], bounds[t + 1])}. */
  private final int[] bounds;
  private final double[] losses;
  private final double[] squares;
  private final int[] firstNonFinite;
  private final IntConsumer forwardBackwardPhase = this::forwardBackwardShare;
  private final IntConsumer reducePhase = this::reduceRange;
  private final IntConsumer stepPhase = this::stepRange;
  private final IntConsumer loadPhase = this::loadReplica;
  private int start;
  private int end;
  private double clipScale;

  /**
   * Prepares a step over {@code replicas} (index 0 the caller's model, the others given its
   * parameters here), training on {@code train} in {@code order}, stepping {@code parameters}
   * and saving them in {@code lastGood} before each step.
   */
  ParallelStep(TrainableModel[] replicas, Objective objective, Regularization regularization,
      Optimizer optimizer, Dataset train, int[] order, double[] parameters, double[] lastGood) {
    int threads = replicas.length;
    this.replicas = replicas;
    this.objectives = new Objective[threads];
    this.regularization = regularization;
    this.spec = replicas[0].spec();
    this.optimizer = optimizer;
    this.ranged = optimizer.stepsInRanges();
    this.train = train;
    this.order = order;
    this.parameters = parameters;
    this.lastGood = lastGood;
    this.gradient = new double[parameters.length];
    this.gradients = new double[threads][];
    this.held = new double[threads][parameters.length];
    this.bounds = new int[threads + 1];
    this.losses = new double[threads];
    this.squares = new double[threads];
    this.firstNonFinite = new int[threads];
    for (int t = 0; t < threads; t++) {
      objectives[t] = t == 0 ? objective : objective.forAnotherThread();
      gradients[t] = threads == 1 ? gradient : new double[parameters.length];
      bounds[t + 1] = share(parameters.length, t + 1, threads);
      if (t > 0) {
        replicas[t].setParameters(parameters);
      }
    }
    this.pool = new PhasePool(threads, "neurite-train-" + spec.name());
  }

  /** Returns the first index of thread {@code t}'s share of {@code length} items. */
  private static int share(int length, int t, int threads) {
    return (int) ((long) length * t / threads);
  }

  /**
   * Turns training mode on or off in every replica. Replica 0's dropout stream starts from
   * {@code dropoutSeed}; replica {@code t}'s from the {@code t}-th number of a generator seeded
   * with it, so each replica draws its own masks, and the same ones on every run.
   */
  void setTraining(boolean training, long dropoutSeed) {
    SplittableRandom seeds = new SplittableRandom(dropoutSeed);
    for (int t = 0; t < replicas.length; t++) {
      if (training) {
        replicas[t].setDropoutSeed(t == 0 ? dropoutSeed : seeds.nextLong());
      }
      replicas[t].setTraining(training);
    }
  }

  /** Returns the minibatch's mean gradient as the last {@link #reduce} left it. */
  double[] gradient() {
    return gradient;
  }

  /**
   * Runs samples {@code order[start..end)} forward and back, each thread its share; returns the
   * sum of their losses, added in thread order.
   */
  double forwardBackward(int start, int end) {
    this.start = start;
    this.end = end;
    pool.run(forwardBackwardPhase);
    double loss = 0;
    for (double share : losses) {
      loss += share;
    }
    return loss;
  }

  private void forwardBackwardShare(int t) {
    int threads = replicas.length;
    int length = end - start;
    int from = start + share(length, t, threads);
    int to = start + share(length, t + 1, threads);
    if (threads == 1) {
      Arrays.fill(gradient, 0);
    }
    losses[t] = objectives[t].batchLossAndGradient(
        replicas[t], train, order, from, to, gradients[t]);
  }

  /**
   * Turns the threads' gradients into the minibatch's mean gradient with the penalties added;
   * returns its Euclidean norm (infinite or NaN if the gradient is).
   */
  double reduce() {
    pool.run(reducePhase);
    double sum = 0;
    for (double part : squares) {
      sum += part;
    }
    return Math.sqrt(sum);
  }

  private void reduceRange(int t) {
    int from = bounds[t];
    int to = bounds[t + 1];
    double scale = 1.0 / (end - start);
    if (replicas.length == 1) {
      for (int i = from; i < to; i++) {
        gradient[i] *= scale;
      }
    } else {
      sumAndClear(from, to, scale);
    }
    regularization.addPenalties(spec, parameters, gradient, from, to);
    squares[t] = Regularization.sumOfSquares(gradient, from, to);
  }

  /** Sums the threads' buffers over {@code [from, to)} in thread order and zeroes them. */
  private void sumAndClear(int from, int to, double scale) {
    for (int i = from; i < to; i++) {
      double sum = gradients[0][i];
      gradients[0][i] = 0;
      for (int u = 1; u < gradients.length; u++) {
        sum += gradients[u][i];
        gradients[u][i] = 0;
      }
      gradient[i] = sum * scale;
    }
  }

  /**
   * Clips the gradient of norm {@code norm}, saves the parameters in {@code lastGood} and lets
   * the optimizer step them, each thread its range when the optimizer can split its step.
   */
  void step(double norm) {
    this.clipScale = regularization.clipScale(norm);
    if (ranged) {
      optimizer.beginStep(parameters, gradient);
    }
    pool.run(stepPhase);
    if (!ranged) {
      optimizer.step(parameters, gradient);
    }
  }

  private void stepRange(int t) {
    int from = bounds[t];
    int to = bounds[t + 1];
    if (clipScale != 1) {
      for (int i = from; i < to; i++) {
        gradient[i] *= clipScale;
      }
    }
    System.arraycopy(parameters, from, lastGood, from, to - from);
    if (ranged) {
      optimizer.stepRange(parameters, gradient, from, to);
    }
  }

  /**
   * Gives every replica the stepped parameters and reads them back as it holds them; returns
   * the first index whose held value is not finite, or -1. {@link #held(int)} gives the value.
   */
  int load() {
    pool.run(loadPhase);
    for (int index : firstNonFinite) {
      if (index >= 0) {
        return index;
      }
    }
    return -1;
  }

  private void loadReplica(int t) {
    replicas[t].setParameters(parameters);
    replicas[t].getParameters(held[t]);
    firstNonFinite[t] = -1;
    for (int i = bounds[t]; i < bounds[t + 1]; i++) {
      if (held[t][i] - held[t][i] != 0) {
        firstNonFinite[t] = i;
        return;
      }
    }
  }

  /** Returns parameter {@code index} as the replica that checks it holds it. */
  double held(int index) {
    for (int t = 0; t < replicas.length; t++) {
      if (index < bounds[t + 1]) {
        return held[t][index];
      }
    }
    throw new IllegalArgumentException("no parameter " + index);
  }

  /** Stops the run's threads. */
  @Override
  public void close() {
    pool.close();
  }
}
