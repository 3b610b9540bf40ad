package dev.neurite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Loss#HUBER}'s delta: its meaning, and the rule that it is finite, positive, Huber's. */
class HuberDeltaTest {
  private static final List<LayerSpec> LAYERS =
      Arrays.asList(LayerSpec.dense(3, Activation.TANH), LayerSpec.dense(2, Activation.IDENTITY));

  @Test
  void squaresWithinDeltaAndTurnsLinearBeyond() {
    double[] y = {0.3, 2.5};
    double[] t = {0, 0};
    // (0.3^2 / 2 + 0.5 (2.5 - 0.25)) / 2, as Keras's and PyTorch's Huber(delta = 0.5)
    assertEquals((0.045 + 1.125) / 2, Loss.HUBER.value(y, t, 2, 0.5), 1e-15);
    assertEquals((0.045 + 2.0) / 2, Loss.HUBER.value(y, t, 2), 1e-15); // delta 1: d - 1/2
    double[] g = new double[2];
    Loss.HUBER.gradient(y, t, g, 2, 0.5);
    assertEquals(0.15, g[0], 1e-15); // d / n within delta
    assertEquals(0.25, g[1], 1e-15); // delta / n beyond
  }

  @Test
  void theSpecCarriesItAndTheInterpreterTrainsWithIt() {
    NetworkSpec spec = NetworkSpec.of("Robust", 2, LAYERS, Loss.HUBER, 0.25, Precision.DOUBLE, 3);
    assertEquals(0.25, spec.huberDelta());
    assertEquals(0.25, spec.withSeed(4).withPrecision(Precision.FLOAT).huberDelta());
    assertNotEquals(spec, NetworkSpec.of("Robust", 2, LAYERS, Loss.HUBER, Precision.DOUBLE, 3));
    assertEquals(Loss.DEFAULT_HUBER_DELTA,
        NetworkSpec.of("Robust", 2, LAYERS, Loss.HUBER, Precision.DOUBLE, 3).huberDelta());
    double[] y = {1, -1};
    assertEquals(Loss.HUBER.value(y, new double[2], 2, 0.25), spec.lossValue(y, new double[2]));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
  void aDeltaMustBeFiniteAndPositive(double delta) {
    InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> NetworkSpec.of(
        "Robust", 2, LAYERS, Loss.HUBER, delta, Precision.DOUBLE, 3));
    assertEquals(SpecRule.HUBER_DELTA, e.problems().get(0).rule());
    assertEquals("huberDelta", e.problems().get(0).attribute());
  }

  @Test
  void onlyHuberTakesADelta() {
    InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> NetworkSpec.of(
        "Robust", 2, LAYERS, Loss.MEAN_SQUARED_ERROR, 2, Precision.DOUBLE, 3));
    assertTrue(e.getMessage().contains("[NeuriteHuberDelta]"), e.getMessage());
    assertTrue(e.getMessage().contains("but was 2.0 with loss MEAN_SQUARED_ERROR"),
        e.getMessage());
  }
}
