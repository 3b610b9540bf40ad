package dev.neurite.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.CostFunction;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.optim.Momentum;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Data-parallel training: determinism per thread count, agreement across counts, failures. */
class ParallelTrainingTest {
  /**
   * How far a loss curve on several threads may stray from the one-thread curve, relative: the
   * threads add the same sample gradients in another grouping, so the parameters differ by
   * rounding (about 1e-16 relative per step) that the steps carry along; over these few epochs
   * that stays far below 1e-9, while one sample of a minibatch lost or counted twice moves the
   * losses by 1e-3 or more.
   */
  private static final double CURVE_TOLERANCE = 1e-9;

  @Test
  void sameSeedAndThreadCountGiveBitIdenticalWeights() {
    for (int threads : new int[] {2, 3}) {
      double[] first = train(network(0), threads, builder());
      double[] second = train(network(0), threads, builder());
      assertArrayEquals(first, second, threads + " threads");
    }
  }

  @Test
  void lossCurveMatchesOneThreadWithinRounding() {
    TrainingHistory one = fit(network(0), 1, builder());
    for (int threads : new int[] {2, 3, 4}) {
      TrainingHistory many = fit(network(0), threads, builder());
      assertEquals(one.epochs().size(), many.epochs().size());
      for (int e = 0; e < one.epochs().size(); e++) {
        double expected = one.epochs().get(e).trainLoss();
        double actual = many.epochs().get(e).trainLoss();
        assertEquals(expected, actual, CURVE_TOLERANCE * Math.abs(expected),
            threads + " threads, epoch " + (e + 1));
      }
    }
  }

  @Test
  void regularizationClippingAndAnotherOptimizerAgreeAcrossThreadCounts() {
    Trainer.Builder regularized = builder().l2(1e-3).l1(1e-4).clipGradientNorm(0.5)
        .optimizer(new Momentum(0.05, 0.9));
    double[] one = train(network(0), 1, regularized);
    double[] two = train(network(0), 2, builder().l2(1e-3).l1(1e-4).clipGradientNorm(0.5)
        .optimizer(new Momentum(0.05, 0.9)));
    assertArrayEquals(one, two, 1e-9);
    assertFalse(Arrays.equals(one, train(network(0), 2, builder())),
        "the penalties must change the result");
  }

  @Test
  void dropoutMasksAreSeededPerReplica() {
    double[] first = train(dropoutNetwork(), 2, builder());
    double[] second = train(dropoutNetwork(), 2, builder());
    assertArrayEquals(first, second);
    double[] oneThread = train(dropoutNetwork(), 1, builder());
    assertFalse(Arrays.equals(first, oneThread),
        "the second replica draws its own masks, not a copy of the first one's");
  }

  @Test
  void moreThreadsThanSamplesPerBatchStillTrainEverySample() {
    TrainingHistory one = fit(network(0), 1, builder().batchSize(3));
    TrainingHistory many = fit(network(0), 5, builder().batchSize(3));
    double expected = one.epochs().get(0).trainLoss();
    assertEquals(expected, many.epochs().get(0).trainLoss(), CURVE_TOLERANCE * expected);
  }

  @Test
  void customCostTrainsOnEveryThreadWithItsOwnBuffers() {
    CostFunction squared = (output, target, gradient) -> {
      double sum = 0;
      for (int k = 0; k < output.length; k++) {
        gradient[k] = output[k] - target[k];
        sum += 0.5 * gradient[k] * gradient[k];
      }
      return sum;
    };
    TrainableModel a = network(0);
    TrainableModel b = network(0);
    Trainer one = builder().threads(1).build();
    Trainer two = builder().threads(2).build();
    double lossOne = one.fit(a, data(), squared).epochs().get(2).trainLoss();
    double lossTwo = two.fit(b, data(), squared).epochs().get(2).trainLoss();
    assertEquals(lossOne, lossTwo, CURVE_TOLERANCE * lossOne);
  }

  @Test
  void threadsMustBeAtLeastOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Trainer.builder().threads(0));
    assertEquals("threads must be at least 1 (1 trains on the calling thread alone), but was 0",
        e.getMessage());
  }

  @Test
  void aModelThatCannotMakeReplicasIsRefusedBeforeTraining() {
    FloatHeldNetwork model = new FloatHeldNetwork(network(0).spec());
    double[] before = Fixtures.parameters(model);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> builder().threads(2).build().fit(model, data()));
    assertTrue(e.getMessage().contains("implement TrainableModel.newReplica()"),
        e.getMessage());
    assertArrayEquals(before, Fixtures.parameters(model));
    builder().threads(1).build().fit(model, data());
  }

  @Test
  void aFailureOnAWorkerReachesTheCallerWithItsCauseAndStopsTheThreads() {
    RuntimeException boom = new RuntimeException("cost failed");
    // Thread 1 of 2 trains the second half of each minibatch; the first call there fails.
    CostFunction failing = (output, target, gradient) -> {
      if (Thread.currentThread().getName().startsWith("neurite-train-")) {
        throw boom;
      }
      Arrays.fill(gradient, 0);
      return 0;
    };
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> builder().threads(2).build().fit(network(0), data(), failing));
    assertSame(boom, e.getCause());
    assertTrue(e.getMessage().startsWith("training thread neurite-train-Parallel-1 failed"),
        e.getMessage());
    assertNoTrainingThreads();
  }

  @Test
  void aFailureOnTheCallersShareIsThrownAsItIs() {
    IllegalArgumentException boom = new IllegalArgumentException("caller's cost failed");
    CostFunction failing = (output, target, gradient) -> {
      if (!Thread.currentThread().getName().startsWith("neurite-train-")) {
        throw boom;
      }
      Arrays.fill(gradient, 0);
      return 0;
    };
    assertSame(boom, assertThrows(IllegalArgumentException.class,
        () -> builder().threads(2).build().fit(network(0), data(), failing)));
    assertNoTrainingThreads();
  }

  @Test
  void threadsAreNamedDaemonsAndStopAfterTheRun() {
    boolean[] seen = new boolean[2];
    builder().threads(3).listener(new TrainingListener() {
      @Override
      public void onBatchEnd(int epoch, int batch, double loss) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
          if (thread.getName().startsWith("neurite-train-Parallel-")) {
            seen[0] = true;
            seen[1] |= !thread.isDaemon();
          }
        }
      }
    }).build().fit(network(0), data());
    assertTrue(seen[0], "the run's threads are named after the network");
    assertFalse(seen[1], "every training thread is a daemon");
    assertNoTrainingThreads();
  }

  @Test
  void divergenceOnSeveralThreadsLeavesTheLastGoodParameters() {
    TrainableModel model = network(0);
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> builder().threads(2).optimizer(new Momentum(1e150, 0.9)).build()
            .fit(model, data()));
    for (double p : Fixtures.parameters(model)) {
      assertTrue(Double.isFinite(p), e.getMessage());
    }
    assertNoTrainingThreads();
  }

  @Test
  void replicasAreNewInstancesOfTheSameSpec() {
    ReferenceNetwork model = network(0);
    ReferenceNetwork replica = model.newReplica();
    assertNotEquals(model, replica);
    assertEquals(model.spec(), replica.spec());
  }

  private static void assertNoTrainingThreads() {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      assertFalse(thread.getName().startsWith("neurite-train-") && thread.isAlive(),
          thread.getName() + " still runs after fit returned");
    }
  }

  private static Trainer.Builder builder() {
    return Trainer.builder().epochs(4).batchSize(16).trainingAccuracy(false);
  }

  private static double[] train(TrainableModel model, int threads, Trainer.Builder builder) {
    fit(model, threads, builder);
    return Fixtures.parameters(model);
  }

  private static TrainingHistory fit(TrainableModel model, int threads, Trainer.Builder b) {
    return b.threads(threads).build().fit(model, data());
  }

  /** 6-12-8-3, tanh, ReLU, softmax. */
  private static ReferenceNetwork network(long seed) {
    return new ReferenceNetwork(NetworkSpec.of("Parallel", 6, Arrays.asList(
        LayerSpec.dense(12, Activation.TANH), LayerSpec.dense(8, Activation.RELU),
        LayerSpec.dense(3, Activation.SOFTMAX)),
        Loss.CATEGORICAL_CROSS_ENTROPY, Precision.DOUBLE, seed));
  }

  private static ReferenceNetwork dropoutNetwork() {
    return new ReferenceNetwork(NetworkSpec.of("Parallel", 6, Arrays.asList(
        LayerSpec.dense(12, Activation.TANH), LayerSpec.dropout(0.3),
        LayerSpec.dense(3, Activation.SOFTMAX)),
        Loss.CATEGORICAL_CROSS_ENTROPY, Precision.DOUBLE, 5));
  }

  /** 100 points in 3 classes, by which of three random directions they lean to most. */
  private static Dataset data() {
    SplittableRandom random = new SplittableRandom(3);
    double[][] x = new double[100][6];
    double[][] y = new double[100][3];
    for (int i = 0; i < x.length; i++) {
      double[] score = new double[3];
      for (int j = 0; j < 6; j++) {
        x[i][j] = random.nextDouble(-1, 1);
        score[j % 3] += x[i][j] * (j + 1);
      }
      int best = score[0] >= score[1] && score[0] >= score[2] ? 0 : score[1] >= score[2] ? 1 : 2;
      y[i][best] = 1;
    }
    return Dataset.of(x, y);
  }
}
