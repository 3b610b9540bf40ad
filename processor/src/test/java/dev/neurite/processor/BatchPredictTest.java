package dev.neurite.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.Model;
import dev.neurite.runtime.init.WeightInit;
import dev.neurite.runtime.train.TrainableModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated batch {@code predict(inputs, outputs, count)}: every sample's outputs are those
 * of the single-sample {@code predict}, bit for bit, in both precisions and both array types,
 * for every activation, with and without bias, with dropout (in training mode: predict never
 * drops), for counts around the tile and a batch of 256; loop
 * layers by tiles (limit 0), with the Vector API too, and unrolled layers sample by sample.
 * Values beyond {@code count} samples stay untouched; bad arguments are refused by name.
 */
class BatchPredictTest {
  /** Around tiles of 4 and of 8 samples (the emitter's tile is one of them), and 256. */
  private static final int[] COUNTS = {0, 1, 3, 4, 5, 7, 8, 9, 19, 256};
  private static final String[] MODULE = {"--add-modules", "jdk.incubator.vector"};

  @ParameterizedTest(name = "unroll limit {0}, vector API {1}")
  @CsvSource({"0, false", "1000000, false", "0, true"})
  void batchOutputsAreTheSingleSampleOutputsBitForBit(int unrollLimit, boolean vectorApi) {
    List<String> options = new ArrayList<>(List.of("-Aneurite.unrollLimit=" + unrollLimit));
    if (vectorApi) {
      options.addAll(List.of("-A" + Options.VECTOR_API + "=true", MODULE[0], MODULE[1]));
    }
    Compilation compilation = Compiled.compile("test.Nets", source(), options.toArray(
        new String[0]));
    assertEquals(Compilation.Status.SUCCESS, compilation.status(),
        () -> compilation.diagnostics().toString());
    ClassLoader loader = Compiled.loader(compilation);
    SplittableRandom random = new SplittableRandom(15);
    for (String name : names()) {
      TrainableModel model = load(loader, "test." + name + "Net");
      model.setParameters(perturbed(model, random));
      model.setTraining(true); // predict drops nothing, whatever the mode
      for (int count : COUNTS) {
        String what = name + ", " + count + " samples";
        assertDoubleBatch(model, random, count, what);
        if (model instanceof FloatModel) {
          assertFloatBatch((FloatModel) model, random, count, what);
        }
      }
    }
  }

  private static void assertDoubleBatch(Model model, SplittableRandom random, int count,
      String what) {
    int in = model.inputSize();
    int out = model.outputSize();
    double[] inputs = values(random, count * in + 2);
    double[] outputs = new double[count * out + 3];
    Arrays.fill(outputs, -7.5);
    model.predict(inputs, outputs, count);
    double[] output = new double[out];
    for (int k = 0; k < count; k++) {
      model.predict(Arrays.copyOfRange(inputs, k * in, (k + 1) * in), output);
      assertArrayEquals(output, Arrays.copyOfRange(outputs, k * out, (k + 1) * out),
          what + ", sample " + k);
    }
    for (int k = count * out; k < outputs.length; k++) {
      assertEquals(-7.5, outputs[k], what + ": beyond the samples");
    }
  }

  private static void assertFloatBatch(FloatModel model, SplittableRandom random, int count,
      String what) {
    int in = model.inputSize();
    int out = model.outputSize();
    double[] values = values(random, count * in + 2);
    float[] inputs = new float[values.length];
    for (int k = 0; k < values.length; k++) {
      inputs[k] = (float) values[k];
    }
    float[] outputs = new float[count * out + 3];
    Arrays.fill(outputs, -7.5f);
    model.predict(inputs, outputs, count);
    float[] output = new float[out];
    for (int k = 0; k < count; k++) {
      model.predict(Arrays.copyOfRange(inputs, k * in, (k + 1) * in), output);
      assertArrayEquals(output, Arrays.copyOfRange(outputs, k * out, (k + 1) * out),
          what + ", float sample " + k);
    }
    for (int k = count * out; k < outputs.length; k++) {
      assertEquals(-7.5f, outputs[k], what + ": beyond the float samples");
    }
  }

  @Test
  void badArgumentsAreRefusedByNameBeforeAnyOutput() {
    FloatModel model = Compiled.instance("test.Nets", source(), "test.N0Net", FloatModel.class,
        "-Aneurite.unrollLimit=0");
    int in = model.inputSize();
    int out = model.outputSize();
    float[] outputs = new float[2 * out];
    Arrays.fill(outputs, 3f);
    refused("count", () -> model.predict(new float[in], outputs, -1));
    refused("inputs", () -> model.predict((float[]) null, outputs, 1));
    refused("outputs", () -> model.predict(new float[2 * in], null, 1));
    refused("inputs", () -> model.predict(new float[2 * in - 1], outputs, 2));
    refused("outputs", () -> model.predict(new float[3 * in], outputs, 3));
    refused("inputs", () -> model.predict(new double[in], new double[2 * out], 2));
    float[] untouched = new float[2 * out];
    Arrays.fill(untouched, 3f);
    assertArrayEquals(untouched, outputs, "a refused call writes nothing");
    model.predict(new float[0], new float[0], 0); // nothing to do, nothing refused
  }

  private static void refused(String argument, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().startsWith(argument + " "), e.getMessage());
  }

  /**
   * One network per case, named N0, N1, ...: every hidden activation in both precisions (9
   * inputs: two whole column groups and one column left over), then softmax outputs after
   * dropout, and layers without bias.
   */
  private static String source() {
    StringBuilder s = new StringBuilder("package test;\n\nimport dev.neurite.dsl.*;\n"
        + "import dev.neurite.runtime.*;\n\n");
    int k = 0;
    for (String precision : new String[] {"FLOAT", "DOUBLE"}) {
      for (Activation f : Activation.values()) {
        if (f == Activation.SOFTMAX) {
          continue;
        }
        s.append(network(k++, "MEAN_SQUARED_ERROR", precision, f == Activation.BINARY_STEP,
            9, "@Dense(units = 6, activation = Activation." + f + ")",
            "@Dense(units = 5, activation = Activation.IDENTITY)"));
      }
      s.append(network(k++, "CATEGORICAL_CROSS_ENTROPY", precision, false, 13,
          "@Dense(units = 11, activation = Activation.RELU, dropout = 0.5)",
          "@Dense(units = 3, activation = Activation.SOFTMAX)"));
      s.append(network(k++, "MEAN_SQUARED_ERROR", precision, false, 8,
          "@Dense(units = 7, activation = Activation.TANH, bias = false)",
          "@Dense(units = 2, activation = Activation.SIGMOID, bias = false)"));
    }
    return s.toString();
  }

  private static String network(int k, String loss, String precision, boolean untrainable,
      int inputs, String... layers) {
    return "@Network(loss = Loss." + loss + ", precision = Precision." + precision
        + (untrainable ? ", trainable = false" : "") + ")\n@Input(" + inputs + ")\n"
        + String.join("\n", layers) + "\nclass N" + k + " {}\n\n";
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    for (int k = 0; k < 2 * (Activation.values().length + 1); k++) {
      names.add("N" + k);
    }
    return names;
  }

  private static TrainableModel load(ClassLoader loader, String name) {
    try {
      return (TrainableModel) loader.loadClass(name).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static double[] perturbed(TrainableModel model, SplittableRandom random) {
    double[] parameters = WeightInit.initialize(model.spec(), random.nextLong());
    for (int k = 0; k < parameters.length; k++) {
      parameters[k] += random.nextDouble(-0.1, 0.1);
    }
    return parameters;
  }

  private static double[] values(SplittableRandom random, int length) {
    double[] values = new double[length];
    for (int k = 0; k < values.length; k++) {
      values[k] = random.nextDouble(-3, 3);
    }
    return values;
  }
}
