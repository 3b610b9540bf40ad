package dev.neurite.processor.emit;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.neurite.runtime.Erf;
import javax.lang.model.element.Modifier;

/**
 * The generated {@code erfc} of the exact GELU: the runtime's {@link Erf#erfc}, written out with
 * its coefficients ({@link Erf#coefficients()}) and the same operations in the same order, so
 * that it computes the same doubles; in the class itself, since frozen classes must not depend on
 * the runtime.
 */
final class ErfCode {
  static final String NAME = "erfc";
  private static final int A = 0;
  private static final int B = 1;
  private static final int C = 2;
  private static final int D = 3;
  private static final int P = 4;
  private static final int Q = 5;

  private ErfCode() {}

  /** Returns {@code private static double erfc(double x)}. */
  static MethodSpec erfc() {
    double[][] k = Erf.coefficients();
    MethodSpec.Builder m = MethodSpec.methodBuilder(NAME)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("erfc(x) = 1 - erf(x), W. J. Cody's rational approximations, as the runtime's"
            + " Erf.\n")
        .returns(TypeName.DOUBLE)
        .addParameter(TypeName.DOUBLE, "x")
        .addStatement("double y = Math.abs(x)")
        .beginControlFlow("if (y <= 0.46875)")
        .addStatement("double q = y * y");
    rational(m, k[A], k[B], "q", 3);
    m.addStatement("return 1 - x * ((num + $L) / (den + $L))", lit(k[A][3]), lit(k[B][3]))
        .endControlFlow()
        .beginControlFlow("if (y >= 26.543)")
        .addStatement("return x < 0 ? 2 : 0")
        .endControlFlow()
        .addStatement("double r")
        .beginControlFlow("if (y <= 4)");
    rational(m, k[C], k[D], "y", 7);
    m.addStatement("r = (num + $L) / (den + $L)", lit(k[C][7]), lit(k[D][7]))
        .nextControlFlow("else")
        .addStatement("double q = 1 / (y * y)");
    rational(m, k[P], k[Q], "q", 4);
    return m.addStatement("r = q * (num + $L) / (den + $L)", lit(k[P][4]), lit(k[Q][4]))
        .addStatement("r = (0.56418958354775628695 - r) / y")
        .endControlFlow()
        .addStatement("double h = Math.floor(y * 16) / 16")
        .addStatement("double del = (y - h) * (y + h)")
        .addStatement("r = Math.exp(-h * h) * Math.exp(-del) * r")
        .addStatement("return x < 0 ? 2 - r : r")
        .build();
  }

  /** The numerator and denominator loops of {@code Erf}, unrolled: {@code num}, {@code den}. */
  private static void rational(MethodSpec.Builder m, double[] num, double[] den, String v,
      int steps) {
    m.addStatement("double num = $L * $L", lit(num[num.length - 1]), v)
        .addStatement("double den = $L", v);
    for (int i = 0; i < steps; i++) {
      m.addStatement("num = (num + $L) * $L", lit(num[i]), v)
          .addStatement("den = (den + $L) * $L", lit(den[i]), v);
    }
  }

  private static String lit(double value) {
    return Double.toString(value);
  }
}
