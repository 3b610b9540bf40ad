package dev.neurite.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.train.TrainableModel;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * The tanh of float networks, {@code 1 - 2 / (e^{2u} + 1)} through the intrinsic
 * {@code Math.exp}, against {@code Math.tanh} over a dense grid: its absolute error stays below
 * {@link #BOUND} before the float rounding, within one float ulp or the bound after it, and it
 * saturates and propagates NaN like the exact function. (Double networks call Math.tanh.)
 */
class FastTanhTest {
  /** The stated bound on the absolute error, a few units in the last place of 1. */
  static final double BOUND = 1e-15;

  private static final String SOURCE = """
      package test;

      import dev.neurite.dsl.*;
      import dev.neurite.runtime.*;

      @Network(loss = Loss.MEAN_SQUARED_ERROR, precision = Precision.FLOAT)
      @Input(1)
      @Dense(units = 1, activation = Activation.TANH)
      class Tanh {}
      """;

  private static FloatModel network() {
    FloatModel tanh = Compiled.instance("test.Tanh", SOURCE, "test.TanhNet", FloatModel.class);
    // weight 1, bias 0: the output is tanh(input)
    ((TrainableModel) tanh).setParameters(new double[] {1, 0});
    return tanh;
  }

  @Test
  void absoluteErrorStaysUnderTheBoundOnADenseGrid() throws ReflectiveOperationException {
    Method fastTanh = network().getClass().getDeclaredMethod("fastTanh", double.class);
    fastTanh.setAccessible(true);
    double worst = 0;
    double worstAt = 0;
    for (int k = -1_000_000; k <= 1_000_000; k++) {
      double u = k * 2e-5; // [-20, 20], past saturation on both sides
      double error = Math.abs((double) fastTanh.invoke(null, u) - Math.tanh(u));
      if (error > worst) {
        worst = error;
        worstAt = u;
      }
    }
    System.out.printf("fast tanh: largest absolute error %.3e at %s%n", worst, worstAt);
    assertTrue(worst < BOUND, "error " + worst + " at " + worstAt);
  }

  @Test
  void floatOutputsAreWithinOneUlpOrTheBound() {
    FloatModel tanh = network();
    float[] in = new float[1];
    float[] out = new float[1];
    for (int k = -400_000; k <= 400_000; k++) {
      in[0] = k * 5e-5f;
      tanh.predict(in, out);
      double exact = Math.tanh(in[0]);
      double error = Math.abs(out[0] - exact);
      assertTrue(error <= Math.max(Math.ulp((float) exact), BOUND),
          "tanh(" + in[0] + ") = " + out[0] + ", error " + error);
    }
  }

  @Test
  void saturatesAndPropagatesNaNLikeTheExactFunction() {
    FloatModel tanh = network();
    float[] out = new float[1];
    for (float u : new float[] {0, 400, -400, Float.MAX_VALUE, -Float.MAX_VALUE,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN}) {
      tanh.predict(new float[] {u}, out);
      assertEquals((float) Math.tanh(u), out[0], 0, "tanh(" + u + ")");
    }
  }
}
