package dev.neurite.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.SpecValidator;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.optim.Sgd;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run that blows up stops with its epoch and batch, and leaves finite parameters behind. */
class DivergenceTest {
  @Test
  void hugeLearningRateStopsWithTheLastFiniteParameters() {
    ReferenceNetwork net = Fixtures.linearNetwork(2);
    List<double[]> snapshots = new ArrayList<>();
    snapshots.add(Fixtures.parameters(net));
    Trainer trainer = Trainer.builder().optimizer(new Sgd(1e120)).epochs(10).batchSize(8)
        .listener(new TrainingListener() {
          @Override public void onBatchEnd(int epoch, int batch, double loss) {
            snapshots.add(Fixtures.parameters(net));
          }
        }).build();
    TrainingDivergedException e = assertThrows(
        TrainingDivergedException.class, () -> trainer.fit(net, Fixtures.linear()));
    int failedStep = (e.epoch() - 1) * 5 + e.batch();
    assertTrue(e.getMessage().startsWith("training diverged at epoch " + e.epoch() + ", batch "
        + e.batch() + ": the loss was Infinity"), e.getMessage());
    // The parameters of step k - 1 gave the infinite loss; those before them were the last good.
    assertTrue(Arrays.equals(snapshots.get(failedStep - 2), Fixtures.parameters(net)));
    double[] out = new double[1];
    net.predict(Fixtures.linear().input(0), out);
    assertTrue(Double.isFinite(out[0] * out[0]));
  }

  /** A loss that only the epoch's measurement computes is judged too. */
  @Test
  void aNonFiniteValidationLossAfterTheLastStepIsDivergence() {
    FloatHeldNetwork net = new FloatHeldNetwork(NetworkSpec.of("Tiny", 2,
        Arrays.asList(LayerSpec.dense(1, Activation.IDENTITY)), Loss.MEAN_SQUARED_ERROR,
        Precision.FLOAT, 1));
    double[] before = Fixtures.parameters(net);
    Dataset train = Dataset.of(new double[][] {{1, 0}}, new double[][] {{1e30}});
    // A weight near 1e30 is fine in float; times a validation input of 1e10, the output is not.
    Dataset validation = Dataset.of(new double[][] {{1e10, 0}}, new double[][] {{0}});
    Trainer trainer = Trainer.builder().optimizer(new Sgd(0.5)).epochs(1).build();

    TrainingDivergedException e = assertThrows(
        TrainingDivergedException.class, () -> trainer.fit(net, train, validation));

    assertTrue(e.getMessage().startsWith("training diverged at epoch 1, batch 1: the validation "
        + "loss after the epoch's last step was "), e.getMessage());
    assertArrayEquals(before, Fixtures.parameters(net), 0);
  }

  @Test
  void networkWithBinaryStepIsRefused() {
    NetworkSpec spec = NetworkSpec.of("Step", 2, Arrays.asList(
        LayerSpec.dense(3, Activation.BINARY_STEP), LayerSpec.dense(1, Activation.SIGMOID)),
        Loss.BINARY_CROSS_ENTROPY, Precision.DOUBLE, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Trainer.builder().build().fit(new ReferenceNetwork(spec), Fixtures.xor()));
    assertEquals("Step cannot be trained: "
        + SpecValidator.trainingProblems(spec.layers()).get(0).message(), e.getMessage());
    assertTrue(e.getMessage().contains("[NeuriteUntrainableActivation] BINARY_STEP"),
        e.getMessage());
  }
}
