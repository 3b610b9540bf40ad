package dev.neurite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.neurite.processor.GeneratedVersusReferenceTest.assertClose;
import static dev.neurite.processor.RandomArrays.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The grouped training pass of networks made of loop layers (samples taken eight at a time, the
 * rest one by one) against the same class's per-sample {@code forwardBackward}, summed: every
 * batch size around the group size, sub-ranges of a shuffled order, with and without biases,
 * fused and unfused losses, dropout in training mode. Also the parameter copies: the rows and the
 * transposed columns that {@code setParameters} fills (sizes that are not multiples of the
 * transpose's strip, and a first layer of more than one strip, whose columns alone are kept),
 * read back exactly and run against the interpreter.
 */
class BatchedTrainingTest {
  private static final int SAMPLES = 40;
  /** The generated classes' group: the samples that go through each layer together. */
  private static final int GROUP = 8;
  private static ClassLoader classes;

  @BeforeAll
  static void compileNetworks() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (Precision precision : Precision.values()) {
      for (NetworkSpec spec : specs(precision)) {
        // Unroll limit 0: every dense layer a loop, so the grouped pass applies.
        sources.add(ModelEmitter.emit(new Planner(0).plan("batched", "batched.Test", spec))
            .toJavaFileObject());
      }
    }
    Compilation compilation = javac()
        .withOptions("--release", "8", "-Xlint:all,-options", "-Werror").compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    classes = Compiled.loader(compilation);
  }

  static List<NetworkSpec> specs(Precision precision) {
    return Arrays.asList(
        NetworkSpec.of("Bias" + precision, 13, Arrays.asList(
            LayerSpec.dense(19, Activation.RELU), LayerSpec.dense(9, Activation.TANH),
            LayerSpec.dense(3, Activation.SOFTMAX)), Loss.CATEGORICAL_CROSS_ENTROPY,
            precision, 1),
        NetworkSpec.of("NoBias" + precision, 11, Arrays.asList(
            LayerSpec.dense(17, Activation.ELU, 1.0, false),
            LayerSpec.dense(2, Activation.SIGMOID, 0, false)), Loss.MEAN_SQUARED_ERROR,
            precision, 2),
        NetworkSpec.of("Dropout" + precision, 10, Arrays.asList(LayerSpec.dropout(0.2),
            LayerSpec.dense(12, Activation.RELU), LayerSpec.dropout(0.5),
            LayerSpec.dense(8, Activation.TANH, 0, false), LayerSpec.dropout(0.3),
            LayerSpec.dense(1, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, precision, 3));
  }

  static List<NetworkSpec> allSpecs() {
    List<NetworkSpec> all = new ArrayList<>(specs(Precision.FLOAT));
    all.addAll(specs(Precision.DOUBLE));
    return all;
  }

  /** Sub-ranges of 1 to 33 samples, at group boundaries and off them; and none. */
  @ParameterizedTest(name = "{0}: samples {1} to {2}")
  @CsvSource({
      "BiasFLOAT, 0, 1", "BiasFLOAT, 2, 5", "BiasFLOAT, 0, 4", "BiasFLOAT, 3, 8",
      "BiasFLOAT, 0, 32", "BiasFLOAT, 5, 38", "BiasFLOAT, 7, 7", "BiasFLOAT, 0, 8",
      "BiasFLOAT, 3, 12", "BiasFLOAT, 1, 18",
      "NoBiasFLOAT, 1, 4", "NoBiasFLOAT, 4, 8", "NoBiasFLOAT, 6, 11", "NoBiasFLOAT, 8, 40",
      "NoBiasFLOAT, 0, 33",
      "DropoutFLOAT, 0, 1", "DropoutFLOAT, 9, 12", "DropoutFLOAT, 0, 5", "DropoutFLOAT, 1, 33",
      "DropoutFLOAT, 7, 40", "DropoutFLOAT, 2, 10", "DropoutFLOAT, 0, 17",
      "BiasDOUBLE, 0, 33", "BiasDOUBLE, 2, 5", "NoBiasDOUBLE, 5, 37", "DropoutDOUBLE, 3, 36",
      "DropoutDOUBLE, 0, 4", "BiasDOUBLE, 4, 13", "NoBiasDOUBLE, 0, 8",
  })
  void batchEqualsTheSumOfItsSamples(String name, int from, int to) {
    TrainableModel model = instance(name);
    boolean dropout = name.startsWith("Dropout");
    model.setTraining(dropout);
    double tolerance = name.endsWith("FLOAT") ? 1e-5 : 1e-12;
    SplittableRandom random = new SplittableRandom(name.hashCode() * 31L + from * 7L + to);
    Dataset data = dataset(model, random);
    int[] order = shuffled(random);
    for (int trial = 0; trial < 3; trial++) {
      model.setParameters(uniform(random, model.parameterCount(), dropout ? 0.5 : 1));
      double[] expected = uniform(random, model.parameterCount(), 1);
      double[] actual = expected.clone(); // both add to what is there
      model.setDropoutSeed(trial);
      double expectedLoss = 0;
      for (int k = from; k < to; k++) {
        expectedLoss += model.forwardBackward(data.input(order[k]), data.target(order[k]),
            expected);
      }
      model.setDropoutSeed(trial);
      double actualLoss = model.forwardBackwardBatch(data, order, from, to, actual);
      assertClose(expectedLoss, actualLoss, tolerance, name + " loss");
      for (int i = 0; i < expected.length; i++) {
        assertClose(expected[i], actual[i], tolerance, name + " gradient [" + i + "]");
      }
    }
  }

  /** The networks above take the grouped path at all (else the checks would prove nothing). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("allSpecs")
  void everyNetworkHereTrainsInGroups(NetworkSpec spec) throws ReflectiveOperationException {
    classes.loadClass("batched." + spec.name())
        .getDeclaredMethod("trainGroup", Dataset.class, int[].class, int.class);
  }

  /** A group is not its first sample counted eight times: the check above can tell them apart. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("allSpecs")
  void samplesOfAGroupAreNotInterchangeable(NetworkSpec spec) {
    TrainableModel model = instance(spec.name());
    SplittableRandom random = new SplittableRandom(5);
    Dataset data = dataset(model, random);
    model.setParameters(uniform(random, model.parameterCount(), 1));
    double[] mixed = new double[model.parameterCount()];
    double[] repeated = new double[model.parameterCount()];
    int[] distinct = new int[GROUP];
    for (int k = 0; k < GROUP; k++) {
      distinct[k] = k;
    }
    model.forwardBackwardBatch(data, distinct, 0, GROUP, mixed);
    model.forwardBackwardBatch(data, new int[GROUP], 0, GROUP, repeated);
    assertNotEquals(Arrays.toString(mixed), Arrays.toString(repeated));
  }

  /**
   * setParameters then getParameters gives the parameters back, rounded to the precision once;
   * and the transposed copy that predict runs on holds the same weights (the interpreter's
   * outputs).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("allSpecs")
  void parametersRoundTripAndDriveTheForwardPass(NetworkSpec spec) {
    TrainableModel model = instance(spec.name());
    ReferenceNetwork reference = new ReferenceNetwork(spec);
    boolean single = spec.precision() == Precision.FLOAT;
    SplittableRandom random = new SplittableRandom(spec.name().hashCode());
    for (int trial = 0; trial < 3; trial++) {
      double[] parameters = uniform(random, spec.parameterCount(), 1);
      model.setParameters(parameters);
      reference.setParameters(parameters);
      double[] back = new double[parameters.length];
      model.getParameters(back);
      for (int i = 0; i < parameters.length; i++) {
        assertEquals(single ? (float) parameters[i] : parameters[i], back[i],
            "parameter " + i);
      }
      double[] input = uniform(random, spec.inputSize(), 2);
      double[] expected = new double[spec.outputSize()];
      double[] actual = new double[spec.outputSize()];
      reference.predict(input, expected);
      model.predict(input, actual);
      for (int k = 0; k < expected.length; k++) {
        assertClose(expected[k], actual[k], single ? 1e-5 : 1e-12, spec.name() + " output");
      }
    }
  }

  private static Dataset dataset(TrainableModel model, SplittableRandom random) {
    double[][] inputs = new double[SAMPLES][];
    double[][] targets = new double[SAMPLES][];
    for (int k = 0; k < SAMPLES; k++) {
      inputs[k] = uniform(random, model.inputSize(), 2);
      targets[k] = uniform(random, model.outputSize(), 1);
      for (int j = 0; j < targets[k].length; j++) {
        targets[k][j] = Math.abs(targets[k][j]);
      }
    }
    return Dataset.of(inputs, targets);
  }

  private static int[] shuffled(SplittableRandom random) {
    int[] order = new int[SAMPLES];
    for (int k = 0; k < SAMPLES; k++) {
      order[k] = k;
    }
    for (int k = SAMPLES - 1; k > 0; k--) {
      int j = random.nextInt(k + 1);
      int swap = order[k];
      order[k] = order[j];
      order[j] = swap;
    }
    return order;
  }

  private static TrainableModel instance(String name) {
    try {
      return (TrainableModel) classes.loadClass("batched." + name).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
