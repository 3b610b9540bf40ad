package dev.neurite.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Model;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.metrics.Accuracy;
import dev.neurite.runtime.optim.Adam;
import dev.neurite.runtime.optim.Optimizer;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.runtime.train.Trainer;
import dev.neurite.runtime.train.TrainingHistory;
import dev.neurite.runtime.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Distributed training against single-machine training on the same rows in the same order.
 * The tolerance, 1e-12 on every parameter (of magnitude about 1), allows for the only
 * difference, the order in which the rows' gradients are added (per partition, then across),
 * in a double-precision network; a wrong row, step or scaling moves parameters by 1e-4 or more.
 */
class SparkTrainerTest {
  private static final double TOLERANCE = 1e-12;
  private static final int PARTITIONS = 2;
  private static final long SEED = 11;

  private final Dataset blobs = TestData.blobs();
  private final org.apache.spark.sql.Dataset<Row> frame = TestData.frame(blobs, PARTITIONS);

  @Test
  void fullBatchTrainingEqualsTheLocalTrainer() {
    PreciseBlobsNet distributed = new PreciseBlobsNet();
    SparkTrainer.builder().epochs(20).batchSize(TestData.ROWS).optimizer(new Adam(0.05))
        .build().fit(distributed, PreciseBlobsNet::new, frame);
    PreciseBlobsNet local = new PreciseBlobsNet();
    Trainer.builder().epochs(20).batchSize(TestData.ROWS).optimizer(new Adam(0.05))
        .trainingAccuracy(false).build().fit(local, blobs);
    assertArrayEquals(parameters(local), parameters(distributed), TOLERANCE);
    assertMoved(distributed);
  }

  @Test
  void minibatchTrainingEqualsLocalStepsOnTheSameRowsInTheSameOrder() {
    PreciseBlobsNet distributed = new PreciseBlobsNet();
    TrainingHistory history = SparkTrainer.builder().epochs(3).batchSize(64).seed(SEED)
        .optimizer(new Adam(0.05)).build().fit(distributed, PreciseBlobsNet::new, frame);
    PreciseBlobsNet local = new PreciseBlobsNet();
    double[] losses = trainLocally(local, partitions(), 3, 64, new Adam(0.05));
    assertArrayEquals(parameters(local), parameters(distributed), TOLERANCE);
    assertArrayEquals(losses, history.trainLosses(), TOLERANCE);
    assertMoved(distributed);
  }

  @Test
  void theSameSeedAndPartitioningGiveBitIdenticalParameters() {
    assertArrayEquals(train(PreciseBlobsNet::new), train(PreciseBlobsNet::new), 0.0);
  }

  @Test
  void aPartitionThatFailsOnceIsRetriedWithoutCorruptingTheParameters() {
    double[] clean = train(PreciseBlobsNet::new);
    FailingOnce.FAILURES.set(0);
    double[] retried = train(FailingOnce::new);
    assertEquals(1, FailingOnce.FAILURES.get(), "the injected failure happened");
    assertArrayEquals(clean, retried, 0.0);
  }

  @Test
  void listenersHearEveryStepAndEpoch() {
    List<String> heard = new ArrayList<>();
    TrainingHistory history = SparkTrainer.builder().epochs(2).batchSize(100)
        .listener(new TrainingListener() {
          @Override
          public void onTrainingBegin(Model model, int epochs, int batches) {
            heard.add("begin " + epochs + " " + batches);
          }

          @Override
          public void onBatchEnd(int epoch, int batch, double loss) {
            heard.add("batch " + epoch + "." + batch);
          }

          @Override
          public void onEpochEnd(int epoch, double loss) {
            heard.add("epoch " + epoch);
          }

          @Override
          public void onTrainingEnd(TrainingHistory done) {
            heard.add("end " + done.epochCount());
          }
        })
        .build().fit(new BlobsNet(), BlobsNet::new, frame);
    assertEquals(List.of("begin 2 3", "batch 1.1", "batch 1.2", "batch 1.3", "epoch 1",
        "batch 2.1", "batch 2.2", "batch 2.3", "epoch 2", "end 2"), heard);
    assertEquals(2, history.epochCount());
  }

  @Test
  void aFloatNetworkLearnsTheBlobs() {
    BlobsNet net = new BlobsNet();
    TrainingHistory history = SparkTrainer.builder().epochs(8).batchSize(60)
        .optimizer(new Adam(0.05)).build().fit(net, BlobsNet::new, frame);
    assertTrue(history.last().trainLoss() < history.epochs().get(0).trainLoss() / 2,
        history.toString());
    // Blobs two standard deviations apart: the Bayes rate is about 92%.
    assertTrue(Accuracy.of(net, blobs) > 0.85, "accuracy " + Accuracy.of(net, blobs));
  }

  private double[] train(ModelFactory<? extends TrainableModel> factory) {
    PreciseBlobsNet net = new PreciseBlobsNet();
    SparkTrainer.builder().epochs(2).batchSize(50).seed(SEED).build()
        .fit(net, factory, frame);
    return parameters(net);
  }

  /** The frame's partitions as Spark sees them, each as a runtime dataset. */
  private List<Dataset> partitions() {
    List<Dataset> parts = new ArrayList<>();
    for (List<Row> rows : frame.javaRDD().glom().collect()) {
      double[][] inputs = new double[rows.size()][];
      double[][] targets = new double[rows.size()][3];
      for (int i = 0; i < rows.size(); i++) {
        inputs[i] = rows.get(i).getList(0).stream().mapToDouble(v -> (Double) v).toArray();
        targets[i][rows.get(i).getInt(1)] = 1;
      }
      parts.add(Dataset.of(inputs, targets));
    }
    return parts;
  }

  /**
   * Trains on one machine, one step per global minibatch: the rows of slice {@code s} of every
   * partition's order, partition after partition, in one pass; returns the epochs' mean losses.
   */
  private static double[] trainLocally(PreciseBlobsNet net, List<Dataset> parts, int epochs,
      int batchSize, Optimizer optimizer) {
    int rows = parts.stream().mapToInt(Dataset::size).sum();
    int steps = BatchPlan.steps(rows, batchSize);
    double[] parameters = parameters(net);
    double[] losses = new double[epochs];
    net.setTraining(true);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      List<int[]> orders = new ArrayList<>();
      for (int p = 0; p < parts.size(); p++) {
        orders.add(BatchPlan.order(parts.get(p).size(), SEED, epoch, p));
      }
      for (int s = 0; s < steps; s++) {
        List<double[]> inputs = new ArrayList<>();
        List<double[]> targets = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
          Dataset part = parts.get(p);
          for (int k = BatchPlan.sliceStart(part.size(), s, steps);
              k < BatchPlan.sliceStart(part.size(), s + 1, steps); k++) {
            inputs.add(part.input(orders.get(p)[k]));
            targets.add(part.target(orders.get(p)[k]));
          }
        }
        double[] gradient = new double[parameters.length];
        Dataset batch = Dataset.of(inputs.toArray(new double[0][]),
            targets.toArray(new double[0][]));
        for (int i = 0; i < batch.size(); i++) {
          losses[epoch - 1] += net.forwardBackward(batch.input(i), batch.target(i), gradient);
        }
        for (int i = 0; i < gradient.length; i++) {
          gradient[i] *= 1.0 / batch.size();
        }
        optimizer.step(parameters, gradient);
        net.setParameters(parameters);
      }
      losses[epoch - 1] /= rows;
    }
    return losses;
  }

  private static double[] parameters(PreciseBlobsNet net) {
    double[] parameters = new double[net.parameterCount()];
    net.getParameters(parameters);
    return parameters;
  }

  private static void assertMoved(PreciseBlobsNet trained) {
    double[] initial = parameters(new PreciseBlobsNet());
    double[] now = parameters(trained);
    double moved = 0;
    for (int i = 0; i < now.length; i++) {
      moved = Math.max(moved, Math.abs(now[i] - initial[i]));
    }
    assertTrue(moved > 0.01, "training moved the parameters by at most " + moved);
  }
}
