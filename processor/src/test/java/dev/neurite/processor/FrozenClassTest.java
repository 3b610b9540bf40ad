package dev.neurite.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.processor.freeze.Freezer;
import dev.neurite.processor.plan.Budget;
import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.data.Standardizer;
import dev.neurite.runtime.io.ModelExtras;
import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.train.TrainableModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A frozen class, compiled with plain javac at Java 8 and run in a fresh JVM whose class path
 * holds nothing but it (and the harness that feeds it), predicts bit for bit what the trained
 * model it came from predicts, allocates nothing per call, and is a class file HotSpot compiles
 * whole: version 52, every method under the bytecode budget, no reference to Neurite.
 */
class FrozenClassTest {
  private static final String DECLARATION = """
      package test;

      import dev.neurite.dsl.*;
      import dev.neurite.runtime.*;

      @Network(name = "Trained", loss = Loss.LOSS, precision = Precision.PRECISION,
          trainable = false)
      @Input(INPUTS)
      LAYERS
      class Declared {}
      """;

  /** Every activation, in both layer shapes (unrolled up to 16 multiply-adds, loops above). */
  private static final String EVERY_ACTIVATION = String.join("\n",
      "@Dense(units = 5, activation = Activation.SIGMOID)",
      "@Dense(units = 3, activation = Activation.TANH)",
      "@Dense(units = 9, activation = Activation.RELU, dropout = 0.25)",
      "@Dense(units = 4, activation = Activation.LEAKY_RELU, alpha = 0.2)",
      "@Dense(units = 4, activation = Activation.ELU, alpha = 0.7)",
      "@Dense(units = 7, activation = Activation.SELU)",
      "@Dense(units = 3, activation = Activation.SOFTPLUS)",
      "@Dense(units = 6, activation = Activation.SOFTSIGN, bias = false)",
      "@Dense(units = 2, activation = Activation.SILU)",
      "@Dense(units = 8, activation = Activation.GELU)",
      "@Dense(units = 3, activation = Activation.HARD_SIGMOID)",
      "@Dense(units = 6, activation = Activation.BINARY_STEP)",
      "@Dense(units = 3, activation = Activation.IDENTITY)");

  @TempDir Path dir;

  static Stream<Arguments> networks() {
    return Stream.of(
        Arguments.of("W1 2-4-1", "BINARY_CROSS_ENTROPY", "FLOAT", 2,
            dense(4, "TANH") + dense(1, "SIGMOID"), false),
        Arguments.of("W2 4-16-3, standardizer", "CATEGORICAL_CROSS_ENTROPY", "FLOAT", 4,
            dense(16, "RELU") + dense(3, "SOFTMAX"), true),
        Arguments.of("W3 64-32-10", "CATEGORICAL_CROSS_ENTROPY", "DOUBLE", 64,
            dense(32, "RELU") + dense(10, "SOFTMAX"), false),
        Arguments.of("W4 784-256-128-10, standardizer", "CATEGORICAL_CROSS_ENTROPY", "FLOAT",
            784, dense(256, "RELU") + dense(128, "RELU") + dense(10, "SOFTMAX"), true),
        Arguments.of("every activation, float", "MEAN_SQUARED_ERROR", "FLOAT", 6,
            EVERY_ACTIVATION, true),
        Arguments.of("every activation, double", "MEAN_SQUARED_ERROR", "DOUBLE", 6,
            EVERY_ACTIVATION, false),
        Arguments.of("2.1M parameters 784-2048-256-10", "CATEGORICAL_CROSS_ENTROPY", "FLOAT",
            784, dense(2048, "RELU") + dense(256, "TANH") + dense(10, "SOFTMAX"), false));
  }

  private static String dense(int units, String activation) {
    return "@Dense(units = " + units + ", activation = Activation." + activation + ")\n";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void predictsBitForBitWhatTheTrainedModelPredicts(String name, String loss, String precision,
      int inputs, String layers, boolean standardize) throws Exception {
    TrainableModel trained = Compiled.instance("test.Declared", DECLARATION
        .replace("LOSS", loss).replace("PRECISION", precision)
        .replace("INPUTS", Integer.toString(inputs)).replace("LAYERS", layers), "test.Trained",
        TrainableModel.class);
    SplittableRandom random = new SplittableRandom(name.hashCode());
    trained.setParameters(RandomArrays.uniform(random, trained.parameterCount(), 0.5));
    Standardizer standardizer = standardize ? Standardizer.of(
        RandomArrays.uniform(random, inputs, 3), positive(random, inputs)) : null;
    Path file = dir.resolve("trained.nrt");
    ModelFile.save(trained, file, standardizer == null ? ModelExtras.none()
        : ModelExtras.builder().standardizer(standardizer).build());

    long started = System.nanoTime();
    Path source = new Freezer("com.acme", "Frozen").writeTo(file, dir.resolve("src"));
    Path harness = dir.resolve("src/Harness.java");
    boolean floats = trained instanceof FloatModel;
    boolean classifier = loss.contains("CROSS_ENTROPY");
    int calls = inputs > 500 ? 200 : 20_000;
    IsolatedRun.write(harness, IsolatedRun.harness("com.acme.Frozen", floats, classifier,
        trained.outputSize(), calls));
    Path classes = dir.resolve("classes");
    IsolatedRun.javac(classes, source, harness);
    System.out.printf("%s: %,d parameters, source %,d bytes, class %,d bytes, frozen and "
            + "compiled in %.1f s%n", name, trained.parameterCount(), Files.size(source),
        Files.size(classes.resolve("com/acme/Frozen.class")),
        (System.nanoTime() - started) / 1e9);

    double[][] samples = new double[8][];
    StringBuilder input = new StringBuilder();
    for (int k = 0; k < samples.length; k++) {
      samples[k] = RandomArrays.uniform(random, inputs, 4);
      if (floats) {
        for (int i = 0; i < inputs; i++) {
          samples[k][i] = (float) samples[k][i];
        }
      }
      input.append(bits(samples[k], floats)).append('\n');
    }
    List<String> lines = IsolatedRun.run(classes, input.toString());
    for (int k = 0; k < samples.length; k++) {
      double[] x = samples[k].clone();
      if (standardizer != null) {
        standardizer.transformInPlace(x);
      }
      double[] expected = new double[trained.outputSize()];
      trained.predict(x, expected);
      String line = bits(expected, floats);
      if (classifier) {
        line += " class " + dev.neurite.runtime.metrics.Classes.of(expected);
      }
      assertEquals(line, lines.get(k).trim(), name + ", sample " + k);
    }
    String allocation = lines.get(samples.length);
    assertTrue(allocation.matches("allocated \\d+ bytes in \\d+ calls"), allocation);
    long allocated = Long.parseLong(allocation.split(" ")[1]);
    assertTrue(allocated < calls, name + ": " + allocation);
    assertCompilesWhole(Files.readAllBytes(classes.resolve("com/acme/Frozen.class")));
  }

  private static double[] positive(SplittableRandom random, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextDouble(0.25, 4);
    }
    return values;
  }

  /** The raw bits of each value in the precision, as the harness reads and prints them. */
  private static String bits(double[] values, boolean floats) {
    List<String> words = new ArrayList<>();
    for (double v : values) {
      words.add(floats ? Integer.toHexString(Float.floatToRawIntBits((float) v))
          : Long.toHexString(Double.doubleToRawLongBits(v)));
    }
    return String.join(" ", words);
  }

  /** Version 52 (Java 8), every method under the budget, nothing of Neurite referenced. */
  private static void assertCompilesWhole(byte[] classFile) {
    ClassFileSizes sizes = ClassFileSizes.of(classFile);
    assertEquals(52, sizes.majorVersion());
    for (Map.Entry<String, Integer> method : sizes.methodBytes().entrySet()) {
      assertTrue(method.getValue() <= Budget.METHOD_BYTES, method.getKey() + " has "
          + method.getValue() + " bytes");
    }
    for (String constant : sizes.utf8()) {
      assertFalse(constant.contains("dev/neurite") || constant.contains("dev.neurite"),
          "the constant pool names Neurite: " + constant);
    }
  }

  @Test
  void theSameFileGivesTheSameSourceByteForByte() throws IOException {
    TrainableModel trained = Compiled.instance("test.Declared", DECLARATION.replace("LOSS",
            "CATEGORICAL_CROSS_ENTROPY").replace("PRECISION", "FLOAT").replace("INPUTS", "4")
        .replace("LAYERS", dense(16, "RELU") + dense(3, "SOFTMAX")), "test.Trained",
        TrainableModel.class);
    Path file = dir.resolve("iris.nrt");
    ModelFile.save(trained, file);
    Path copy = Files.copy(file, dir.resolve("copy.nrt"));
    Freezer freezer = new Freezer("com.acme", "Iris");
    String first = freezer.source(file);
    assertEquals(first, freezer.source(file));
    assertEquals(first.replace("iris.nrt", "copy.nrt"), freezer.source(copy));
    assertTrue(first.contains("SHA-256"), first);
  }
}
