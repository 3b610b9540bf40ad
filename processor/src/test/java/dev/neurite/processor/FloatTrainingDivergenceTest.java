package dev.neurite.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.optim.Sgd;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.runtime.train.Trainer;
import dev.neurite.runtime.train.TrainingDivergedException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A generated float network trained with a step that leaves float range: the trainer's double
 * copy of the parameters stays finite, the network's float weights would not, so the run must
 * diverge and keep the last good weights instead of ending "completed" with infinities.
 */
class FloatTrainingDivergenceTest {
  private static final String SOURCE = """
      package test;

      import dev.neurite.dsl.*;
      import dev.neurite.runtime.*;

      @Network(precision = Precision.FLOAT, loss = Loss.MEAN_SQUARED_ERROR)
      @Input(2)
      @Dense(units = 1, activation = Activation.IDENTITY)
      class Tiny {}
      """;

  @Test
  void sgdAt1e38OnAFloatNetworkDivergesAndKeepsTheLastGoodWeights() {
    TrainableModel net =
        Compiled.instance("test.Tiny", SOURCE, "test.TinyNet", TrainableModel.class);
    double[] before = new double[net.parameterCount()];
    net.getParameters(before);
    Trainer trainer = Trainer.builder().optimizer(new Sgd(1e38)).epochs(1).batchSize(64)
        .build();

    TrainingDivergedException e = assertThrows(
        TrainingDivergedException.class, () -> trainer.fit(net, data()));

    assertTrue(e.getMessage().contains("Infinity in the float network after the step"),
        e.getMessage());
    double[] after = new double[net.parameterCount()];
    net.getParameters(after);
    assertArrayEquals(before, after, 0);
    float[] out = new float[1];
    ((FloatModel) net).predict(new float[] {0, 0}, out);
    assertTrue(Float.isFinite(out[0]), "predict({0, 0}) = " + out[0]);
  }

  /** 64 samples of {@code y = 10 x0 - 10 x1}: gradients of a few units, steps beyond 1e38. */
  private static Dataset data() {
    SplittableRandom random = new SplittableRandom(16);
    double[][] x = new double[64][];
    double[][] y = new double[64][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
      y[i] = new double[] {10 * x[i][0] - 10 * x[i][1]};
    }
    return Dataset.of(x, y);
  }
}
