package dev.neurite.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import java.util.Collections;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Cross-entropy values where the output saturates: the value the training pass reports must be
 * the exact loss, and its finite differences the gradient the pass returns. Expected values were
 * computed offline with Python's {@code math.log1p} (softplus and log-sum-exp forms).
 */
class SaturatedLossTest {
  /** One input, four sigmoid outputs; weights 40, -40, 20, 3 and input 1 give those logits. */
  static final NetworkSpec SIGMOIDS = oneLayer(4, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY);
  static final double[] LOGIT_WEIGHTS = {40, -40, 20, 3, 0, 0, 0, 0};
  static final double[] BINARY_TARGET = {0, 1, 0.3, 1};
  /** mean(softplus(z) - t z); the probabilities clamped at 1e-15 gave 20.781535029583083. */
  static final double BINARY_LOSS = 23.512146838408725;

  static NetworkSpec oneLayer(int units, Activation output, Loss loss) {
    return NetworkSpec.of("Saturated", 1,
        Collections.singletonList(LayerSpec.dense(units, output)), loss, Precision.DOUBLE, 1);
  }

  @Test
  void binaryCrossEntropyIsExactWhereTheSigmoidRoundsToZeroOrOne() {
    ReferenceNetwork net = new ReferenceNetwork(SIGMOIDS);
    net.setParameters(LOGIT_WEIGHTS);
    double loss = net.forwardBackward(new double[] {1}, BINARY_TARGET, new double[8]);
    assertEquals(BINARY_LOSS, loss, 1e-12 * BINARY_LOSS);
    GradientCheckTest.assertGradientsMatch(SIGMOIDS, LOGIT_WEIGHTS, new double[] {1},
        BINARY_TARGET);
  }

  @Test
  void categoricalCrossEntropyIsExactWhereTheSoftmaxRoundsToZero() {
    NetworkSpec softmax = oneLayer(3, Activation.SOFTMAX, Loss.CATEGORICAL_CROSS_ENTROPY);
    double[] weights = {40, -40, 0, 0, 0, 0};
    double[] target = {0, 1, 0};
    ReferenceNetwork net = new ReferenceNetwork(softmax);
    net.setParameters(weights);
    // logsumexp(40, -40, 0) + 40 = 80 to double precision; clamped it was -ln(1e-15) = 34.5.
    assertEquals(80, net.forwardBackward(new double[] {1}, target, new double[6]), 1e-12 * 80);
    GradientCheckTest.assertGradientsMatch(softmax, weights, new double[] {1}, target);
  }

  @Test
  void fusedValuesEqualTheTextbookValuesAwayFromSaturation() {
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 200; trial++) {
      double[] z = new double[4];
      double[] t = new double[4];
      double[] sigmoid = new double[4];
      double[] softmax = new double[4];
      for (int i = 0; i < 4; i++) {
        z[i] = random.nextDouble(-8, 8);
        t[i] = random.nextDouble();
        sigmoid[i] = Activation.SIGMOID.apply(z[i], 0);
      }
      Activation.softmax(z, softmax, 4);
      Loss bce = Loss.BINARY_CROSS_ENTROPY;
      Loss cce = Loss.CATEGORICAL_CROSS_ENTROPY;
      assertEquals(bce.value(sigmoid, t, 4), bce.fusedValue(z, t, 4), 1e-12);
      assertEquals(cce.value(softmax, t, 4), cce.fusedValue(z, t, 4), 1e-12);
    }
  }

  @Test
  void theProbabilityFormStillClampsForEvaluation() {
    double[] saturated = {1};
    double[] target = {0};
    assertEquals(-Math.log(Loss.EPSILON),
        Loss.BINARY_CROSS_ENTROPY.value(saturated, target, 1), 1e-12);
  }
}
