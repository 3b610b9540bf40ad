package dev.neurite.samples.xor;

import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.optim.Sgd;
import dev.neurite.runtime.train.Trainer;
import java.io.PrintStream;

/** Trains the generated {@code XorNet} on the four points of XOR and prints its predictions. */
public final class XorSample {
  static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  static final double[][] TARGETS = {{0}, {1}, {1}, {0}};

  private XorSample() {}

  /** Runs the sample, printing to standard output. */
  public static void main(String[] args) {
    XorNet net = train(System.out);
    report(net, System.out);
  }

  /** Trains a fresh network, printing the loss every 100 epochs, and returns it. */
  static XorNet train(PrintStream out) {
    XorNet net = new XorNet();
    out.println("Training " + XorNet.SPEC);
    Trainer trainer = Trainer.builder()
        .optimizer(new Sgd(0.5))
        .epochs(1000)
        .batchSize(4)
        .seed(7)
        .listener(new dev.neurite.runtime.train.TrainingListener() {
          @Override public void onEpochEnd(int epoch, double loss) {
            if (epoch % 100 == 0) {
              out.printf("epoch %4d  loss %.6f%n", epoch, loss);
            }
          }
        })
        .build();
    trainer.fit(net, Dataset.of(INPUTS, TARGETS));
    return net;
  }

  /** Prints each input with the network's output and the rounded class; returns the accuracy. */
  static double report(XorNet net, PrintStream out) {
    float[] output = new float[1];
    int correct = 0;
    for (int i = 0; i < INPUTS.length; i++) {
      float[] input = {(float) INPUTS[i][0], (float) INPUTS[i][1]};
      net.predict(input, output);
      int predicted = output[0] >= 0.5f ? 1 : 0;
      correct += predicted == (int) TARGETS[i][0] ? 1 : 0;
      out.printf("%s xor %s -> %.4f (%d)%n", (int) input[0], (int) input[1], output[0], predicted);
    }
    double accuracy = correct / (double) INPUTS.length;
    out.printf("accuracy %.0f%%%n", 100 * accuracy);
    return accuracy;
  }
}
