package dev.neurite.runtime;

import dev.neurite.runtime.data.Dataset;

/**
 * The contract every network implements, generated or interpreted: its sizes, its parameters as
 * one flat array laid out as {@link NetworkSpec} describes, inference, and the passes training
 * needs.
 *
 * <p>A model keeps scratch buffers for its passes, so an instance is not thread-safe: shared by
 * threads, it returns wrong outputs without any exception. Give each thread its own instance
 * (for example {@code ThreadLocal.withInitial(DigitsNet::new)}, or a pool). No method allocates.
 *
 * <p><b>Bad arguments.</b> Every method checks its arguments before it does any work and refuses
 * bad ones with an {@link IllegalArgumentException} whose message names the argument:
 * <ul>
 *   <li>an array that is null or whose length is not the one its method documents:
 *       {@link #inputSize()} for {@code input}, {@link #outputSize()} for {@code output},
 *       {@code target} and {@code outputGradient}, {@link #parameterCount()} for
 *       {@code source}, {@code destination} and {@code gradient};
 *   <li>in {@link #forwardBackwardBatch}: a null {@code data} or {@code order}; a range with
 *       {@code from < 0}, {@code to > order.length} or {@code from > to}; an index
 *       {@code order[k]} ({@code from <= k < to}) outside the dataset; rows of another size
 *       than the model's inputs and outputs. An empty range ({@code from == to}) returns 0 and
 *       leaves {@code gradient} unchanged.
 * </ul>
 * A refused call leaves the model's parameters and the caller's arrays unchanged.
 * {@link ModelArguments} holds these checks for implementations.
 */
public interface Model {
  /** Returns the description of this network. */
  NetworkSpec spec();

  /** Returns the number of inputs of one sample. */
  int inputSize();

  /** Returns the number of outputs of one sample. */
  int outputSize();

  /** Returns the number of trainable parameters. */
  int parameterCount();

  /** Copies the parameters, in the flat layout of {@link NetworkSpec}, into {@code destination}. */
  void getParameters(double[] destination);

  /** Replaces the parameters with {@code source}, in the flat layout of {@link NetworkSpec}. */
  void setParameters(double[] source);

  /** Runs inference on one sample: forward propagation alone, dropout disabled. */
  void predict(double[] input, double[] output);

  /**
   * Runs one training sample through the network and back: returns its loss against
   * {@code target} under the network's {@link Loss}, and adds the gradient of that loss with
   * respect to every parameter to {@code gradient} (so a minibatch accumulates).
   */
  double forwardBackward(double[] input, double[] target, double[] gradient);

  /**
   * Runs the training forward pass on one sample, writing its output and keeping what
   * {@link #backward} needs; for costs that the network's own loss does not express.
   */
  void forward(double[] input, double[] output);

  /**
   * Back-propagates {@code outputGradient} (the gradient of a cost with respect to each output of
   * the last {@link #forward}) and adds the gradient with respect to every parameter to
   * {@code gradient}.
   */
  void backward(double[] outputGradient, double[] gradient);

  /**
   * Turns training mode on or off; a new model is not in training mode. In training mode
   * {@link #forward} and {@link #forwardBackward} zero values of dropout layers with a fresh
   * random mask per sample ({@link Dropout}); {@link #predict} never does. A model without
   * dropout layers may ignore it.
   */
  default void setTraining(boolean training) {}

  /**
   * Restarts the random stream dropout masks are drawn from, so that a training run repeats
   * exactly; a new model's stream starts from its spec's {@link NetworkSpec#seed()}.
   */
  default void setDropoutSeed(long seed) {}

  /**
   * Runs the training samples {@code data[order[from]] .. data[order[to - 1]]} forward and back
   * under the network's {@link Loss}: adds the sum of their parameter gradients to
   * {@code gradient} and returns the sum of their losses.
   *
   * <p>Equal, up to rounding, to calling {@link #forwardBackward} on each sample; generated
   * classes override it with a batched path that accumulates in their own precision and touches
   * {@code gradient} once per batch instead of once per sample.
   */
  default double forwardBackwardBatch(
      Dataset data, int[] order, int from, int to, double[] gradient) {
    ModelArguments.requireLength("gradient", gradient, parameterCount());
    ModelArguments.requireBatch(data, order, from, to, inputSize(), outputSize());
    double loss = 0;
    for (int k = from; k < to; k++) {
      loss += forwardBackward(data.input(order[k]), data.target(order[k]), gradient);
    }
    return loss;
  }
}
