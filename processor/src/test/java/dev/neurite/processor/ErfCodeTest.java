package dev.neurite.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.neurite.runtime.Erf;
import dev.neurite.runtime.FloatModel;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** The erfc generated for the exact GELU computes the runtime's {@link Erf#erfc}, bit for bit. */
class ErfCodeTest {
  private static final String SOURCE = """
      package test;

      import dev.neurite.dsl.*;
      import dev.neurite.runtime.*;

      @Network(loss = Loss.MEAN_SQUARED_ERROR, precision = Precision.FLOAT)
      @Input(1)
      @Dense(units = 1, activation = Activation.GELU)
      class Gelu {}
      """;

  @Test
  void generatedErfcIsTheRuntimesBitForBit() throws ReflectiveOperationException {
    FloatModel net = Compiled.instance("test.Gelu", SOURCE, "test.GeluNet", FloatModel.class);
    Method erfc = net.getClass().getDeclaredMethod("erfc", double.class);
    erfc.setAccessible(true);
    for (int k = -300_000; k <= 300_000; k++) {
      double x = k * 1e-4; // [-30, 30]: every interval, both tails
      assertEquals(Erf.erfc(x), (double) erfc.invoke(null, x), 0, "erfc(" + x + ")");
    }
    for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 26.543, -26.543, 0.46875, 4, -4, 1e-300}) {
      assertEquals(Erf.erfc(x), (double) erfc.invoke(null, x), 0, "erfc(" + x + ")");
    }
  }
}
