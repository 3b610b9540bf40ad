package dev.neurite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.neurite.processor.GeneratedVersusReferenceTest.assertClose;
import static dev.neurite.processor.RandomArrays.uniform;

import com.google.testing.compile.Compilation;
import dev.neurite.processor.emit.ModelEmitter;
import dev.neurite.processor.plan.Planner;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.TrainableModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole vocabulary in generated code against the reference interpreter: every
 * {@link Activation} and every {@link Loss} constant (HUBER also with a delta of 0.3), dropout in
 * training mode, both precisions, unrolled and loop layers in the same network. Outputs, loss,
 * and every gradient (through {@code forwardBackward} and through {@code forward} +
 * {@code backward}) must agree to 1e-12 in double and 1e-5 in float, relative to magnitudes of
 * at least 1.
 *
 * <p>All networks are generated from specs (no annotation needed) and compiled in one javac run,
 * at {@code --release 8} with {@code -Xlint:all -Werror}.
 */
class VocabularyTest {
  private static ClassLoader classes;

  @BeforeAll
  static void compileEveryNetwork() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (Precision precision : Precision.values()) {
      for (Activation f : Activation.values()) {
        sources.add(source(activationNetwork(f, precision)));
      }
      for (Loss loss : Loss.values()) {
        sources.add(source(lossNetwork(loss, precision)));
      }
      sources.add(source(dropoutNetwork(precision)));
      sources.add(source(huberDeltaNetwork(precision)));
    }
    // At Java 8 and with every lint as an error, so the whole vocabulary meets both bars.
    Compilation compilation = javac()
        .withOptions("--release", "8", "-Xlint:all,-options", "-Werror").compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    classes = Compiled.loader(compilation);
  }

  private static JavaFileObject source(NetworkSpec spec) {
    return ModelEmitter.emit(new Planner(Planner.DEFAULT_UNROLL_LIMIT)
        .plan("vocabulary", "vocabulary.Test", spec)).toJavaFileObject();
  }

  /**
   * Input 3, then {@code f} in an unrolled layer (3x5), a loop layer (5x70) and an unrolled
   * output (70x2); softmax only fits the output, after tanh hidden layers.
   */
  static NetworkSpec activationNetwork(Activation f, Precision precision) {
    Activation hidden = f == Activation.SOFTMAX ? Activation.TANH : f;
    double alpha = f.hasParameter() ? 0.3 : f.defaultParameter();
    List<LayerSpec> layers = Arrays.asList(LayerSpec.dense(5, hidden, alpha, true),
        LayerSpec.dense(70, hidden, alpha, false), LayerSpec.dense(2, f, alpha, true));
    return NetworkSpec.of("Activation" + f + precision, 3, layers, Loss.MEAN_SQUARED_ERROR,
        precision, 1);
  }

  /** A tanh network whose output activation fits {@code loss}, so fused gradients are used. */
  static NetworkSpec lossNetwork(Loss loss, Precision precision) {
    Activation output = loss.fusedActivation() == null ? Activation.IDENTITY
        : loss.fusedActivation();
    List<LayerSpec> layers = Arrays.asList(LayerSpec.dense(70, Activation.TANH),
        LayerSpec.dense(4, Activation.GELU), LayerSpec.dense(3, output));
    return NetworkSpec.of("Loss" + loss + precision, 4, layers, loss, precision, 2);
  }

  /** {@link #lossNetwork} for HUBER with a delta of 0.3, which most outputs exceed. */
  static NetworkSpec huberDeltaNetwork(Precision precision) {
    NetworkSpec huber = lossNetwork(Loss.HUBER, precision);
    return NetworkSpec.of("HuberDelta" + precision, huber.inputSize(), huber.layers(),
        Loss.HUBER, 0.3, precision, 2);
  }

  /** Dropout on the inputs, after an unrolled layer, and after a loop layer. */
  static NetworkSpec dropoutNetwork(Precision precision) {
    List<LayerSpec> layers = Arrays.asList(LayerSpec.dropout(0.2),
        LayerSpec.dense(6, Activation.TANH, 0, false), LayerSpec.dropout(0.5),
        LayerSpec.dense(60, Activation.RELU), LayerSpec.dropout(0.3),
        LayerSpec.dense(1, Activation.SIGMOID));
    return NetworkSpec.of("Dropout" + precision, 3, layers, Loss.BINARY_CROSS_ENTROPY,
        precision, 3);
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void everyActivationMatchesTheInterpreterInDouble(Activation f) {
    compare(activationNetwork(f, Precision.DOUBLE), false, 1);
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void everyActivationMatchesTheInterpreterInFloat(Activation f) {
    compare(activationNetwork(f, Precision.FLOAT), false, 1);
  }

  @ParameterizedTest
  @EnumSource(Loss.class)
  void everyLossMatchesTheInterpreter(Loss loss) {
    compare(lossNetwork(loss, Precision.DOUBLE), false, 1);
    compare(lossNetwork(loss, Precision.FLOAT), false, 1);
  }

  @ParameterizedTest
  @EnumSource(Precision.class)
  void theHuberDeltaParameterMatchesTheInterpreter(Precision precision) {
    compare(huberDeltaNetwork(precision), false, 1);
    compareBatch(huberDeltaNetwork(precision), false, 1);
  }

  @ParameterizedTest
  @EnumSource(Precision.class)
  void dropoutDrawsTheInterpretersMasksInTraining(Precision precision) {
    // Smaller weights: the kept values are scaled up, and a sigmoid output saturated to within
    // a float ulp of 1 makes the cross-entropy ill-conditioned in float whatever the code.
    compare(dropoutNetwork(precision), true, 0.5);
    compare(dropoutNetwork(precision), false, 0.5);
  }

  /**
   * The batched training pass (float or double accumulation in the layers' own layouts, one
   * flush per batch) against the interpreter's per-sample default, on a shuffled sub-range.
   */
  @ParameterizedTest
  @EnumSource(Precision.class)
  void batchedTrainingMatchesThePerSampleInterpreter(Precision precision) {
    compareBatch(activationNetwork(Activation.TANH, precision), false, 1);
    compareBatch(lossNetwork(Loss.CATEGORICAL_CROSS_ENTROPY, precision), false, 1);
    compareBatch(dropoutNetwork(precision), true, 0.5);
  }

  private static void compareBatch(NetworkSpec spec, boolean training, double weights) {
    TrainableModel generated = instance(spec);
    ReferenceNetwork reference = new ReferenceNetwork(spec);
    generated.setTraining(training);
    reference.setTraining(training);
    double tolerance = spec.precision() == Precision.FLOAT ? 1e-5 : 1e-12;
    SplittableRandom random = new SplittableRandom(spec.name().hashCode() + 1);
    double[][] inputs = new double[12][];
    double[][] targets = new double[12][];
    for (int k = 0; k < inputs.length; k++) {
      inputs[k] = uniform(random, spec.inputSize(), 2);
      targets[k] = uniform(random, spec.outputSize(), 1);
      for (int j = 0; j < targets[k].length; j++) {
        targets[k][j] = Math.abs(targets[k][j]);
      }
    }
    Dataset data = Dataset.of(inputs, targets);
    int[] order = {5, 3, 11, 0, 7, 2, 9, 1, 4, 10, 8, 6};
    for (int trial = 0; trial < 3; trial++) {
      double[] parameters = uniform(random, spec.parameterCount(), weights);
      generated.setParameters(parameters);
      reference.setParameters(parameters);
      generated.setDropoutSeed(trial);
      reference.setDropoutSeed(trial);
      double[] expected = uniform(random, parameters.length, 1);
      double[] actual = expected.clone(); // the batch adds to what is there
      assertClose(reference.forwardBackwardBatch(data, order, 2, 10, expected),
          generated.forwardBackwardBatch(data, order, 2, 10, actual), tolerance,
          spec.name() + " batch loss");
      assertAllClose(expected, actual, tolerance, spec.name() + " batch gradient");
    }
  }

  private static void compare(NetworkSpec spec, boolean training, double weights) {
    TrainableModel generated = instance(spec);
    ReferenceNetwork reference = new ReferenceNetwork(spec);
    generated.setTraining(training);
    reference.setTraining(training);
    double tolerance = spec.precision() == Precision.FLOAT ? 1e-5 : 1e-12;
    SplittableRandom random = new SplittableRandom(spec.name().hashCode());
    for (int trial = 0; trial < 10; trial++) {
      double[] parameters = uniform(random, spec.parameterCount(), weights);
      generated.setParameters(parameters);
      reference.setParameters(parameters);
      double[] input = uniform(random, spec.inputSize(), 2);
      double[] target = uniform(random, spec.outputSize(), 1);
      for (int k = 0; k < target.length; k++) {
        target[k] = Math.abs(target[k]);
      }
      generated.setDropoutSeed(trial);
      reference.setDropoutSeed(trial);
      double[] expected = new double[parameters.length];
      double[] actual = new double[parameters.length];
      assertClose(reference.forwardBackward(input, target, expected),
          generated.forwardBackward(input, target, actual), tolerance, spec.name() + " loss");
      assertAllClose(expected, actual, tolerance, spec.name() + " forwardBackward gradient");
      compareForwardBackward(generated, reference, random, input, tolerance, spec.name());
      compareOutputs(generated, reference, input, tolerance, spec.name());
    }
  }

  /** The custom-cost path: forward, then backward from an arbitrary output gradient. */
  private static void compareForwardBackward(TrainableModel generated, TrainableModel reference,
      SplittableRandom random, double[] input, double tolerance, String what) {
    long seed = random.nextLong();
    generated.setDropoutSeed(seed);
    reference.setDropoutSeed(seed);
    double[] expectedOutput = new double[generated.outputSize()];
    double[] actualOutput = new double[generated.outputSize()];
    reference.forward(input, expectedOutput);
    generated.forward(input, actualOutput);
    assertAllClose(expectedOutput, actualOutput, tolerance, what + " forward");
    double[] outputGradient = uniform(random, generated.outputSize(), 1);
    double[] expected = new double[generated.parameterCount()];
    double[] actual = new double[generated.parameterCount()];
    reference.backward(outputGradient, expected);
    generated.backward(outputGradient, actual);
    assertAllClose(expected, actual, tolerance, what + " backward gradient");
  }

  private static void compareOutputs(
      TrainableModel generated, TrainableModel reference, double[] input, double tolerance,
      String what) {
    double[] expected = new double[generated.outputSize()];
    double[] actual = new double[generated.outputSize()];
    reference.predict(input, expected);
    generated.predict(input, actual);
    assertAllClose(expected, actual, tolerance, what + " predict");
    double[] parameters = new double[generated.parameterCount()];
    double[] back = new double[generated.parameterCount()];
    reference.getParameters(parameters);
    generated.getParameters(back);
    assertAllClose(parameters, back, tolerance, what + " getParameters");
  }

  private static void assertAllClose(
      double[] expected, double[] actual, double tolerance, String what) {
    for (int i = 0; i < expected.length; i++) {
      assertClose(expected[i], actual[i], tolerance, what + " [" + i + "]");
    }
  }

  private static TrainableModel instance(NetworkSpec spec) {
    try {
      return (TrainableModel) classes.loadClass("vocabulary." + spec.name()).getConstructor()
          .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
