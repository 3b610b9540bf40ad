package dev.neurite.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.neurite.runtime.Activation;

/**
 * The generated-code form of each activation: its forward rule and its derivative side by side,
 * as expressions over a pre-activation {@code z} and an output {@code y}.
 *
 * <p>The common activations are written inline, their derivatives taken from the output where
 * the maths allows ({@code y(1 - y)}, {@code 1 - y^2}); the rest call the runtime's
 * {@link Activation} table, which is the definition every form is tested against. Softmax is
 * layer-wide and is emitted by the layer emitter.
 */
final class ActivationCode {
  private ActivationCode() {}

  /** Returns the expression of {@code f} applied to the variable {@code z}. */
  static CodeBlock forward(Activation f, String z, double alpha, NumericType t) {
    String c = t.cast();
    switch (f) {
      case IDENTITY:
        return CodeBlock.of("$L", z);
      case RELU:
        return CodeBlock.of("($L > 0 ? $L : 0)", z, z);
      case LEAKY_RELU:
        return CodeBlock.of("($L > 0 ? $L : $L * $L)", z, z, t.literal(alpha), z);
      case SIGMOID:
        return CodeBlock.of("$L(1 / (1 + Math.exp(-$L)))", c, z);
      case TANH:
        return CodeBlock.of("$LMath.tanh($L)", c, z);
      case SOFTMAX:
        throw new IllegalArgumentException("softmax is emitted layer-wide");
      default:
        return CodeBlock.of("$L$T.$L.apply($L, $L)", c, Activation.class, f.name(), z,
            Double.toString(alpha));
    }
  }

  /** Returns the expression of the derivative of {@code f} at {@code z}, whose output is y. */
  static CodeBlock derivative(Activation f, String z, String y, double alpha, NumericType t) {
    String c = t.cast();
    switch (f) {
      case IDENTITY:
        return CodeBlock.of("1");
      case RELU:
        return CodeBlock.of("($L > 0 ? 1 : 0)", z);
      case LEAKY_RELU:
        return CodeBlock.of("($L > 0 ? 1 : $L)", z, t.literal(alpha));
      case SIGMOID:
      case SOFTMAX:
        return CodeBlock.of("$L * (1 - $L)", y, y);
      case TANH:
        return CodeBlock.of("(1 - $L * $L)", y, y);
      default:
        return CodeBlock.of("$L$T.$L.derivative($L, $L, $L)", c, Activation.class, f.name(), z,
            y, Double.toString(alpha));
    }
  }
}
