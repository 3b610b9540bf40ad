package dev.neurite.runtime;

/** A model that computes in {@code float}, with an inference call that needs no conversion. */
public interface FloatModel extends Model {
  /**
   * Runs inference on one sample in single precision, without allocating; arguments are checked
   * as {@link Model} documents (lengths {@link #inputSize()} and {@link #outputSize()}).
   */
  void predict(float[] input, float[] output);

  /**
   * Runs inference on {@code count} samples at once in single precision, row-major as
   * {@link Model#predict(double[], double[], int)} documents; each sample's outputs are exactly
   * those of {@link #predict(float[], float[])}. The default predicts one sample after the other
   * through two buffers of one sample, allocated once per call; generated classes override it
   * with a tiled pass that allocates nothing.
   */
  default void predict(float[] inputs, float[] outputs, int count) {
    int in = inputSize();
    int out = outputSize();
    ModelArguments.requireSamples(inputs, outputs, count, in, out);
    if (count == 0) {
      return;
    }
    float[] input = new float[in];
    float[] output = new float[out];
    for (int k = 0; k < count; k++) {
      System.arraycopy(inputs, k * in, input, 0, in);
      predict(input, output);
      System.arraycopy(output, 0, outputs, k * out, out);
    }
  }
}
