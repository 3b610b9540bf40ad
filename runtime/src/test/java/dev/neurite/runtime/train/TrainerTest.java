package dev.neurite.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.CostFunction;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.optim.Adam;
import dev.neurite.runtime.optim.LearningRateSchedule;
import dev.neurite.runtime.optim.Sgd;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Convergence, determinism and the custom-cost path of the trainer. */
class TrainerTest {
  @Test
  void defaultsSolveXor() {
    ReferenceNetwork net = Fixtures.xorNetwork(1);
    TrainingHistory history = Trainer.builder().build().fit(net, Fixtures.xor());
    assertEquals(1.0, history.last().trainAccuracy(), history.toString());
    double[] out = new double[1];
    for (int i = 0; i < 4; i++) {
      net.predict(Fixtures.xor().input(i), out);
      assertEquals(Fixtures.xor().target(i)[0], Math.round(out[0]), "sample " + i);
    }
  }

  @Test
  void targetLossStopsTheRunOnceReached() {
    TrainingHistory history = Trainer.builder().epochs(5000).targetLoss(0.05).build()
        .fit(Fixtures.xorNetwork(1), Fixtures.xor());
    assertEquals(StopReason.TARGET_LOSS_REACHED, history.stopReason());
    assertTrue(history.last().trainLoss() <= 0.05);
    assertTrue(history.epochs().get(history.epochCount() - 2).trainLoss() > 0.05);
    assertEquals(1.0, history.last().trainAccuracy());
  }

  @Test
  void sameSeedGivesBitIdenticalParameters() {
    assertTrue(Arrays.equals(trainShuffled(5), trainShuffled(5)));
    assertFalse(Arrays.equals(trainShuffled(5), trainShuffled(6)));
  }

  /** Small batches, shuffling and a validation split, so that every random draw matters. */
  private static double[] trainShuffled(long seed) {
    ReferenceNetwork net = Fixtures.linearNetwork(3);
    Trainer.builder().optimizer(new Adam(0.01)).epochs(20).batchSize(4).validationSplit(0.25)
        .seed(seed).build().fit(net, Fixtures.linear());
    return Fixtures.parameters(net);
  }

  @Test
  void customCostTrainsExactlyLikeTheSameBuiltInLoss() {
    ReferenceNetwork builtIn = Fixtures.linearNetwork(3);
    ReferenceNetwork custom = Fixtures.linearNetwork(3);
    Trainer trainer = Trainer.builder().optimizer(new Sgd(0.1)).epochs(30).batchSize(8).build();
    TrainingHistory a = trainer.fit(builtIn, Fixtures.linear());
    TrainingHistory b = Trainer.builder().optimizer(new Sgd(0.1)).epochs(30).batchSize(8).build()
        .fit(custom, Fixtures.linear(), meanSquaredError());
    assertTrue(Arrays.equals(Fixtures.parameters(builtIn), Fixtures.parameters(custom)));
    assertTrue(Arrays.equals(a.trainLosses(), b.trainLosses()));
    assertTrue(b.last().trainLoss() < b.epochs().get(0).trainLoss() / 100);
  }

  /** The same arithmetic as {@code Loss.MEAN_SQUARED_ERROR}, written as a user would. */
  private static CostFunction meanSquaredError() {
    return (output, target, gradient) -> {
      double sum = 0;
      double scale = 1.0 / output.length;
      for (int i = 0; i < output.length; i++) {
        double d = output[i] - target[i];
        sum += d * d;
        gradient[i] = scale * (2 * d);
      }
      return sum * scale;
    };
  }

  @Test
  void scheduleSetsEachEpochsRateAndTheBaseRateComesBack() {
    Adam adam = new Adam(0.1);
    TrainingHistory history = Trainer.builder().optimizer(adam).epochs(4)
        .learningRateSchedule(LearningRateSchedule.exponential(0.5)).build()
        .fit(Fixtures.linearNetwork(1), Fixtures.linear());
    double[] rates = new double[4];
    for (int e = 0; e < 4; e++) {
      rates[e] = history.epochs().get(e).learningRate();
    }
    assertEquals(Arrays.toString(new double[] {0.1, 0.05, 0.025, 0.0125}),
        Arrays.toString(rates));
    assertEquals(0.1, adam.learningRate());
  }

  @Test
  void validationSplitHoldsOutTheRoundedFraction() {
    int[] trainSize = new int[1];
    Trainer.builder().epochs(1).validationSplit(0.25).listener(new TrainingListener() {
      @Override public void onTrainingBegin(
          dev.neurite.runtime.Model model, int epochs, int batches) {
        trainSize[0] = batches;
      }
    }).batchSize(1).build().fit(Fixtures.linearNetwork(1), Fixtures.linear());
    assertEquals(30, trainSize[0]);
  }

  @Test
  void dropoutRunsRepeatAndTheModelLeavesTrainingMode() {
    assertTrue(Arrays.equals(trainWithDropout(), trainWithDropout()));
    ReferenceNetwork net = dropoutNetwork();
    Trainer.builder().epochs(3).build().fit(net, Fixtures.xor());
    double[] first = new double[1];
    double[] second = new double[1];
    net.forward(new double[] {1, 0}, first);
    net.forward(new double[] {1, 0}, second);
    assertEquals(first[0], second[0], "forward after fit must not drop values");
  }

  private static ReferenceNetwork dropoutNetwork() {
    return new ReferenceNetwork(NetworkSpec.of("Dropping", 2, Arrays.asList(
        LayerSpec.dense(16, Activation.TANH), LayerSpec.dropout(0.1),
        LayerSpec.dense(1, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, Precision.DOUBLE, 3));
  }

  private static double[] trainWithDropout() {
    ReferenceNetwork net = dropoutNetwork();
    TrainingHistory history = Trainer.builder().epochs(300).build().fit(net, Fixtures.xor());
    double[] losses = history.trainLosses();
    // Dropout makes single epochs noisy on four samples: compare the first and last 20.
    assertTrue(mean(losses, 280, 300) < mean(losses, 0, 20) / 2, Arrays.toString(losses));
    return Fixtures.parameters(net);
  }

  private static double mean(double[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum / (to - from);
  }

  @Test
  void aLambdaHearsEachEpoch() {
    java.util.List<Integer> epochs = new java.util.ArrayList<>();
    Trainer.builder().epochs(3).listener(epoch -> epochs.add(epoch.epoch())).build()
        .fit(Fixtures.xorNetwork(1), Fixtures.xor());
    assertEquals(Arrays.asList(1, 2, 3), epochs);
  }
}
