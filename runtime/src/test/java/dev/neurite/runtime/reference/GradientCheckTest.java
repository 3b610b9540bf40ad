package dev.neurite.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The interpreter's back propagation against central finite differences, in double. */
class GradientCheckTest {
  private static final double H = 1e-6;
  private static final double TOLERANCE = 1e-6;

  @Test
  void xorNetworkGradientsMatchFiniteDifferences() {
    NetworkSpec xor = NetworkSpec.of("Xor", 2, Arrays.asList(
        LayerSpec.dense(4, Activation.TANH), LayerSpec.dense(1, Activation.SIGMOID)),
        Loss.BINARY_CROSS_ENTROPY, Precision.DOUBLE, 7);
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 20; trial++) {
      double[] input = {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
      double[] target = {random.nextInt(2)};
      assertGradientsMatch(xor, randomParameters(xor, random), input, target);
    }
  }

  @Test
  void huberGradientsWithTheirDeltaMatchFiniteDifferences() {
    NetworkSpec spec = NetworkSpec.of("Robust", 2, Arrays.asList(
        LayerSpec.dense(4, Activation.TANH), LayerSpec.dense(3, Activation.IDENTITY)),
        Loss.HUBER, 0.3, Precision.DOUBLE, 7);
    SplittableRandom random = new SplittableRandom(13);
    for (int trial = 0; trial < 20; trial++) {
      double[] input = {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
      double[] target = {random.nextDouble(-1, 1), random.nextDouble(-1, 1), 0};
      assertGradientsMatch(spec, randomParameters(spec, random), input, target);
    }
  }

  static double[] randomParameters(NetworkSpec spec, SplittableRandom random) {
    double[] p = new double[spec.parameterCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = random.nextDouble(-1, 1);
    }
    return p;
  }

  static void assertGradientsMatch(
      NetworkSpec spec, double[] parameters, double[] input, double[] target) {
    ReferenceNetwork net = new ReferenceNetwork(spec);
    net.setParameters(parameters);
    double[] analytic = new double[parameters.length];
    net.forwardBackward(input, target, analytic);
    for (int i = 0; i < parameters.length; i++) {
      double numeric = centralDifference(net, parameters, i, input, target);
      double scale = Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic[i]));
      double relative = Math.abs(numeric - analytic[i]) / scale;
      assertTrue(relative < TOLERANCE, "parameter " + i + ": analytic " + analytic[i]
          + " vs numeric " + numeric + " (relative error " + relative + ")");
    }
  }

  private static double centralDifference(
      ReferenceNetwork net, double[] parameters, int i, double[] input, double[] target) {
    double[] shifted = parameters.clone();
    double[] ignored = new double[parameters.length];
    shifted[i] = parameters[i] + H;
    net.setParameters(shifted);
    double plus = net.forwardBackward(input, target, ignored);
    shifted[i] = parameters[i] - H;
    net.setParameters(shifted);
    double minus = net.forwardBackward(input, target, ignored);
    net.setParameters(parameters);
    return (plus - minus) / (2 * H);
  }
}
