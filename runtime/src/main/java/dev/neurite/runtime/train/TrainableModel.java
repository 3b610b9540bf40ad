package dev.neurite.runtime.train;

import dev.neurite.runtime.Dropout;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.Model;
import dev.neurite.runtime.ModelArguments;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.data.Dataset;

/**
 * The contract the trainer, the optimizers and the model file use: the parameters as one flat
 * array laid out as {@link NetworkSpec} describes, and the passes training needs. Every network,
 * generated or interpreted, implements it beside {@link Model}; users who only predict never
 * need it.
 *
 * <p><b>Bad arguments</b>, as for {@link Model}: an {@link IllegalArgumentException} naming the
 * argument, before any work, leaving the model and the caller's arrays unchanged.
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
 */
public interface TrainableModel extends Model {
  /** Copies the parameters, in the flat layout of {@link NetworkSpec}, into {@code destination}. */
  void getParameters(double[] destination);

  /** Replaces the parameters with {@code source}, in the flat layout of {@link NetworkSpec}. */
  void setParameters(double[] source);

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
   * Returns a new model of the same network for another training thread
   * ({@link Trainer.Builder#threads}): an instance of the same class with the same spec, its own
   * parameters and buffers, sharing nothing mutable with this one. Its parameters are the ones a
   * new instance starts with, not this one's (the trainer gives every replica the same ones).
   * Generated classes return {@code new XxxNet()}, the interpreter a new interpreter of its spec.
   *
   * @throws UnsupportedOperationException if this model cannot make one (the default)
   */
  default TrainableModel newReplica() {
    throw new UnsupportedOperationException(getClass().getName() + " does not implement "
        + "TrainableModel.newReplica()");
  }

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
