package dev.neurite.bench.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The error bounds {@link FastTanh} claims, over a sweep of float bit patterns in [-20, 20]. */
class FastTanhTest {
  /** Every 1021st float from 0 to 20 (about a million), and their negatives. */
  private static final int STRIDE = 1021;

  private static int ulps(float a, float b) {
    return Math.abs(Float.floatToIntBits(a) - Float.floatToIntBits(b));
  }

  @Test
  void expTanhIsWithinOneUlpOfMathTanhEverywhere() {
    int worst = 0;
    for (int bits = 0; bits <= Float.floatToIntBits(20f); bits += STRIDE) {
      float x = Float.intBitsToFloat(bits);
      worst = Math.max(worst, ulps(FastTanh.tanh(x), (float) Math.tanh(x)));
      worst = Math.max(worst, ulps(FastTanh.tanh(-x), (float) Math.tanh(-x)));
    }
    assertTrue(worst <= 1, "worst error " + worst + " ulps");
  }

  @Test
  void branchFreeTanhIsWithinOneUlpAboveTwoToTheMinus20AndCloseBelow() {
    int worst = 0;
    double worstAbsolute = 0;
    for (int bits = 0; bits <= Float.floatToIntBits(20f); bits += STRIDE) {
      for (float x : new float[] {Float.intBitsToFloat(bits), -Float.intBitsToFloat(bits)}) {
        float y = FastTanh.tanhBranchFree(x);
        worstAbsolute = Math.max(worstAbsolute, Math.abs(y - Math.tanh(x)));
        if (Math.abs(x) >= 0x1p-20f) {
          worst = Math.max(worst, ulps(y, (float) Math.tanh(x)));
        }
      }
    }
    assertTrue(worst <= 1, "worst error " + worst + " ulps");
    assertTrue(worstAbsolute <= 3e-8, "worst absolute error " + worstAbsolute);
  }

  @Test
  void smallPolynomialTanhIsWithinOneUlpOfMathTanhEverywhere() {
    int worst = 0;
    for (int bits = 0; bits <= Float.floatToIntBits(20f); bits += STRIDE) {
      float x = Float.intBitsToFloat(bits);
      worst = Math.max(worst, ulps(FastTanh.tanhSmallPolynomial(x), (float) Math.tanh(x)));
      worst = Math.max(worst, ulps(FastTanh.tanhSmallPolynomial(-x), (float) Math.tanh(-x)));
    }
    assertTrue(worst <= 1, "worst error " + worst + " ulps");
  }

  @Test
  void limitsAndSpecialValues() {
    assertEquals(1f, FastTanh.tanh(1e30f));
    assertEquals(-1f, FastTanh.tanh(Float.NEGATIVE_INFINITY));
    assertEquals(1f, FastTanh.tanhBranchFree(Float.POSITIVE_INFINITY));
    assertEquals(-1f, FastTanh.tanhBranchFree(-1e30f));
    assertTrue(Float.isNaN(FastTanh.tanh(Float.NaN)));
    assertTrue(Float.isNaN(FastTanh.tanhBranchFree(Float.NaN)));
    assertTrue(Float.isNaN(FastTanh.tanhSmallPolynomial(Float.NaN)));
    assertEquals(-1f, FastTanh.tanhSmallPolynomial(Float.NEGATIVE_INFINITY));
    assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(FastTanh.tanh(-0f)));
  }
}
