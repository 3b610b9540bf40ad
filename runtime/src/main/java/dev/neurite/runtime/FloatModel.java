package dev.neurite.runtime;

/** A model that computes in {@code float}, with an inference call that needs no conversion. */
public interface FloatModel extends Model {
  /**
   * Runs inference on one sample in single precision, without allocating; arguments are checked
   * as {@link Model} documents (lengths {@link #inputSize()} and {@link #outputSize()}).
   */
  void predict(float[] input, float[] output);
}
