package dev.neurite.runtime;

/**
 * What users of a network call: its description, its sizes and inference. Every network
 * implements it, generated or interpreted; the passes training needs sit behind the trainer's
 * contract, {@link dev.neurite.runtime.train.TrainableModel}, which every network implements too.
 *
 * <p>A model keeps scratch buffers for its passes, so an instance is not thread-safe: shared by
 * threads, it returns wrong outputs without any exception. Give each thread its own instance
 * (for example {@code ThreadLocal.withInitial(DigitsNet::new)}, or a pool). No method allocates.
 *
 * <p><b>Bad arguments.</b> Every method checks its arguments before it does any work and refuses
 * bad ones with an {@link IllegalArgumentException} whose message names the argument: an array
 * that is null or whose length is not the one its method documents ({@link #inputSize()} for
 * {@code input}, {@link #outputSize()} for {@code output}). A refused call leaves the model and
 * the caller's arrays unchanged. {@link dev.neurite.runtime.train.TrainableModel} extends this
 * contract to the training passes; {@link ModelArguments} holds the checks for implementations.
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

  /** Runs inference on one sample: forward propagation alone, dropout disabled. */
  void predict(double[] input, double[] output);

  /**
   * Runs inference on {@code count} samples at once: sample {@code k}'s inputs are
   * {@code inputs[k * inputSize()]} to {@code inputs[(k + 1) * inputSize() - 1]} (row-major, one
   * sample after the other), and its outputs go to {@code outputs[k * outputSize()]} onwards.
   * Each sample's outputs are exactly those of {@link #predict(double[], double[])}. Arrays may
   * be longer than {@code count} samples; what lies beyond is left untouched. A negative count,
   * a null array, or one too short is refused as {@link ModelArguments#requireSamples} says,
   * before any output is written.
   *
   * <p>This default predicts one sample after the other through two buffers of one sample,
   * allocated once per call; generated classes override it to share each load of the weights
   * between several samples, and allocate nothing.
   */
  default void predict(double[] inputs, double[] outputs, int count) {
    int in = inputSize();
    int out = outputSize();
    ModelArguments.requireSamples(inputs, outputs, count, in, out);
    if (count == 0) {
      return;
    }
    double[] input = new double[in];
    double[] output = new double[out];
    for (int k = 0; k < count; k++) {
      System.arraycopy(inputs, k * in, input, 0, in);
      predict(input, output);
      System.arraycopy(output, 0, outputs, k * out, out);
    }
  }
}
