package dev.neurite.bench.workloads;

import dev.neurite.runtime.NetworkSpec;
import java.util.SplittableRandom;

/**
 * The weights every peer starts from, drawn by the bench itself (not by the generated class's
 * initializer, which the processor may change): the ONNX files under
 * {@code dev/neurite/bench/onnx} carry exactly these, so they stay valid as long as this class
 * does. Each value is a float widened to double, so double peers (Encog, the interpreter) and
 * float peers (Neurite, ONNX Runtime, PyTorch) start from the same numbers.
 */
public final class Weights {
  /** The seed of the weights in the committed ONNX files. */
  public static final long SEED = 2026;

  private Weights() {}

  /**
   * Returns {@code spec}'s parameters in Neurite's flat layout (per layer, weight {@code (o, i)}
   * at {@code weightOffset + o * in + i}, then the biases: PyTorch's {@code weight[out][in]}):
   * weights uniform in Glorot's range, biases uniform in [-0.1, 0.1].
   */
  public static double[] of(NetworkSpec spec) {
    SplittableRandom random = new SplittableRandom(SEED);
    double[] parameters = new double[spec.parameterCount()];
    for (int l = 0; l < spec.layerCount(); l++) {
      int in = spec.inputSizeOf(l);
      int out = spec.outputSizeOf(l);
      double limit = Math.sqrt(6.0 / (in + out));
      for (int k = 0; k < in * out; k++) {
        parameters[spec.weightOffset(l) + k] = (float) random.nextDouble(-limit, limit);
      }
      for (int o = 0; o < out; o++) {
        parameters[spec.biasOffset(l) + o] = (float) random.nextDouble(-0.1, 0.1);
      }
    }
    return parameters;
  }
}
