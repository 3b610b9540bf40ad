package dev.neurite.samples.xor;

import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.metrics.ConfusionMatrix;
import dev.neurite.runtime.optim.Sgd;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.runtime.train.Trainer;
import dev.neurite.runtime.train.TrainingHistory;
import dev.neurite.samples.support.Artifacts;
import dev.neurite.samples.support.Outputs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** Trains the generated {@code XorNet} on the four points of XOR and prints its predictions. */
public final class XorSample {
  static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  static final double[][] TARGETS = {{0}, {1}, {1}, {0}};
  static final int EPOCHS = 1000;

  private XorSample() {}

  /** What one run measured. */
  record Result(double accuracy, boolean reloadedPredictsTheSame) {}

  /** Runs the sample; the optional argument is the directory for its output files. */
  public static void main(String[] args) throws IOException {
    run(Outputs.directory(args), System.out);
  }

  /** Trains, reports, saves and reloads the network, writing its files into {@code dir}. */
  static Result run(Path dir, PrintStream out) throws IOException {
    Artifacts artifacts = new Artifacts(dir, "xor", out);
    XorNet net = new XorNet();
    out.println(XorNet.SPEC.summary());
    artifacts.writeHistory(train(net, artifacts));
    double accuracy = report(net, out);
    boolean same = artifacts.saveAndReload(net, new XorNet(), Dataset.of(INPUTS, TARGETS));
    return new Result(accuracy, same);
  }

  /** Trains {@code net} on the four points with plain SGD, all four in every step. */
  static TrainingHistory train(TrainableModel net, Artifacts artifacts) {
    Trainer trainer = Trainer.builder()
        .optimizer(new Sgd(0.5))
        .epochs(EPOCHS)
        .batchSize(4)
        .seed(7)
        .listener(artifacts.progress(EPOCHS))
        .build();
    return trainer.fit(net, Dataset.of(INPUTS, TARGETS));
  }

  /**
   * Prints each input with the network's output and the rounded class, then the confusion
   * matrix; returns the accuracy.
   */
  static double report(TrainableModel net, PrintStream out) {
    double[] output = new double[1];
    for (int i = 0; i < INPUTS.length; i++) {
      net.predict(INPUTS[i], output);
      int predicted = output[0] >= 0.5 ? 1 : 0;
      out.printf("%d xor %d -> %.4f (%d)%n", (int) INPUTS[i][0], (int) INPUTS[i][1], output[0],
          predicted);
    }
    ConfusionMatrix matrix = ConfusionMatrix.of(net, Dataset.of(INPUTS, TARGETS));
    out.println(matrix);
    out.printf("accuracy %.0f%%%n", 100 * matrix.accuracy());
    return matrix.accuracy();
  }
}
