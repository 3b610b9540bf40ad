package dev.neurite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link Erf} against reference values computed offline with Python's {@code math.erf} and
 * {@code math.erfc} (correctly rounded or within an ulp), across Cody's three intervals and
 * their boundaries, both signs, the tails and the specials.
 */
class ErfTest {
  /** The documented bounds on the relative error. */
  static final double ERF_BOUND = 1e-15;
  static final double ERFC_BOUND = 2e-15;

  /** x, erf(x), erfc(x). */
  private static final double[][] VALUES = {
      {0.0, 0.0, 1.0},
      {1e-300, 1.1283791670955126e-300, 1.0},
      {1e-10, 1.1283791670955126e-10, 0.999999999887162},
      {-1e-05, -1.1283791670579e-05, 1.0000112837916706},
      {0.1, 0.1124629160182849, 0.8875370839817152},
      {-0.3, -0.3286267594591274, 1.3286267594591274},
      {0.46875, 0.49261347321793797, 0.507386526782062},
      {0.5, 0.5204998778130465, 0.4795001221869535},
      {-0.75, -0.7111556336535151, 1.7111556336535152},
      {1.0, 0.8427007929497149, 0.15729920705028513},
      {1.5, 0.9661051464753108, 0.033894853524689274},
      {-2.0, -0.9953222650189527, 1.9953222650189528},
      {2.5, 0.999593047982555, 0.0004069520174449589},
      {3.0, 0.9999779095030014, 2.2090496998585438e-05},
      {-3.5, -0.9999992569016276, 1.9999992569016276},
      {4.0, 0.9999999845827421, 1.541725790028002e-08},
      {4.5, 0.9999999998033839, 1.9661604415428873e-10},
      {-5.0, -0.9999999999984626, 1.9999999999984626},
      {6.0, 1.0, 2.1519736712498916e-17},
      {-8.0, -1.0, 2.0},
      {10.0, 1.0, 2.088487583762545e-45},
      {15.0, 1.0, 7.212994172451206e-100},
      {-20.0, -1.0, 2.0},
      {26.0, 1.0, 5.663192408856143e-296},
  };

  @Test
  void matchesTheReferenceValuesToAFewUlps() {
    for (double[] v : VALUES) {
      assertRelative(v[1], Erf.erf(v[0]), ERF_BOUND, "erf(" + v[0] + ")");
      assertRelative(v[2], Erf.erfc(v[0]), ERFC_BOUND, "erfc(" + v[0] + ")");
    }
  }

  @Test
  void isOddAndItsComplementAddsUpToOne() {
    for (int k = -6000; k <= 6000; k++) {
      double x = k * 1e-3;
      assertEquals(-Erf.erf(x), Erf.erf(-x), 0, "erf(-" + x + ")");
      assertEquals(1, Erf.erf(x) + Erf.erfc(x), 4e-16, "erf + erfc at " + x);
    }
  }

  @Test
  void limitsAndSpecials() {
    assertEquals(1, Erf.erf(Double.POSITIVE_INFINITY));
    assertEquals(-1, Erf.erf(Double.NEGATIVE_INFINITY));
    assertEquals(0, Erf.erfc(Double.POSITIVE_INFINITY));
    assertEquals(2, Erf.erfc(Double.NEGATIVE_INFINITY));
    assertEquals(0, Erf.erfc(30));
    assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
    assertTrue(Double.isNaN(Erf.erfc(Double.NaN)));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Erf.erf(-0.0)));
  }

  private static void assertRelative(double expected, double actual, double bound, String what) {
    double error = expected == 0 ? Math.abs(actual) : Math.abs((actual - expected) / expected);
    assertTrue(error <= bound, what + " = " + actual + ", expected " + expected);
  }
}
