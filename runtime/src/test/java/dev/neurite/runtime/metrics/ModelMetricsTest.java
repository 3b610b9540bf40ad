package dev.neurite.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.TrainableModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics that run a model over a dataset, on networks whose outputs are known by hand. */
class ModelMetricsTest {
  private static final double EPS = 1e-12;

  /** One identity neuron {@code y = weight * x + bias}. */
  private static TrainableModel line(double weight, double bias) {
    TrainableModel model = new ReferenceNetwork(NetworkSpec.of("Line", 1,
        List.of(LayerSpec.dense(1, Activation.IDENTITY)), Loss.MEAN_SQUARED_ERROR,
        Precision.DOUBLE, 1));
    model.setParameters(new double[] {weight, bias});
    return model;
  }

  /** Two identity neurons copying two inputs, so the predicted class is the larger input. */
  private static TrainableModel passThrough() {
    TrainableModel model = new ReferenceNetwork(NetworkSpec.of("Copy", 2,
        List.of(LayerSpec.dense(2, Activation.IDENTITY)), Loss.MEAN_SQUARED_ERROR,
        Precision.DOUBLE, 1));
    model.setParameters(new double[] {1, 0, 0, 1, 0, 0});
    return model;
  }

  @Test
  void regressionMetricsOfALineMatchTheHandComputedValues() {
    // predictions 1, 3, 5 against targets 1, 2, 6: residuals 0, 1, -1; target mean 3.
    Dataset data = Dataset.of(new double[][] {{0}, {1}, {2}}, new double[][] {{1}, {2}, {6}});
    RegressionMetrics m = RegressionMetrics.of(line(2, 1), data);
    assertEquals(2.0 / 3, m.meanSquaredError(), EPS);
    assertEquals(2.0 / 3, m.meanAbsoluteError(), EPS);
    assertEquals(1 - 2.0 / 14, m.rSquared(), EPS);
    assertEquals(Math.sqrt(2.0 / 3), m.rootMeanSquaredError(), EPS);
    assertEquals(3, m.count());
  }

  @Test
  void regressionMetricsOfArraysAverageTheOutputs() {
    RegressionMetrics m = RegressionMetrics.of(new double[][] {{1, 7}, {2, 7}, {3, 7}},
        new double[][] {{1, 7}, {3, 7}, {5, 7}});
    assertEquals(5.0 / 6, m.meanSquaredError(), EPS);
    assertEquals(0.5, m.meanAbsoluteError(), EPS);
    assertEquals((1 - 5.0 / 8 + 1) / 2, m.rSquared(), EPS, "a constant output predicted "
        + "exactly counts as 1");
    RegressionMetrics off = RegressionMetrics.of(new double[][] {{6}}, new double[][] {{7}});
    assertEquals(0, off.rSquared());
  }

  @Test
  void accuracyAndConfusionOfAModelAgreeWithTheArrayForms() {
    double[][] inputs = {{3, 1}, {0, 2}, {5, 4}, {1, 0}, {0, 9}};
    double[][] targets = {{1, 0}, {0, 1}, {0, 1}, {1, 0}, {1, 0}};
    Dataset data = Dataset.of(inputs, targets);
    assertEquals(0.6, Accuracy.of(passThrough(), data), EPS);
    assertEquals(0.6, Accuracy.of(inputs, targets), EPS);
    ConfusionMatrix m = ConfusionMatrix.of(passThrough(), data);
    assertEquals(m.toString(), ConfusionMatrix.of(inputs, targets).toString());
    assertEquals(2, m.count(0, 0));
    assertEquals(1, m.count(0, 1));
    assertEquals(1, m.count(1, 0));
    assertEquals(1, m.count(1, 1));
  }

  @Test
  void accuracyOfOneSigmoidLikeOutputUsesTheThreshold() {
    Dataset data = Dataset.of(new double[][] {{0.7}, {0.5}, {0.2}}, new double[][] {{1}, {0}, {0}});
    assertEquals(2.0 / 3, Accuracy.of(line(1, 0), data), EPS);
  }

  @Test
  void refusesADatasetThatDoesNotFitTheModel() {
    Dataset data = Dataset.of(new double[][] {{1, 2}}, new double[][] {{1}});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Accuracy.of(line(1, 0), data));
    assertEquals("the dataset must have 1 inputs and 1 targets per sample for Line, but had 2 "
        + "and 1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.of(line(1, 0),
        Dataset.of(new double[0][], new double[0][])));
  }

  @Test
  void meanLossUsesTheNetworksLossAndAgreesWithTheArrayForm() {
    // predictions 1, 3, 5 against targets 1, 2, 6: squared errors 0, 1, 1.
    Dataset data = Dataset.of(new double[][] {{0}, {1}, {2}}, new double[][] {{1}, {2}, {6}});
    assertEquals(2.0 / 3, MeanLoss.of(line(2, 1), data), EPS);
    assertEquals(2.0 / 3, MeanLoss.of(Loss.MEAN_SQUARED_ERROR,
        new double[][] {{1}, {3}, {5}}, new double[][] {{1}, {2}, {6}}), EPS);
    assertEquals(1.0 / 3, MeanLoss.of(Loss.HUBER,
        new double[][] {{1}, {3}, {5}}, new double[][] {{1}, {2}, {6}}), EPS);
  }
}
