package dev.neurite.runtime.optim;

/**
 * Updates a flat parameter array from the gradient of a minibatch's mean loss.
 *
 * <p>An optimizer keeps state for one parameter array (moments, accumulated squares, a step
 * count), so use one instance per model. The state is sized on the first {@link #step}; it can be
 * exported with {@link #state()} and put back with {@link #restoreState(double[][])}, for example
 * to save it next to the model's weights and resume training later with the same trajectory.
 */
public interface Optimizer {
  /**
   * Applies one step: moves {@code parameters} against {@code gradient}, in place.
   *
   * @throws IllegalArgumentException if the arrays differ in length, or differ from the length
   *     the optimizer's state was sized (or restored) for
   */
  void step(double[] parameters, double[] gradient);

  /**
   * Returns whether a step can be split into ranges of the parameters: {@link #beginStep} once,
   * then {@link #stepRange} over ranges that cover the parameters, possibly from several threads
   * at once over disjoint ranges. Every optimizer of this package can, because each updates a
   * parameter from its own gradient and state alone; the default is false, and then the
   * trainer calls {@link #step}.
   */
  default boolean stepsInRanges() {
    return false;
  }

  /**
   * Starts a step to be applied with {@link #stepRange}: checks the lengths as {@link #step}
   * does, sizes the state, and advances what counts steps (Adam's bias corrections).
   *
   * @throws UnsupportedOperationException if {@link #stepsInRanges()} is false
   */
  default void beginStep(double[] parameters, double[] gradient) {
    throw new UnsupportedOperationException(
        getClass().getName() + " does not split its steps into ranges; call step");
  }

  /**
   * Applies the step begun by {@link #beginStep} to {@code parameters[from..to)}. Ranges that
   * together cover every parameter once give exactly the parameters {@link #step} gives, bit for
   * bit, whatever their number and order; disjoint ranges may run on different threads, after
   * {@code beginStep} happened before them.
   *
   * @throws IllegalArgumentException if the range is not within the parameters
   * @throws UnsupportedOperationException if {@link #stepsInRanges()} is false
   */
  default void stepRange(double[] parameters, double[] gradient, int from, int to) {
    throw new UnsupportedOperationException(
        getClass().getName() + " does not split its steps into ranges; call step");
  }

  /** Returns the step size used by the next {@link #step}. */
  double learningRate();

  /**
   * Sets the step size used by the next steps; learning-rate schedules call this once per epoch.
   * Zero is allowed here (a schedule may anneal to it), though constructors require a positive
   * rate.
   *
   * @throws IllegalArgumentException if the rate is negative or not finite
   */
  void setLearningRate(double learningRate);

  /**
   * Returns a copy of the optimizer's state as arrays of doubles, in an order each implementation
   * documents (arrays sized like the parameters, then a few scalars in an array of their own).
   * Before the first step the parameter-sized arrays are empty. A stateless optimizer returns an
   * empty array.
   */
  double[][] state();

  /**
   * Replaces the optimizer's state with a copy of {@code state}, as {@link #state()} returned it
   * from an optimizer of the same kind.
   *
   * @throws IllegalArgumentException if the number or the lengths of the arrays do not match
   *     this optimizer's layout
   */
  void restoreState(double[][] state);

  /** Forgets the state, as if no step had been taken; the learning rate is kept. */
  void reset();
}
