package dev.neurite.spark;

/**
 * Inference in single precision, without allocating: what a frozen class offers
 * ({@code new DigitsModel()::predict}), which implements nothing from Neurite.
 */
@FunctionalInterface
public interface FloatPredictor {
  /** Writes the outputs of one sample's {@code input} into {@code output}. */
  void predict(float[] input, float[] output);
}
