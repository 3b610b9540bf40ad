package dev.neurite.samples.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.init.WeightInit;
import dev.neurite.runtime.metrics.Accuracy;
import dev.neurite.samples.support.Artifacts;
import dev.neurite.samples.support.Quiet;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinearVersusNonLinearSampleTest {
  @Test
  void onlyTheNonLinearNetworkLearnsXor(@TempDir Path dir) throws Exception {
    LinearVersusNonLinearSample.Result result =
        LinearVersusNonLinearSample.run(dir, Quiet.stream());

    assertEquals(1.0, result.nonLinearAccuracy());
    assertTrue(result.linearAccuracy() <= 0.75, "linear accuracy " + result.linearAccuracy());
    assertTrue(result.reloadedPredictSame());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void theLinearNetworkStaysAtOrBelow75PercentFromAnyStart(long seed, @TempDir Path dir) {
    LinearXorNet linear = new LinearXorNet();
    linear.setParameters(WeightInit.initialize(LinearXorNet.SPEC, seed));

    LinearVersusNonLinearSample.train(linear, new Artifacts(dir, "linear", Quiet.stream()));

    double accuracy = Accuracy.of(linear, LinearVersusNonLinearSample.XOR);
    assertTrue(accuracy <= 0.75, "seed " + seed + ": accuracy " + accuracy);
  }

  @Test
  void theLinearNetworkIsTheSigmoidOfItsCollapsedLinearUnit() {
    LinearXorNet linear = new LinearXorNet();
    linear.setParameters(WeightInit.initialize(LinearXorNet.SPEC, 11));
    double[] unit = LinearVersusNonLinearSample.collapse(linear);
    SplittableRandom random = new SplittableRandom(3);
    double[] output = new double[1];
    for (int k = 0; k < 20; k++) {
      double[] x = {random.nextDouble(-2, 2), random.nextDouble(-2, 2)};
      linear.predict(x, output);
      double expected = 1 / (1 + Math.exp(-(unit[0] * x[0] + unit[1] * x[1] + unit[2])));
      assertEquals(expected, output[0], 1e-5, "at " + x[0] + ", " + x[1]);
    }
  }
}
