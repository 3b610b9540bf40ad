package dev.neurite.runtime.train;

import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
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
 *       gradient buffer (thread 0's is the mean gradient's array itself);
 *   <li>{@link #reduce}: each thread sums, over its parameter range, the threads' buffers in
 *       thread order (zeroing the others' for the next minibatch), averages, adds the penalties
 *       and sums the squares for the norm;
 *   <li>{@link #step}: each thread clips and steps its range ({@link Optimizer#stepRange}),
 *       finds any parameter the network cannot hold in its precision, and zeroes its range of
 *       the gradient for the next minibatch;
 *   <li>{@link #load}: each replica takes the new parameters.
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
  private final boolean float32;
  private final Optimizer optimizer;
  private final boolean ranged;
  private final Dataset train;
  private final int[] order;
  private final double[] parameters;
  private final double[] lastGood;
  /** The minibatch's mean gradient, penalties and clipping included; zero between steps. */
  private final double[] gradient;
  /** Each thread's summed sample gradients; thread 0's is {@link #gradient} itself. */
  private final double[][] gradients;
  /** Thread {@code t}'s parameter range is {@code [bounds[t], bounds[t + 1])}. */
  private final int[] bounds;
  private final double[] losses;
  private final double[] squares;
  private final int[] firstNotHeld;
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
    this.float32 = spec.precision() == Precision.FLOAT;
    this.optimizer = optimizer;
    this.ranged = optimizer.stepsInRanges();
    this.train = train;
    this.order = order;
    this.parameters = parameters;
    this.lastGood = lastGood;
    this.gradient = new double[parameters.length];
    this.gradients = new double[threads][];
    this.bounds = new int[threads + 1];
    this.losses = new double[threads];
    this.squares = new double[threads];
    this.firstNotHeld = new int[threads];
    for (int t = 0; t < threads; t++) {
      objectives[t] = t == 0 ? objective : objective.forAnotherThread();
      gradients[t] = t == 0 ? gradient : new double[parameters.length];
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
    int length = end - start;
    int from = start + share(length, t, replicas.length);
    int to = start + share(length, t + 1, replicas.length);
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
    for (int i = from; i < to; i++) {
      double sum = gradient[i];
      for (int u = 1; u < gradients.length; u++) {
        sum += gradients[u][i];
        gradients[u][i] = 0;
      }
      gradient[i] = sum * scale;
    }
    regularization.addPenalties(spec, parameters, gradient, from, to);
    squares[t] = Regularization.sumOfSquares(gradient, from, to);
  }

  /**
   * Clips the gradient of norm {@code norm}, saves the parameters in {@code lastGood} and lets
   * the optimizer step them, each thread its range when the optimizer can split its step.
   * Returns the first parameter that the network cannot hold in its precision (infinite or NaN
   * as a double, beyond float range in a float network), or -1.
   */
  int step(double norm) {
    this.clipScale = regularization.clipScale(norm);
    if (ranged) {
      optimizer.beginStep(parameters, gradient);
    }
    pool.run(stepPhase);
    if (!ranged) {
      optimizer.step(parameters, gradient);
      Arrays.fill(gradient, 0);
      return firstNotHeld(0, parameters.length);
    }
    for (int index : firstNotHeld) {
      if (index >= 0) {
        return index;
      }
    }
    return -1;
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
      Arrays.fill(gradient, from, to, 0);
      firstNotHeld[t] = firstNotHeld(from, to);
    }
  }

  private int firstNotHeld(int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isFinite(held(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Returns parameter {@code index} as the network holds it, in its precision. */
  double held(int index) {
    return float32 ? (float) parameters[index] : parameters[index];
  }

  private static boolean isFinite(double value) {
    return value - value == 0;
  }

  /** Gives every replica the stepped parameters, each on its own thread. */
  void load() {
    pool.run(loadPhase);
  }

  private void loadReplica(int t) {
    replicas[t].setParameters(parameters);
  }

  /** Stops the run's threads. */
  @Override
  public void close() {
    pool.close();
  }
}
