package dev.neurite.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.optim.Adam;
import dev.neurite.runtime.optim.Sgd;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** L2 and L1 shrink the weights and leave the biases alone; clipping bounds the step. */
class RegularizationTest {
  /** Targets are the constant 5 whatever the inputs: only the bias is needed. */
  private static Dataset constantTarget() {
    SplittableRandom random = new SplittableRandom(4);
    double[][] x = new double[32][];
    double[][] y = new double[32][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {random.nextDouble(-1, 1), random.nextDouble(-1, 1),
          random.nextDouble(-1, 1)};
      y[i] = new double[] {5 + 0.1 * x[i][0]};
    }
    return Dataset.of(x, y);
  }

  private static double[] train(Trainer.Builder builder) {
    ReferenceNetwork net = Fixtures.linearNetwork(8);
    builder.optimizer(new Adam(0.05)).epochs(400).build().fit(net, constantTarget());
    return Fixtures.parameters(net);
  }

  @Test
  void strongL2DrivesWeightsToZeroButNotTheBias() {
    double[] p = train(Trainer.builder().l2(10));
    for (int i = 0; i < 3; i++) {
      assertEquals(0, p[i], 0.01, "weight " + i);
    }
    assertEquals(5, p[3], 0.01, "bias");
  }

  @Test
  void l1ZeroesTheWeightThatMattersLittle() {
    double[] free = train(Trainer.builder());
    double[] sparse = train(Trainer.builder().l1(0.5));
    assertEquals(0.1, free[0], 0.01);
    assertEquals(0, sparse[0], 0.06);
    assertEquals(5, sparse[3], 0.06, "bias");
  }

  @Test
  void clippingBoundsTheNormOfEachStep() {
    ReferenceNetwork net = Fixtures.linearNetwork(8);
    double[] before = Fixtures.parameters(net);
    Trainer.builder().optimizer(new Sgd(1)).epochs(1).batchSize(64).clipGradientNorm(1e-3)
        .build().fit(net, constantTarget());
    double[] after = Fixtures.parameters(net);
    double sum = 0;
    for (int i = 0; i < after.length; i++) {
      sum += (after[i] - before[i]) * (after[i] - before[i]);
    }
    assertEquals(1e-3, Math.sqrt(sum), 1e-12);
    assertTrue(sum > 0);
  }
}
