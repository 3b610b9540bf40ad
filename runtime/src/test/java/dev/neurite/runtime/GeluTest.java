package dev.neurite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The two GELUs: {@link Activation#GELU} is the exact {@code x Phi(x)} (values computed offline
 * with Python's {@code x * 0.5 * math.erfc(-x / math.sqrt(2))}), {@link Activation#GELU_TANH}
 * its tanh approximation, at most 4.7e-4 away; both derivatives against finite differences.
 */
class GeluTest {
  /** x, x Phi(x). */
  private static final double[][] EXACT = {
      {-10.0, -7.619853024160593e-23},
      {-5.0, -1.4332578593959731e-06},
      {-3.0, -0.004049694094890287},
      {-1.5, -0.10021080190328713},
      {-0.5, -0.15426876936299344},
      {-1e-08, -4.999999960105772e-09},
      {0.0, 0.0},
      {1e-08, 5.000000039894228e-09},
      {0.5, 0.34573123063700656},
      {1.0, 0.8413447460685429},
      {2.0, 1.9544997361036416},
      {3.0, 2.99595030590511},
      {6.0, 5.999999994080474},
  };

  @Test
  void geluIsTheExactFormEvenInTheNegativeTail() {
    for (double[] v : EXACT) {
      double actual = Activation.GELU.apply(v[0], 0);
      double scale = Math.max(Math.abs(v[1]), Double.MIN_NORMAL);
      assertTrue(Math.abs(actual - v[1]) <= 1e-13 * scale,
          "gelu(" + v[0] + ") = " + actual + ", expected " + v[1]);
    }
  }

  @Test
  void theTanhFormIsWithinItsKnownDistance() {
    double worst = 0;
    for (int k = -200_000; k <= 200_000; k++) {
      double x = k * 5e-5;
      worst = Math.max(worst,
          Math.abs(Activation.GELU.apply(x, 0) - Activation.GELU_TANH.apply(x, 0)));
    }
    assertEquals(4.73e-4, worst, 5e-6); // near x = -2.7
  }

  @Test
  void derivativesMatchCentralDifferences() {
    for (Activation f : new Activation[] {Activation.GELU, Activation.GELU_TANH}) {
      for (int k = -800; k <= 800; k++) {
        double z = k * 1e-2 + 1e-3;
        double h = 1e-6;
        double numeric = (f.apply(z + h, 0) - f.apply(z - h, 0)) / (2 * h);
        double analytic = f.derivative(z, f.apply(z, 0), 0);
        assertEquals(numeric, analytic, 1e-8 * Math.max(1, Math.abs(numeric)), f + "' at " + z);
      }
    }
  }
}
