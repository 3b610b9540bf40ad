package dev.neurite.processor;

import static dev.neurite.processor.RandomArrays.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.TrainableModel;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated class against the reference interpreter: same outputs and same gradients for
 * the same parameters, on seeded random inputs and weights.
 */
class GeneratedVersusReferenceTest {
  private static final String SOURCE = """
      package test;

      import dev.neurite.dsl.*;
      import dev.neurite.runtime.*;

      @Network(loss = Loss.LOSS, precision = Precision.PRECISION)
      @Input(3)
      @Dense(units = 5, activation = Activation.HIDDEN)
      @Dense(units = 4, activation = Activation.HIDDEN)
      @Dense(units = OUT, activation = Activation.OUTPUT)
      class Net {}
      """;

  @ParameterizedTest(name = "{0} {1}/{2} {3} outputs, {4}, unroll limit {5}")
  @CsvSource({
      "TANH, SIGMOID, BINARY_CROSS_ENTROPY, 1, DOUBLE, 256",
      "TANH, SIGMOID, BINARY_CROSS_ENTROPY, 1, FLOAT, 256",
      "RELU, SOFTMAX, CATEGORICAL_CROSS_ENTROPY, 3, DOUBLE, 256",
      "RELU, SOFTMAX, CATEGORICAL_CROSS_ENTROPY, 3, FLOAT, 256",
      "SIGMOID, IDENTITY, MEAN_SQUARED_ERROR, 2, DOUBLE, 256",
      "LEAKY_RELU, SOFTMAX, MEAN_SQUARED_ERROR, 3, DOUBLE, 256",
      "ELU, TANH, HUBER, 2, DOUBLE, 256",
      "TANH, SIGMOID, BINARY_CROSS_ENTROPY, 1, DOUBLE, 0",
      "RELU, SOFTMAX, CATEGORICAL_CROSS_ENTROPY, 3, FLOAT, 0",
      "ELU, TANH, HUBER, 2, DOUBLE, 0",
      "SIGMOID, SOFTMAX, CATEGORICAL_CROSS_ENTROPY, 3, DOUBLE, 12",
  })
  void generatedMatchesInterpreter(
      String hidden, String output, String loss, int outputs, String precision, int limit) {
    String code = SOURCE.replace("HIDDEN", hidden).replace("OUTPUT", output)
        .replace("LOSS", loss).replace("OUT", String.valueOf(outputs))
        .replace("PRECISION", precision);
    TrainableModel generated = Compiled.instance("test.Net", code, "test.NetNet",
        TrainableModel.class, "-Aneurite.unrollLimit=" + limit);
    ReferenceNetwork reference = new ReferenceNetwork(generated.spec());
    double tolerance = precision.equals("FLOAT") ? 1e-5 : 1e-12;
    SplittableRandom random = new SplittableRandom(3);
    for (int trial = 0; trial < 25; trial++) {
      compareOnRandomSample(generated, reference, random, tolerance);
    }
  }

  private static void compareOnRandomSample(
      TrainableModel generated, TrainableModel reference, SplittableRandom random,
      double tolerance) {
    double[] parameters = uniform(random, generated.parameterCount(), 1);
    generated.setParameters(parameters);
    reference.setParameters(parameters);
    double[] input = uniform(random, generated.inputSize(), 2);
    double[] target = uniform(random, generated.outputSize(), 1);
    for (int k = 0; k < target.length; k++) {
      target[k] = Math.abs(target[k]);
    }
    double[] expectedGradient = new double[parameters.length];
    double[] actualGradient = new double[parameters.length];
    double expectedLoss = reference.forwardBackward(input, target, expectedGradient);
    double actualLoss = generated.forwardBackward(input, target, actualGradient);
    assertClose(expectedLoss, actualLoss, tolerance, "loss");
    for (int i = 0; i < parameters.length; i++) {
      assertClose(expectedGradient[i], actualGradient[i], tolerance, "gradient " + i);
    }
    double[] expectedOutput = new double[generated.outputSize()];
    double[] actualOutput = new double[generated.outputSize()];
    reference.predict(input, expectedOutput);
    generated.predict(input, actualOutput);
    for (int k = 0; k < expectedOutput.length; k++) {
      assertClose(expectedOutput[k], actualOutput[k], tolerance, "output " + k);
    }
    assertEquals(reference.spec(), generated.spec());
  }

  static void assertClose(double expected, double actual, double tolerance, String what) {
    double scale = Math.max(1, Math.abs(expected));
    assertTrue(Math.abs(expected - actual) <= tolerance * scale,
        what + ": expected " + expected + " but was " + actual);
  }
}
