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
}
