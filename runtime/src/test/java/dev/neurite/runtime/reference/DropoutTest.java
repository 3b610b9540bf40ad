package dev.neurite.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Dropout;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Dropout in the interpreter: identity at inference, a seeded inverted mask in training. */
class DropoutTest {
  private static final NetworkSpec NET = NetworkSpec.of("Drop", 3, Arrays.asList(
      LayerSpec.dropout(0.25), LayerSpec.dense(40, Activation.TANH), LayerSpec.dropout(0.5),
      LayerSpec.dense(2, Activation.IDENTITY)), Loss.MEAN_SQUARED_ERROR, Precision.DOUBLE, 5);
  private static final double[] INPUT = {0.3, -0.7, 0.9};

  @Test
  void predictNeverDropsEvenInTraining() {
    ReferenceNetwork net = new ReferenceNetwork(NET);
    double[] before = new double[2];
    double[] after = new double[2];
    net.predict(INPUT, before);
    net.setTraining(true);
    net.predict(INPUT, after);
    assertArrayEquals(before, after, 0);
  }

  @Test
  void trainingDropsAndTheSameSeedDrawsTheSameMask() {
    ReferenceNetwork net = new ReferenceNetwork(NET);
    double[] inference = new double[2];
    net.forward(INPUT, inference);
    net.setTraining(true);
    double[] first = new double[2];
    double[] again = new double[2];
    net.setDropoutSeed(9);
    net.forward(INPUT, first);
    net.setDropoutSeed(9);
    net.forward(INPUT, again);
    assertArrayEquals(first, again, 0);
    assertTrue(first[0] != inference[0], "a training pass must drop values");
  }

  @Test
  void trainingGradientsMatchFiniteDifferencesUnderAFixedMask() {
    ReferenceNetwork net = new ReferenceNetwork(NET);
    net.setTraining(true);
    double[] p = GradientCheckTest.randomParameters(NET, new SplittableRandom(2));
    double[] target = {0.5, -0.25};
    net.setParameters(p);
    double[] analytic = new double[p.length];
    net.setDropoutSeed(1);
    net.forwardBackward(INPUT, target, analytic);
    double h = 1e-6;
    for (int i = 0; i < p.length; i++) {
      double[] shifted = p.clone();
      shifted[i] = p[i] + h;
      double plus = lossAt(net, shifted, target);
      shifted[i] = p[i] - h;
      double minus = lossAt(net, shifted, target);
      double numeric = (plus - minus) / (2 * h);
      double scale = Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic[i]));
      assertTrue(Math.abs(numeric - analytic[i]) / scale < 1e-6, "parameter " + i);
    }
  }

  private static double lossAt(ReferenceNetwork net, double[] parameters, double[] target) {
    net.setParameters(parameters);
    net.setDropoutSeed(1);
    return net.forwardBackward(INPUT, target, new double[parameters.length]);
  }

  @Test
  void factorKeepsTheExpectation() {
    SplittableRandom random = new SplittableRandom(3);
    double sum = 0;
    int n = 100_000;
    for (int k = 0; k < n; k++) {
      double f = Dropout.factor(random, 0.3);
      assertTrue(f == 0 || f == 1 / 0.7);
      sum += f;
    }
    assertEquals(1, sum / n, 0.01);
    assertEquals(1, Dropout.factor(random, 0), 0);
  }

  @Test
  void factorRejectsARateOutsideTheUnitInterval() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dropout.factor(new SplittableRandom(1), 1));
    assertEquals("dropout rate must be in [0, 1), but was 1.0", e.getMessage());
  }
}
