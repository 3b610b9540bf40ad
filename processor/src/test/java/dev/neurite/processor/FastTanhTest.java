package dev.neurite.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.train.TrainableModel;
import java.lang.reflect.Method;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The exp-based helpers of float networks against {@code Math.tanh} and {@code Math.expm1}:
 * {@code fastTanh} ({@code 1 - 2 / (e^{2u} + 1)}, a Taylor polynomial near 0) keeps a relative
 * error under {@link #TANH_BOUND} over the whole range before the float rounding, and
 * {@code fastExpm1} (ELU and SELU) under {@link #EXPM1_BOUND} for negative arguments; float
 * outputs are within one float ulp; both saturate and propagate NaN like the exact functions.
 * (Double networks call Math.tanh and Math.expm1.)
 */
class FastTanhTest {
  /** The stated bound on fastTanh's relative error. */
  static final double TANH_BOUND = 1e-13;
  /** The stated bound on fastExpm1's relative error, for arguments up to 0. */
  static final double EXPM1_BOUND = 1e-14;

  private static final String SOURCE = """
      package test;

      import dev.neurite.dsl.*;
      import dev.neurite.runtime.*;

      @Network(loss = Loss.MEAN_SQUARED_ERROR, precision = Precision.FLOAT)
      @Input(1)
      @Dense(units = 1, activation = Activation.{activation})
      class Net {}
      """;

  private static FloatModel network(String activation) {
    FloatModel net = Compiled.instance("test.Net", SOURCE.replace("{activation}", activation),
        "test.NetNet", FloatModel.class);
    // weight 1, bias 0: the output is f(input)
    ((TrainableModel) net).setParameters(new double[] {1, 0});
    return net;
  }

  private static DoubleUnaryOperator helper(String activation, String name)
      throws ReflectiveOperationException {
    Method method = network(activation).getClass().getDeclaredMethod(name, double.class);
    method.setAccessible(true);
    return u -> {
      try {
        return (double) method.invoke(null, u);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    };
  }

  /** The worst relative error of {@code f} against {@code exact} over +-[1e-300, 20]. */
  private static double worstRelativeError(
      DoubleUnaryOperator f, DoubleUnaryOperator exact, boolean negativeOnly) {
    double worst = 0;
    double worstAt = 0;
    for (int k = 0; k <= 200_000; k++) {
      double magnitude = k < 100_000 ? Math.pow(10, -300 + 300.0 * k / 100_000) // log grid
          : 20.0 * (k - 100_000) / 100_000; // and a linear one to saturation
      for (double u : negativeOnly ? new double[] {-magnitude} : new double[] {magnitude,
          -magnitude}) {
        double e = exact.applyAsDouble(u);
        double error = e == 0 ? Math.abs(f.applyAsDouble(u)) : Math.abs(
            (f.applyAsDouble(u) - e) / e);
        if (error > worst) {
          worst = error;
          worstAt = u;
        }
      }
    }
    System.out.printf("largest relative error %.3e at %s%n", worst, worstAt);
    return worst;
  }

  @Test
  void tanhRelativeErrorStaysUnderTheBoundOverTheWholeRange()
      throws ReflectiveOperationException {
    assertTrue(worstRelativeError(helper("TANH", "fastTanh"), Math::tanh, false) < TANH_BOUND);
  }

  @Test
  void expm1RelativeErrorStaysUnderTheBoundForNegativeArguments()
      throws ReflectiveOperationException {
    assertTrue(worstRelativeError(helper("ELU", "fastExpm1"), Math::expm1, true) < EXPM1_BOUND);
  }

  @Test
  void floatOutputsAreWithinOneUlp() {
    for (String activation : new String[] {"TANH", "ELU", "SELU"}) {
      FloatModel net = network(activation);
      float[] in = new float[1];
      float[] out = new float[1];
      for (int k = -400_000; k <= 400_000; k++) {
        in[0] = k * 5e-5f;
        assertWithinOneUlp(net, activation, in, out);
        in[0] = (float) Math.copySign(Math.pow(10, -40 + 45.0 * Math.abs(k) / 400_000), k);
        assertWithinOneUlp(net, activation, in, out);
      }
    }
  }

  private static void assertWithinOneUlp(
      FloatModel net, String activation, float[] in, float[] out) {
    net.predict(in, out);
    double exact = exact(activation, in[0]);
    assertTrue(Math.abs(out[0] - exact) <= Math.ulp((float) exact),
        activation + "(" + in[0] + ") = " + out[0] + ", exactly " + exact);
  }

  private static double exact(String activation, double z) {
    switch (activation) {
      case "TANH":
        return Math.tanh(z);
      case "ELU":
        return z > 0 ? z : Math.expm1(z);
      default:
        return 1.0507009873554805 * (z > 0 ? z : 1.6732632423543772 * Math.expm1(z));
    }
  }

  @Test
  void tinyInputsKeepTheirRelativeAccuracy() {
    float[] out = new float[1];
    network("TANH").predict(new float[] {1e-15f}, out);
    assertEquals(1e-15f, out[0], 0, "tanh(1e-15) was 8.88e-16 through the plain exp form");
    network("ELU").predict(new float[] {-1e-15f}, out);
    assertEquals(-1e-15f, out[0], 0, "elu(-1e-15) lost 8e-4 through exp(z) - 1");
  }

  @Test
  void saturatesAndPropagatesNaNLikeTheExactFunction() {
    FloatModel tanh = network("TANH");
    float[] out = new float[1];
    for (float u : new float[] {0, 400, -400, Float.MAX_VALUE, -Float.MAX_VALUE,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN}) {
      tanh.predict(new float[] {u}, out);
      assertEquals((float) Math.tanh(u), out[0], 0, "tanh(" + u + ")");
    }
  }
}
