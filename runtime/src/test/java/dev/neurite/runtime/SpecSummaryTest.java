package dev.neurite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Keras-style summary: rows, totals, and the classic layer count. */
class SpecSummaryTest {
  @Test
  void twoLayerNetworkShowsTheInputButDoesNotCountIt() {
    NetworkSpec iris = NetworkSpec.of("IrisNet", 4, Arrays.asList(
        LayerSpec.dense(16, Activation.RELU), LayerSpec.dense(3, Activation.SOFTMAX)),
        Loss.CATEGORICAL_CROSS_ENTROPY, Precision.FLOAT, 42);
    assertEquals(String.join("\n",
        "Network IrisNet (FLOAT, loss CATEGORICAL_CROSS_ENTROPY, seed 42)",
        "Layer  Type           Output size  Parameters",
        "---------------------------------------------",
        "-      Input                    4           0",
        "1      Dense RELU              16          80",
        "2      Dense SOFTMAX            3          51",
        "=============================================",
        "Total parameters: 131",
        "Layers: 2 (1 hidden + 1 output; the input layer is not counted)",
        ""), iris.summary());
  }

  @Test
  void dropoutParametersAndNoBiasAreShownAndDropoutIsNotCounted() {
    NetworkSpec spec = NetworkSpec.of("Deep", 10, Arrays.asList(
        LayerSpec.dense(200, Activation.LEAKY_RELU, 0.2, false), LayerSpec.dropout(0.5),
        LayerSpec.dense(50, Activation.TANH), LayerSpec.dense(1, Activation.SIGMOID)),
        Loss.BINARY_CROSS_ENTROPY, Precision.DOUBLE, 7);
    assertEquals(String.join("\n",
        "Network Deep (DOUBLE, loss BINARY_CROSS_ENTROPY, seed 7)",
        "Layer  Type                            Output size  Parameters",
        "--------------------------------------------------------------",
        "-      Input                                    10           0",
        "1      Dense LEAKY_RELU(0.2), no bias          200        2000",
        "-      Dropout 0.5                             200           0",
        "2      Dense TANH                               50       10050",
        "3      Dense SIGMOID                             1          51",
        "==============================================================",
        "Total parameters: 12101",
        "Layers: 3 (2 hidden + 1 output; the input layer is not counted, nor dropout, which has"
            + " no neurons)",
        ""), spec.summary());
  }

  @Test
  void singleLayerIsTheOutputLayer() {
    NetworkSpec linear = NetworkSpec.of("Linear", 3,
        Arrays.asList(LayerSpec.dense(1, Activation.IDENTITY)),
        Loss.MEAN_SQUARED_ERROR, Precision.FLOAT, 1);
    String last = linear.summary().trim().substring(linear.summary().trim().lastIndexOf('\n') + 1);
    assertEquals("Layers: 1 (the output layer; the input layer is not counted)", last);
  }
}
