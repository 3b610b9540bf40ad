package dev.neurite.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The default batched pass is the per-sample pass, summed over the chosen samples. */
class ModelBatchTest {
  @Test
  void defaultBatchSumsTheSamplesItIsGivenInOrder() {
    NetworkSpec spec = NetworkSpec.of("Net", 2, Arrays.asList(
        LayerSpec.dense(3, Activation.TANH), LayerSpec.dense(2, Activation.SOFTMAX)),
        Loss.CATEGORICAL_CROSS_ENTROPY, Precision.DOUBLE, 5);
    Dataset data = Dataset.of(
        new double[][] {{0, 1}, {1, 0}, {0.5, -2}, {3, 3}},
        new double[][] {{1, 0}, {0, 1}, {1, 0}, {0, 1}});
    int[] order = {3, 1, 0, 2};
    ReferenceNetwork model = new ReferenceNetwork(spec);

    double[] batched = new double[spec.parameterCount()];
    double batchLoss = model.forwardBackwardBatch(data, order, 1, 3, batched);

    double[] expected = new double[spec.parameterCount()];
    double expectedLoss = model.forwardBackward(data.input(1), data.target(1), expected)
        + model.forwardBackward(data.input(0), data.target(0), expected);
    assertEquals(expectedLoss, batchLoss, 0);
    assertArrayEquals(expected, batched, 0);
  }
}
