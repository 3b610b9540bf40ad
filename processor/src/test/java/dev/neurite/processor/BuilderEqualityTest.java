package dev.neurite.processor;

import static dev.neurite.processor.RandomArrays.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.TrainableModel;
import java.lang.reflect.Field;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One meaning for the builder form: the spec the processor compiled (the generated class's
 * {@code SPEC}) equals the spec the field holds at run time, and the generated class computes
 * what the reference interpreter computes from that run-time spec.
 */
class BuilderEqualityTest {
  /**
   * Constants from the same class, another class and static imports; several chains, with and
   * without bias, with dropout (the identity here: training mode is off).
   */
  private static final String MODELS = """
      package test;

      import static dev.neurite.runtime.Activation.TANH;

      import dev.neurite.dsl.*;
      import dev.neurite.runtime.*;

      public final class Models {
        static final int HIDDEN = 16;
        static final String NAME = "RegressionNet";

        @Network
        static final NetworkSpec IRIS = Networks.sequential("IrisNet")
            .input(4)
            .dense(HIDDEN, Activation.RELU)
            .dense(3, Activation.SOFTMAX)
            .loss(Loss.CATEGORICAL_CROSS_ENTROPY)
            .build();

        @Network
        static final NetworkSpec LEAKY = Networks.sequential("LeakyNet")
            .input(Sizes.FEATURES)
            .dense(8, Activation.LEAKY_RELU, 0.2)
            .denseWithoutBias(6, Activation.ELU, Sizes.ALPHA)
            .dropout(0.25)
            .dense((5), TANH)
            .dense(1, Activation.SIGMOID)
            .loss(Loss.BINARY_CROSS_ENTROPY)
            .precision(Precision.DOUBLE)
            .seed(-7L)
            .build();

        @Network
        static final NetworkSpec REGRESSION = Networks.sequential(NAME)
            .input(3)
            .dense(5, TANH)
            .dense(2, Activation.IDENTITY)
            .loss(Loss.HUBER)
            .seed(-Sizes.SEED)
            .precision(dev.neurite.runtime.Precision.DOUBLE)
            .build();
      }

      final class Sizes {
        static final int FEATURES = 3;
        static final double ALPHA = 0.5;
        static final long SEED = 1234567890123L;
      }
      """;

  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compiled.compile("test.Models", MODELS);
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError("compilation failed: " + compilation.diagnostics());
    }
    loader = Compiled.loader(compilation);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"IRIS, IrisNet", "LEAKY, LeakyNet", "REGRESSION, RegressionNet"})
  void compiledSpecEqualsTheFieldsSpecAtRunTime(String field, String generated)
      throws ReflectiveOperationException {
    NetworkSpec atRunTime = fieldSpec(field);
    Class<?> generatedClass = loader.loadClass("test." + generated);
    NetworkSpec compiled = (NetworkSpec) generatedClass.getField("SPEC").get(null);
    assertEquals(atRunTime, compiled);
    assertEquals(generated, atRunTime.name());
    assertEquals(atRunTime, newModel(generated).spec());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"IRIS, IrisNet", "LEAKY, LeakyNet", "REGRESSION, RegressionNet"})
  void generatedClassComputesWhatTheInterpreterComputesFromTheFieldsSpec(
      String field, String generated) throws ReflectiveOperationException {
    NetworkSpec spec = fieldSpec(field);
    TrainableModel compiled = newModel(generated);
    TrainableModel interpreted = new ReferenceNetwork(spec);
    double tolerance = spec.precision() == Precision.FLOAT ? 1e-5 : 1e-12;
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 20; trial++) {
      compare(compiled, interpreted, random, tolerance);
    }
  }

  private static void compare(
      TrainableModel compiled, TrainableModel interpreted, SplittableRandom random,
      double tolerance) {
    double[] parameters = uniform(random, interpreted.parameterCount(), 1);
    compiled.setParameters(parameters);
    interpreted.setParameters(parameters);
    double[] input = uniform(random, interpreted.inputSize(), 2);
    double[] target = new double[interpreted.outputSize()];
    target[random.nextInt(target.length)] = 1; // a one-hot target fits every loss used here
    double[] expectedGradient = new double[parameters.length];
    double[] actualGradient = new double[parameters.length];
    assertClose(
        interpreted.forwardBackward(input, target, expectedGradient),
        compiled.forwardBackward(input, target, actualGradient), tolerance, "loss");
    for (int i = 0; i < parameters.length; i++) {
      assertClose(
          expectedGradient[i], actualGradient[i], tolerance, "gradient " + i);
    }
    double[] expected = new double[interpreted.outputSize()];
    double[] actual = new double[interpreted.outputSize()];
    interpreted.predict(input, expected);
    compiled.predict(input, actual);
    for (int k = 0; k < expected.length; k++) {
      assertClose(expected[k], actual[k], tolerance, "output " + k);
    }
  }

  /** Relative above 1, absolute below: outputs and gradients near 0 are compared absolutely. */
  private static void assertClose(double expected, double actual, double tolerance, String what) {
    double scale = Math.max(1, Math.abs(expected));
    assertTrue(Math.abs(expected - actual) <= tolerance * scale,
        what + ": expected " + expected + " but was " + actual);
  }

  /** Reading the field runs the class's initializer: the chain, at run time, on the builder. */
  private static NetworkSpec fieldSpec(String name) throws ReflectiveOperationException {
    Field field = loader.loadClass("test.Models").getDeclaredField(name);
    field.setAccessible(true);
    NetworkSpec spec = (NetworkSpec) field.get(null);
    assertNotNull(spec);
    return spec;
  }

  private static TrainableModel newModel(String generated) throws ReflectiveOperationException {
    return (TrainableModel) loader.loadClass("test." + generated).getConstructor().newInstance();
  }
}
