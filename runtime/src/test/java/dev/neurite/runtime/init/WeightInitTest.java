package dev.neurite.runtime.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Seeded weight initialization: reproducible bits and the spread each scheme promises. */
class WeightInitTest {
  private static final int FAN_IN = 300;
  private static final int FAN_OUT = 400;
  private static final NetworkSpec WIDE = NetworkSpec.of("Wide", FAN_IN,
      Arrays.asList(LayerSpec.dense(FAN_OUT, Activation.IDENTITY)), Loss.MEAN_SQUARED_ERROR,
      Precision.DOUBLE, 1);

  private static double[] draw(WeightInit scheme, long seed) {
    double[] p = new double[WIDE.parameterCount()];
    scheme.fill(WIDE, 0, p, new SplittableRandom(seed));
    return Arrays.copyOf(p, FAN_IN * FAN_OUT);
  }

  /** The variance each scheme documents for a layer of this fan-in and fan-out. */
  private static double expectedVariance(WeightInit scheme) {
    switch (scheme) {
      case GLOROT_UNIFORM:
      case GLOROT_NORMAL:
        return 2.0 / (FAN_IN + FAN_OUT);
      case HE_UNIFORM:
      case HE_NORMAL:
        return 2.0 / FAN_IN;
      default:
        return 1.0 / FAN_IN;
    }
  }

  @ParameterizedTest
  @EnumSource(WeightInit.class)
  void sameSeedGivesTheSameBitsAndAnotherSeedOthers(WeightInit scheme) {
    assertTrue(Arrays.equals(draw(scheme, 7), draw(scheme, 7)));
    assertFalse(Arrays.equals(draw(scheme, 7), draw(scheme, 8)));
  }

  /**
   * With n = 120,000 draws the standard error of the mean is sigma / sqrt(n) (0.29% of sigma),
   * and that of the sample variance is at most sigma^2 sqrt(2 / n) (0.41%, for a normal; less for
   * a uniform): the tolerances are five standard errors, so a correct scheme fails about once in
   * a million seeds while a wrong constant (a factor 2 or 3) fails always.
   */
  @ParameterizedTest
  @EnumSource(WeightInit.class)
  void meanIsZeroAndVarianceIsTheSchemes(WeightInit scheme) {
    double[] w = draw(scheme, 2024);
    double n = w.length;
    double mean = 0;
    for (double x : w) {
      mean += x;
    }
    mean /= n;
    double variance = 0;
    for (double x : w) {
      variance += (x - mean) * (x - mean);
    }
    variance /= n - 1;
    double expected = expectedVariance(scheme);
    assertEquals(0, mean, 5 * Math.sqrt(expected / n), "mean");
    assertEquals(expected, variance, 5 * expected * Math.sqrt(2 / n), "variance");
  }

  @Test
  void initializeDrawsEachLayerWithItsDefaultAndZeroesBiases() {
    NetworkSpec spec = NetworkSpec.of("Two", 3, Arrays.asList(
        LayerSpec.dense(5, Activation.RELU), LayerSpec.dense(2, Activation.SIGMOID)),
        Loss.MEAN_SQUARED_ERROR, Precision.DOUBLE, 9);
    double[] p = WeightInit.initialize(spec, 9);
    SplittableRandom random = new SplittableRandom(9);
    double[] expected = new double[p.length];
    WeightInit.HE_UNIFORM.fill(spec, 0, expected, random);
    WeightInit.GLOROT_UNIFORM.fill(spec, 1, expected, random);
    assertTrue(Arrays.equals(expected, p));
    for (int l = 0; l < 2; l++) {
      for (int o = 0; o < spec.layer(l).units(); o++) {
        assertEquals(0.0, p[spec.biasOffset(l) + o]);
      }
    }
  }

  @Test
  void defaultsFollowTheActivation() {
    assertEquals(WeightInit.HE_UNIFORM, WeightInit.defaultFor(Activation.RELU));
    assertEquals(WeightInit.LECUN_NORMAL, WeightInit.defaultFor(Activation.SELU));
    assertEquals(WeightInit.GLOROT_UNIFORM, WeightInit.defaultFor(Activation.TANH));
    assertEquals(WeightInit.GLOROT_UNIFORM, WeightInit.defaultFor(Activation.SOFTMAX));
  }
}
