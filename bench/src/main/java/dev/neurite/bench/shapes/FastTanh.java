package dev.neurite.bench.shapes;

/**
 * Candidate forms of tanh for generated float code, built on {@code Math.exp} (a HotSpot
 * intrinsic) instead of {@code Math.tanh} (not one on JDK 17). Their error bounds, against
 * {@code (float) Math.tanh}, are pinned by {@code FastTanhTest}.
 */
public final class FastTanh {
  /** Below this magnitude, tanh(x) = x - x^3/3 rounds to x or its float neighbour. */
  static final double SMALL = 0x1p-12;

  private FastTanh() {}

  /**
   * {@code (1 - e) / (1 + e)} with {@code e = exp(-2|x|)}, sign restored; x itself when tiny.
   * At most 1 ulp from {@code (float) Math.tanh(x)} for every float; never overflows.
   */
  public static float tanh(float x) {
    double ax = Math.abs(x);
    if (ax < SMALL) {
      return x;
    }
    double e = Math.exp(-2 * ax);
    return (float) Math.copySign((1 - e) / (1 + e), x);
  }

  /**
   * {@code 1 - 2 / (exp(2x) + 1)}: no branch (generated code before its small-argument fix). At most 1 ulp from {@code (float) Math.tanh(x)}
   * for |x| >= 2^-20, and within 3e-8 absolute everywhere (it rounds tiny values to 0).
   */
  public static float tanhBranchFree(float x) {
    return (float) (1 - 2 / (Math.exp(2.0 * x) + 1));
  }

  /**
   * What generated float code does: {@link #tanhBranchFree}'s form, and below |x| = 0.01, where
   * it cancels, {@code x - x^3/3 + 2x^5/15} (both computed, then selected). Within one ulp of
   * {@code (float) Math.tanh(x)} for every float.
   */
  public static float tanhSmallPolynomial(float x) {
    double u = x;
    double u2 = u * u;
    double near0 = u * (1 - u2 * (1.0 / 3 - u2 * (2.0 / 15)));
    double exp = 1 - 2 / (Math.exp(2 * u) + 1);
    return (float) (Math.abs(u) < 0.01 ? near0 : exp);
  }
}
