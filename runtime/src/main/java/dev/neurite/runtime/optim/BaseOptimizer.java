package dev.neurite.runtime.optim;

import java.util.Arrays;

/**
 * What every optimizer shares: the learning rate, the length checks of {@link #step}, and state
 * kept as a fixed number of parameter-sized arrays plus an array of scalars.
 */
abstract class BaseOptimizer implements Optimizer {
  private static final double[][] NO_ARRAYS = new double[0][];

  private double learningRate;
  /** Parameter-sized arrays (moments, squares); empty until the first step. */
  private double[][] arrays;
  /** Scalars of the state, such as a step count; fixed length. */
  private final double[] scalars;

  BaseOptimizer(double learningRate, int arrayCount, int scalarCount) {
    this.learningRate = Hyper.positive("learning rate", learningRate);
    this.arrays = arrayCount == 0 ? NO_ARRAYS : new double[arrayCount][0];
    this.scalars = new double[scalarCount];
  }

  @Override
  public final void step(double[] parameters, double[] gradient) {
    beginStep(parameters, gradient);
    update(parameters, gradient, learningRate, 0, parameters.length);
  }

  @Override
  public final boolean stepsInRanges() {
    return true;
  }

  @Override
  public final void beginStep(double[] parameters, double[] gradient) {
    checkLengths(parameters, gradient);
    countStep();
  }

  @Override
  public final void stepRange(double[] parameters, double[] gradient, int from, int to) {
    if (from < 0 || to > parameters.length || from > to) {
      throw new IllegalArgumentException("the range [" + from + ", " + to + ") must lie within "
          + "the " + parameters.length + " parameters");
    }
    update(parameters, gradient, learningRate, from, to);
  }

  /** Advances the scalars of the state (a step count) once per step; nothing by default. */
  void countStep() {}

  /**
   * Moves {@code parameters[from..to)} against {@code gradient}; the state is sized and checked,
   * and reads of the scalars see this step's values.
   */
  abstract void update(double[] parameters, double[] gradient, double rate, int from, int to);

  /** Returns state array {@code i}, as long as the parameters. */
  final double[] array(int i) {
    return arrays[i];
  }

  /** Returns the scalars of the state, to read and write in place. */
  final double[] scalars() {
    return scalars;
  }

  @Override
  public final double learningRate() {
    return learningRate;
  }

  @Override
  public final void setLearningRate(double value) {
    this.learningRate = Hyper.nonNegative("learning rate", value);
  }

  @Override
  public final double[][] state() {
    double[][] copy = new double[arrays.length + (scalars.length > 0 ? 1 : 0)][];
    for (int i = 0; i < arrays.length; i++) {
      copy[i] = arrays[i].clone();
    }
    if (scalars.length > 0) {
      copy[arrays.length] = scalars.clone();
    }
    return copy;
  }

  @Override
  public final void restoreState(double[][] state) {
    checkLayout(state);
    for (int i = 0; i < arrays.length; i++) {
      arrays[i] = state[i].clone();
    }
    if (scalars.length > 0) {
      System.arraycopy(state[arrays.length], 0, scalars, 0, scalars.length);
    }
  }

  @Override
  public final void reset() {
    for (int i = 0; i < arrays.length; i++) {
      arrays[i] = new double[0];
    }
    Arrays.fill(scalars, 0);
  }

  private void checkLengths(double[] parameters, double[] gradient) {
    if (parameters.length != gradient.length) {
      throw new IllegalArgumentException("gradient must have the length of the parameters, "
          + parameters.length + ", but had length " + gradient.length);
    }
    if (arrays.length == 0) {
      return;
    }
    if (arrays[0].length == 0) {
      for (int i = 0; i < arrays.length; i++) {
        arrays[i] = new double[parameters.length];
      }
    } else if (arrays[0].length != parameters.length) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " has state for "
          + arrays[0].length + " parameters, but was given " + parameters.length
          + "; use one optimizer per model, or reset() it");
    }
  }

  private void checkLayout(double[][] state) {
    int expected = arrays.length + (scalars.length > 0 ? 1 : 0);
    if (state == null || state.length != expected) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " state must have "
          + expected + " arrays, but had " + (state == null ? "none (null)" : state.length));
    }
    for (int i = 0; i < expected; i++) {
      if (state[i] == null) {
        throw new IllegalArgumentException(
            getClass().getSimpleName() + " state array " + i + " must not be null");
      }
    }
    for (int i = 0; i < expected; i++) {
      int length = i < arrays.length ? state[0].length : scalars.length;
      if (state[i].length != length) {
        throw new IllegalArgumentException(getClass().getSimpleName() + " state array " + i
            + " must have length " + length + ", but had length " + state[i].length);
      }
    }
  }
}
