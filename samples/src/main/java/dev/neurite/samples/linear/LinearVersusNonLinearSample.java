package dev.neurite.samples.linear;

import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.metrics.ConfusionMatrix;
import dev.neurite.runtime.optim.Sgd;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.runtime.train.Trainer;
import dev.neurite.runtime.train.TrainingHistory;
import dev.neurite.samples.support.Artifacts;
import dev.neurite.samples.support.Outputs;
import dev.neurite.samples.xor.XorNet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Why neural networks need non-linear activations, shown on XOR.
 *
 * <p>Two networks of the same 2-4-1 shape are trained identically: {@code XorNet} (tanh hidden
 * layer) and {@code LinearXorNet} (identity hidden layer). A stack of linear layers is one linear
 * map: the linear network computes {@code sigmoid(w . x + b)} with {@code w = W2 W1} and
 * {@code b = W2 b1 + b2}, a single straight decision line, and no line puts (0,1) and (1,0) on one
 * side and (0,0) and (1,1) on the other. So it classifies at most 3 of the 4 points, 75%, however
 * it is trained; the tanh network reaches 100%. The sample prints the collapsed {@code w} and
 * {@code b} to make the argument concrete.
 */
public final class LinearVersusNonLinearSample {
  static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  static final double[][] TARGETS = {{0}, {1}, {1}, {0}};
  static final Dataset XOR = Dataset.of(INPUTS, TARGETS);
  static final int EPOCHS = 1000;

  private LinearVersusNonLinearSample() {}

  /** What one run measured. */
  record Result(double linearAccuracy, double nonLinearAccuracy, boolean reloadedPredictSame) {}

  /** Runs the sample; the optional argument is the directory for its output files. */
  public static void main(String[] args) throws IOException {
    run(Outputs.directory(args), System.out);
  }

  /** Trains both networks the same way and compares them, writing files into {@code dir}. */
  static Result run(Path dir, PrintStream out) throws IOException {
    Artifacts artifacts = new Artifacts(dir, "linear-vs-nonlinear", out);
    XorNet nonLinear = new XorNet();
    LinearXorNet linear = new LinearXorNet();
    out.println(XorNet.SPEC.summary());
    TrainingHistory nonLinearHistory = train(nonLinear, artifacts);
    out.println(LinearXorNet.SPEC.summary());
    TrainingHistory linearHistory = train(linear, artifacts);
    artifacts.writeHistories(new String[] {"tanh hidden layer", "identity hidden layer"},
        nonLinearHistory, linearHistory);

    double nonLinearAccuracy = report("tanh hidden layer", nonLinear, out);
    double linearAccuracy = report("identity hidden layer", linear, out);
    double[] collapsed = collapse(linear);
    out.printf("The identity network is one linear unit: sigmoid(%+.4f x1 %+.4f x2 %+.4f)%n",
        collapsed[0], collapsed[1], collapsed[2]);
    out.println("No line separates XOR's classes; on these four symmetric points the line of least"
        + " cross-entropy is the flat one, 0.5 everywhere, which is where training drives it.");
    boolean same = artifacts.saveAndReload(nonLinear, new XorNet(), XOR)
        & artifacts.saveAndReload(linear, new LinearXorNet(), XOR);
    return new Result(linearAccuracy, nonLinearAccuracy, same);
  }

  /** Trains with plain SGD: the same optimizer, epochs and batches for both networks. */
  static TrainingHistory train(TrainableModel net, Artifacts artifacts) {
    Trainer trainer = Trainer.builder()
        .optimizer(new Sgd(0.5))
        .epochs(EPOCHS)
        .batchSize(4)
        .seed(7)
        .listener(artifacts.progress(EPOCHS))
        .build();
    return trainer.fit(net, XOR);
  }

  private static double report(String name, TrainableModel net, PrintStream out) {
    double[] output = new double[1];
    out.println(name + ":");
    for (double[] input : INPUTS) {
      net.predict(input, output);
      out.printf("  %d xor %d -> %.4f%n", (int) input[0], (int) input[1], output[0]);
    }
    ConfusionMatrix matrix = ConfusionMatrix.of(net, XOR);
    out.println(matrix);
    out.printf("  accuracy %.0f%%%n", 100 * matrix.accuracy());
    return matrix.accuracy();
  }

  /**
   * Returns {@code {w1, w2, b}}: the single linear unit that a network of one identity hidden
   * layer and one output neuron computes before its output activation, read from the flat
   * parameter layout ({@code W2 W1} and {@code W2 b1 + b2}).
   */
  static double[] collapse(TrainableModel linear) {
    NetworkSpec spec = linear.spec();
    double[] p = new double[spec.parameterCount()];
    linear.getParameters(p);
    int inputs = spec.inputSize();
    int hidden = spec.outputSizeOf(0);
    double[] collapsed = new double[inputs + 1];
    for (int h = 0; h < hidden; h++) {
      double outWeight = p[spec.weightOffset(1) + h];
      for (int i = 0; i < inputs; i++) {
        collapsed[i] += outWeight * p[spec.weightOffset(0) + h * inputs + i];
      }
      collapsed[inputs] += outWeight * p[spec.biasOffset(0) + h];
    }
    collapsed[inputs] += p[spec.biasOffset(1)];
    return collapsed;
  }
}
