package dev.neurite.runtime.io;

import static dev.neurite.runtime.io.Networks.bits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.optim.Adam;
import dev.neurite.runtime.optim.Optimizer;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.TrainableModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving the weights and the optimizer's state mid-training, then resuming from the file in a
 * fresh process (fresh model, fresh optimizer), follows the uninterrupted run bit for bit.
 */
class ResumeTrainingTest {
  private static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  private static final double[][] TARGETS = {{0}, {1}, {1}, {0}};

  private static TrainableModel xor() {
    return new ReferenceNetwork(NetworkSpec.of("Xor", 2,
        List.of(LayerSpec.dense(4, Activation.TANH), LayerSpec.dense(1, Activation.SIGMOID)),
        Loss.BINARY_CROSS_ENTROPY, Precision.DOUBLE, 7));
  }

  /** Full-batch steps: the mean gradient of the four samples, then one optimizer step. */
  private static void train(TrainableModel model, Optimizer optimizer, int steps) {
    double[] parameters = new double[model.parameterCount()];
    double[] gradient = new double[parameters.length];
    model.getParameters(parameters);
    for (int s = 0; s < steps; s++) {
      Arrays.fill(gradient, 0);
      for (int i = 0; i < INPUTS.length; i++) {
        model.forwardBackward(INPUTS[i], TARGETS[i], gradient);
      }
      for (int k = 0; k < gradient.length; k++) {
        gradient[k] /= INPUTS.length;
      }
      optimizer.step(parameters, gradient);
      model.setParameters(parameters);
    }
  }

  @Test
  void resumingFromTheFileFollowsTheUninterruptedRunBitForBit(@TempDir Path dir)
      throws IOException {
    TrainableModel uninterrupted = xor();
    train(uninterrupted, new Adam(0.05), 60);

    TrainableModel first = xor();
    Adam firstAdam = new Adam(0.05);
    train(first, firstAdam, 25);
    Path file = dir.resolve("xor.nrt");
    ModelFile.save(first, file, ModelExtras.builder().optimizerState(firstAdam.state()).build());

    TrainableModel resumed = xor();
    Adam resumedAdam = new Adam(0.05);
    resumedAdam.restoreState(ModelFile.load(file, resumed).extras().optimizerState());
    train(resumed, resumedAdam, 35);
    assertArrayEquals(bits(uninterrupted), bits(resumed));
  }
}
