package dev.neurite.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.neurite.runtime.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * The generated-code form of each activation: a pair of small static methods per activation the
 * network uses, its forward rule and its derivative side by side, called from the layer code
 * (HotSpot inlines them when hot). The runtime's {@link Activation} table is the definition;
 * tests compare every constant with it.
 *
 * <p>In float precision, transcendentals go through {@code Math.exp} and {@code Math.log}, which
 * HotSpot intrinsifies: {@code Math.tanh}, {@code Math.expm1} and {@code Math.log1p} are not
 * intrinsics on JDK 17 and dominate tiny networks (the bench measured {@code Math.tanh} 4x
 * slower than the exp form). Near 0 the exp forms lose relative accuracy ({@code e^x - 1} and
 * {@code 1 - 2 / (e^{2u} + 1)} cancel), so below {@link #SMALL} in magnitude they switch to
 * short Taylor polynomials: {@code fastTanh} keeps a relative error under 1e-13 and
 * {@code fastExpm1} under 1e-14 over the whole range, before the float rounding (bounds checked
 * by {@code FastTanhTest}). In double precision the generated code calls the same functions as
 * the runtime's table. Softmax is layer-wide and written by the model emitter.
 */
final class ActivationCode {
  /** sqrt(2 / pi), the constant of GELU's tanh approximation (the runtime's GELU_C). */
  private static final String GELU_C = "0.7978845608028654";
  /** 1 / sqrt(2) and 1 / sqrt(2 pi), of the exact GELU (the runtime's SQRT1_2, INV_SQRT_2PI). */
  private static final String SQRT1_2 = "0.7071067811865476";
  private static final String INV_SQRT_2PI = "0.3989422804014327";
  private static final String SELU_ALPHA = "1.6732632423543772";
  private static final String SELU_SCALE = "1.0507009873554805";
  private static final String FAST_TANH = "fastTanh";
  private static final String FAST_EXPM1 = "fastExpm1";
  /** Below this magnitude the float helpers use their Taylor polynomials. */
  static final double SMALL = 0.01;

  private ActivationCode() {}

  /** Returns the expression applying {@code f} to the expression {@code z}. */
  static CodeBlock forward(Activation f, double alpha, Object z) {
    if (f == Activation.IDENTITY) {
      return CodeBlock.of("$L", z);
    }
    if (f == Activation.SOFTMAX) {
      throw new IllegalArgumentException("softmax is emitted layer-wide");
    }
    return f.hasParameter()
        ? CodeBlock.of("$L($L, $L)", name(f), z, Double.toString(alpha))
        : CodeBlock.of("$L($L)", name(f), z);
  }

  /**
   * Returns the expression of the derivative of {@code f} at {@code z}, whose output is
   * {@code y}, or {@code null} when it is the constant 1 (so callers skip the product).
   */
  static CodeBlock derivative(Activation f, double alpha, Object z, Object y) {
    if (f == Activation.IDENTITY) {
      return null;
    }
    if (f == Activation.SOFTMAX) {
      throw new IllegalArgumentException("softmax's derivative is emitted layer-wide");
    }
    String name = name(f) + "Derivative";
    return f.hasParameter()
        ? CodeBlock.of("$L($L, $L, $L)", name, z, y, Double.toString(alpha))
        : CodeBlock.of("$L($L, $L)", name, z, y);
  }

  /** Returns the helper methods of the activations in {@code used}, in enum order. */
  static List<MethodSpec> helpers(Iterable<Activation> used, NumericType t) {
    return helpers(used, t, true);
  }

  /** Returns the forward rules alone of the activations in {@code used}: inference only. */
  static List<MethodSpec> forwardHelpers(Iterable<Activation> used, NumericType t) {
    return helpers(used, t, false);
  }

  private static List<MethodSpec> helpers(Iterable<Activation> used, NumericType t,
      boolean derivatives) {
    List<MethodSpec> methods = new ArrayList<>();
    boolean fastTanh = false;
    boolean fastExpm1 = false;
    for (Activation f : used) {
      if (f == Activation.IDENTITY || f == Activation.SOFTMAX) {
        continue;
      }
      methods.add(forwardMethod(f, t));
      if (derivatives) {
        methods.add(derivativeMethod(f, t));
      }
      fastTanh |= t == NumericType.FLOAT && (f == Activation.TANH || f == Activation.GELU_TANH);
      fastExpm1 |= t == NumericType.FLOAT && (f == Activation.ELU || f == Activation.SELU);
    }
    if (fastTanh) {
      methods.add(fastTanh());
    }
    if (fastExpm1) {
      methods.add(fastExpm1());
    }
    for (Activation f : used) {
      if (f == Activation.GELU) {
        methods.add(ErfCode.erfc());
      }
    }
    return methods;
  }

  private static String name(Activation f) {
    StringBuilder s = new StringBuilder();
    for (String word : f.name().toLowerCase(Locale.ROOT).split("_")) {
      s.append(s.length() == 0 ? word
          : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return s.toString();
  }

  private static MethodSpec forwardMethod(Activation f, NumericType t) {
    MethodSpec.Builder m = helper(name(f), f, t).addParameter(t.type(), "z");
    if (f.hasParameter()) {
      m.addParameter(TypeName.DOUBLE, "alpha");
    }
    String c = t.cast();
    switch (f) {
      case SIGMOID:
        return m.addStatement("return $L(1 / (1 + Math.exp(-z)))", c).build();
      case TANH:
        return m.addStatement("return $L$L(z)", c, tanh(t)).build();
      case RELU:
        return m.addStatement("return z > 0 ? z : 0").build();
      case LEAKY_RELU:
        return m.addStatement("return z > 0 ? z : $L(alpha * z)", c).build();
      case ELU:
        return m.addStatement("return z > 0 ? z : $L(alpha * $L)", c, expm1(t, "z")).build();
      case SELU:
        return m.addStatement("return $L($L * (z > 0 ? z : $L * $L))", c,
            SELU_SCALE, SELU_ALPHA, expm1(t, "z")).build();
      case SOFTPLUS:
        return m.addStatement("return $L(Math.max(z, 0) + $L)", c,
            log1p(t, "Math.exp(-Math.abs(z))")).build();
      case SOFTSIGN:
        return m.addStatement("return z / (1 + Math.abs(z))").build();
      case SILU:
        return m.addStatement("return $L(z / (1 + Math.exp(-z)))", c).build();
      case GELU:
        return m.addStatement("return $L(z * $L)", c, normalCdf()).build();
      case GELU_TANH:
        return m.addStatement("return $L(0.5 * z * (1 + $L($L * (z + 0.044715 * z * z * z))))",
            c, tanh(t), GELU_C).build();
      case HARD_SIGMOID:
        return m.addStatement("return $L(Math.max(0, Math.min(1, z / 6.0 + 0.5)))", c).build();
      case BINARY_STEP:
        return m.addStatement("return z > 0 ? 1 : 0").build();
      default:
        throw new IllegalArgumentException("no helper for " + f);
    }
  }

  private static MethodSpec derivativeMethod(Activation f, NumericType t) {
    MethodSpec.Builder m = helper(name(f) + "Derivative", f, t)
        .addParameter(t.type(), "z")
        .addParameter(t.type(), "y");
    if (f.hasParameter()) {
      m.addParameter(TypeName.DOUBLE, "alpha");
    }
    String c = t.cast();
    switch (f) {
      case SIGMOID:
        return m.addStatement("return y * (1 - y)").build();
      case TANH:
        return m.addStatement("return 1 - y * y").build();
      case RELU:
        return m.addStatement("return z > 0 ? 1 : 0").build();
      case LEAKY_RELU:
        return m.addStatement("return z > 0 ? 1 : $Lalpha", c).build();
      case ELU:
        return m.addStatement("return z > 0 ? 1 : $L(y + alpha)", c).build();
      case SELU:
        return m.addStatement("return $L(z > 0 ? $L : y + $L * $L)", c, SELU_SCALE, SELU_SCALE,
            SELU_ALPHA).build();
      case SOFTPLUS:
        return m.addStatement("return $L(1 / (1 + Math.exp(-z)))", c).build();
      case SOFTSIGN:
        return m.addStatement("$T d = 1 + Math.abs(z)", t.type())
            .addStatement("return 1 / (d * d)").build();
      case SILU:
        return m.addStatement("double s = 1 / (1 + Math.exp(-z))")
            .addStatement("return $L(s * (1 + z * (1 - s)))", c).build();
      case GELU:
        return m.addStatement("return $L($L + z * Math.exp(-0.5 * z * z) * $L)", c,
            normalCdf(), INV_SQRT_2PI).build();
      case GELU_TANH:
        return m.addStatement("double t = $L($L * (z + 0.044715 * z * z * z))", tanh(t), GELU_C)
            .addStatement("double inner = $L * (1 + 3 * 0.044715 * z * z)", GELU_C)
            .addStatement("return $L(0.5 * (1 + t) + 0.5 * z * (1 - t * t) * inner)", c).build();
      case HARD_SIGMOID:
        return m.addStatement("return z > -3 && z < 3 ? $L : 0", t.literal(1.0 / 6)).build();
      case BINARY_STEP:
        return m.addComment("Zero everywhere: a network with a binary step trains nothing below it.")
            .addStatement("return 0").build();
      default:
        throw new IllegalArgumentException("no helper for " + f);
    }
  }

  /** Returns the standard normal distribution function at {@code z}, through the class's erfc. */
  private static CodeBlock normalCdf() {
    return CodeBlock.of("0.5 * $L(-z * $L)", ErfCode.NAME, SQRT1_2);
  }

  /** Returns the tanh to call: the exp form in float, the runtime's own in double. */
  private static String tanh(NumericType t) {
    return t == NumericType.FLOAT ? FAST_TANH : "Math.tanh";
  }

  /** Returns {@code e^x - 1}: {@code fastExpm1} in float, {@code Math.expm1} in double. */
  private static CodeBlock expm1(NumericType t, String x) {
    return CodeBlock.of("$L($L)", t == NumericType.FLOAT ? FAST_EXPM1 : "Math.expm1", x);
  }

  /** Returns {@code ln(1 + x)}: {@code Math.log(1 + x)} in float, {@code Math.log1p} in double. */
  private static CodeBlock log1p(NumericType t, String x) {
    return t == NumericType.FLOAT ? CodeBlock.of("Math.log(1 + $L)", x)
        : CodeBlock.of("Math.log1p($L)", x);
  }

  private static MethodSpec.Builder helper(String name, Activation f, NumericType t) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(t.type());
  }

  /**
   * {@code tanh(u) = 1 - 2 / (e^{2u} + 1)}: one intrinsic exponential; saturates to +-1 without
   * overflow trouble ({@code e^{2u}} = infinity gives 1, 0 gives -1). Near 0, where the form
   * cancels, {@code u - u^3/3 + 2u^5/15}; NaN takes the exp form and stays NaN.
   */
  private static MethodSpec fastTanh() {
    return MethodSpec.methodBuilder(FAST_TANH)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("tanh through the intrinsic Math.exp; relative error below 1e-13.\n")
        .returns(TypeName.DOUBLE)
        .addParameter(TypeName.DOUBLE, "u")
        .addStatement("double u2 = u * u")
        .addStatement("double near0 = u * (1 - u2 * (1.0 / 3 - u2 * (2.0 / 15)))")
        .addStatement("double exp = 1 - 2 / (Math.exp(2 * u) + 1)")
        .addComment("Both computed, then selected: cheaper than a branch around the call.")
        .addStatement("return Math.abs(u) < $L ? near0 : exp", SMALL)
        .build();
  }

  /** {@code e^x - 1} through the intrinsic Math.exp, and its Taylor polynomial near 0. */
  private static MethodSpec fastExpm1() {
    return MethodSpec.methodBuilder(FAST_EXPM1)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("e^x - 1 through the intrinsic Math.exp; relative error below 1e-14.\n")
        .returns(TypeName.DOUBLE)
        .addParameter(TypeName.DOUBLE, "x")
        .addStatement("double near0 = x * (1 + x * (0.5 + x * (1.0 / 6 + x * (1.0 / 24"
            + " + x * (1.0 / 120 + x / 720)))))")
        .addStatement("double exp = Math.exp(x) - 1")
        .addStatement("return Math.abs(x) < $L ? near0 : exp", SMALL)
        .build();
  }
}
