package dev.neurite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.neurite.processor.GeneratedVersusReferenceTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.init.WeightInit;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.TrainableModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code -Aneurite.vectorApi=true}: loop layers written with the incubating Vector API compute
 * what the interpreter computes, within the precision's tolerance, and exactly what the plain
 * loops compute (same operations in the same order, no fused multiply-add); on sizes that are
 * not whole vectors, so that padding and the one-vector remainder loops run too. Without the
 * option nothing mentions the Vector API.
 */
class VectorApiTest {
  private static final String SOURCE = """
      package test;

      import dev.neurite.dsl.*;
      import dev.neurite.runtime.*;

      @Network(loss = Loss.{loss}, precision = Precision.{precision})
      @Input({in})
      @Dense(units = {hidden}, activation = Activation.{hiddenActivation}, bias = {bias},
          dropout = {dropout})
      @Dense(units = {out}, activation = Activation.{outputActivation})
      class Net {}
      """;
  private static final String VECTOR = "-A" + Options.VECTOR_API + "=true";
  private static final String[] MODULE = {"--add-modules", "jdk.incubator.vector"};
  /** One group of eight samples through the grouped passes, three through the per-sample ones. */
  private static final int BATCH = 11;

  @ParameterizedTest(
      name = "{0}-{1}-{2} {3}/{4} {5}, {6}, bias {7}, unroll limit {8}, dropout {9}")
  @CsvSource({
      "37, 19, 5, RELU, SOFTMAX, CATEGORICAL_CROSS_ENTROPY, FLOAT, true, 0, 0",
      "37, 19, 5, ELU, TANH, HUBER, FLOAT, true, 0, 0.25",
      "37, 19, 5, LEAKY_RELU, IDENTITY, MEAN_SQUARED_ERROR, DOUBLE, false, 0, 0",
      "37, 19, 5, TANH, SIGMOID, BINARY_CROSS_ENTROPY, FLOAT, true, 256, 0",
      "4, 50, 40, SIGMOID, SOFTMAX, CATEGORICAL_CROSS_ENTROPY, FLOAT, true, 256, 0",
      "300, 130, 17, RELU, SOFTMAX, CATEGORICAL_CROSS_ENTROPY, FLOAT, true, 256, 0",
      "300, 130, 17, RELU, SOFTMAX, CATEGORICAL_CROSS_ENTROPY, DOUBLE, false, 256, 0.5",
      "784, 256, 10, RELU, SOFTMAX, CATEGORICAL_CROSS_ENTROPY, FLOAT, true, 256, 0",
  })
  void vectorLayersMatchTheInterpreterAndThePlainLoops(int in, int hidden, int out,
      String hiddenActivation, String outputActivation, String loss, String precision,
      boolean bias, int limit, double dropout) {
    String code = SOURCE.replace("{hidden}", "" + hidden)
        .replace("{hiddenActivation}", hiddenActivation).replace("{loss}", loss)
        .replace("{outputActivation}", outputActivation).replace("{precision}", precision)
        .replace("{bias}", "" + bias).replace("{in}", "" + in).replace("{out}", "" + out)
        .replace("{dropout}", "" + dropout);
    String unroll = "-A" + Options.UNROLL_LIMIT + "=" + limit;
    TrainableModel vector = Compiled.instance("test.Net", code, "test.NetNet", TrainableModel.class,
        unroll, VECTOR, MODULE[0], MODULE[1]);
    TrainableModel loops =
        Compiled.instance("test.Net", code, "test.NetNet", TrainableModel.class, unroll);
    ReferenceNetwork reference = new ReferenceNetwork(vector.spec());
    double tolerance = precision.equals("FLOAT") ? 1e-5 : 1e-12;
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 5; trial++) {
      double[] parameters = perturbed(vector, random);
      for (TrainableModel model : new TrainableModel[] {vector, loops, reference}) {
        model.setParameters(parameters);
        // dropout in training mode: all three draw the same masks from the same seed
        model.setTraining(dropout > 0);
        model.setDropoutSeed(trial);
      }
      Dataset batch = batch(vector, random);
      double[][] expected = run(reference, batch);
      double[][] actual = run(vector, batch);
      for (int row = 0; row < expected.length; row++) {
        for (int k = 0; k < expected[row].length; k++) {
          assertClose(expected[row][k], actual[row][k], tolerance, "row " + row + " value " + k);
        }
      }
      double[][] plain = run(loops, batch);
      for (int row = 0; row < plain.length; row++) {
        assertArrayEquals(plain[row], actual[row], "row " + row + ": not the plain loops'");
      }
    }
  }

  /**
   * Returns, in rows: each sample's outputs, each sample's loss and gradient (single-sample
   * path), the batch's loss and gradient (batched path).
   */
  private static double[][] run(TrainableModel model, Dataset batch) {
    double[][] rows = new double[2 * BATCH + 1][];
    int[] order = new int[BATCH];
    for (int k = 0; k < BATCH; k++) {
      order[k] = BATCH - 1 - k;
      rows[k] = new double[model.outputSize()];
      model.predict(batch.input(k), rows[k]);
      double[] gradient = new double[model.parameterCount() + 1];
      double[] flat = new double[model.parameterCount()];
      gradient[0] = model.forwardBackward(batch.input(k), batch.target(k), flat);
      System.arraycopy(flat, 0, gradient, 1, flat.length);
      rows[BATCH + k] = gradient;
    }
    double[] flat = new double[model.parameterCount()];
    double loss = model.forwardBackwardBatch(batch, order, 0, BATCH, flat);
    rows[2 * BATCH] = new double[flat.length + 1];
    rows[2 * BATCH][0] = loss;
    System.arraycopy(flat, 0, rows[2 * BATCH], 1, flat.length);
    return rows;
  }

  /** The class's own initial weights (scaled to the fan-in), moved a little, biases non-zero. */
  private static double[] perturbed(TrainableModel model, SplittableRandom random) {
    double[] initial = WeightInit.initialize(model.spec(), random.nextLong());
    for (int k = 0; k < initial.length; k++) {
      initial[k] += random.nextDouble(-0.05, 0.05);
    }
    return initial;
  }

  private static Dataset batch(TrainableModel model, SplittableRandom random) {
    double[][] inputs = new double[BATCH][model.inputSize()];
    double[][] targets = new double[BATCH][model.outputSize()];
    for (int k = 0; k < BATCH; k++) {
      for (int i = 0; i < inputs[k].length; i++) {
        inputs[k][i] = random.nextDouble(-2, 2);
      }
      targets[k][random.nextInt(targets[k].length)] = 1;
    }
    return Dataset.of(inputs, targets);
  }

  @Test
  void withoutTheOptionNothingMentionsTheVectorApi() {
    String code = bigNet();
    String plain = generatedSource(Compiled.compile("test.Big", code));
    assertFalse(plain.contains("jdk.incubator"), plain);
    String vector = generatedSource(Compiled.compile("test.Big", code, VECTOR, MODULE[0],
        MODULE[1]));
    assertTrue(vector.contains("jdk.incubator.vector.FloatVector"), vector);
    assertTrue(vector.contains("FloatVector.SPECIES_PREFERRED"), vector);
    assertFalse(vector.toLowerCase(Locale.ROOT).contains("fma"),
        "the project's rule: no fused multiply-add");
  }

  @Test
  void theOptionLeavesNetworksWithoutLoopLayersAlone() {
    Compilation compilation = Compiled.compile("test.Xor", ProcessorTest.XOR, VECTOR);
    assertThat(compilation).succeeded();
    assertFalse(generatedSource(compilation).contains("jdk.incubator"));
  }

  @Test
  void doubleNetworksUseDoubleVectors() {
    String vector = generatedSource(Compiled.compile("test.Big",
        bigNet().replace("@Network(", "@Network(precision = Precision.DOUBLE, "), VECTOR,
        MODULE[0], MODULE[1]));
    assertTrue(vector.contains("DoubleVector.SPECIES_PREFERRED"), vector);
  }

  @Test
  void aValueOtherThanTrueOrFalseIsAnError() {
    for (String bad : new String[] {"yes", "TRUE1", ""}) {
      Compilation compilation = Compiled.compile("test.Big", bigNet(),
          "-A" + Options.VECTOR_API + "=" + bad);
      assertThat(compilation).failed();
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation).hadErrorContaining("-A" + Options.VECTOR_API
          + " must be true or false, but was \"" + bad + "\"");
    }
  }

  private static String bigNet() {
    return """
        package test;

        import dev.neurite.dsl.*;
        import dev.neurite.runtime.*;

        @Network(name = "BigNet", loss = Loss.CATEGORICAL_CROSS_ENTROPY)
        @Input(40)
        @Dense(units = 20, activation = Activation.RELU)
        @Dense(units = 3, activation = Activation.SOFTMAX)
        class Big {}
        """;
  }

  private static String generatedSource(Compilation compilation) {
    assertThat(compilation).succeeded();
    try {
      return compilation.generatedSourceFiles().get(0).getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
