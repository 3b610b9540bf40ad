package dev.neurite.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Neurite to ONNX: every activation ONNX has, in both precisions, comes back from the file as
 * the same network with the same parameters, bit for bit; ONNX Runtime runs the file and
 * computes what Neurite computes; what ONNX cannot express is refused.
 */
class ExportTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = Activation.class, names = {"SILU", "BINARY_STEP"},
      mode = EnumSource.Mode.EXCLUDE)
  void exportThenImportGivesTheSameNetwork(Activation activation) throws Exception {
    for (Precision precision : Precision.values()) {
      NetworkSpec spec = network(activation, precision);
      ReferenceNetwork net = withRandomParameters(spec);
      Path file = dir.resolve(activation + "-" + precision + ".onnx");
      OnnxExporter.exportModel(net, file);
      ImportedNetwork back = OnnxImporter.importFile(file);
      assertEquals(spec, back.spec());
      assertArrayEquals(parameters(net), back.parameters());
    }
  }

  @ParameterizedTest
  @EnumSource(value = Activation.class, names = {"SILU", "BINARY_STEP"},
      mode = EnumSource.Mode.EXCLUDE)
  void onnxRuntimeComputesWhatNeuriteComputes(Activation activation) throws Exception {
    // 0.25, which a float holds: ONNX attributes are floats, so ONNX Runtime computes a LeakyReLU
    // of slope 0.3 with 0.3f, 4e-8 away, which the outputs show at the 1e-6 level
    ReferenceNetwork net = withRandomParameters(network(activation, Precision.FLOAT, 0.25));
    Path file = dir.resolve(activation + ".onnx");
    OnnxExporter.exportModel(net, file);
    double[][] inputs = new double[20][5];
    SplittableRandom random = new SplittableRandom(activation.ordinal());
    for (double[] row : inputs) {
      for (int i = 0; i < row.length; i++) {
        row[i] = (float) random.nextDouble(-3, 3);
      }
    }
    ImportAgreementTest.assertClose(OnnxRuntime.run(file, inputs, false),
        Fixtures.predict(net, inputs), "ONNX Runtime");
  }

  @Test
  void aDoubleNetworkRunsInOnnxRuntimeInEitherTensorType() throws Exception {
    double[][] inputs = {{0.5, -1.25, 2, 0.125, -3}, {1, 1, -1, 0, 0.75}};
    ReferenceNetwork tanh = withRandomParameters(network(Activation.TANH, Precision.DOUBLE));
    Path exact = dir.resolve("tanh-double.onnx");
    OnnxExporter.exportModel(tanh, exact);
    double[][] neurite = Fixtures.predict(tanh, inputs);
    double[][] runtime = OnnxRuntime.run(exact, inputs, true);
    for (int s = 0; s < inputs.length; s++) {
      assertArrayEquals(neurite[s], runtime[s], 1e-14);
    }
    // ONNX Runtime has no double kernel for Elu (nor Selu, Softplus, Softsign, HardSigmoid)
    ReferenceNetwork elu = withRandomParameters(network(Activation.ELU, Precision.DOUBLE));
    Path floats = dir.resolve("elu-float.onnx");
    new OnnxExporter().tensorType(Precision.FLOAT).write(elu, floats);
    ImportAgreementTest.assertClose(OnnxRuntime.run(floats, inputs, false),
        Fixtures.predict(elu, inputs), "ONNX Runtime");
  }

  @Test
  void parametersFloatsCannotHoldComeBackExactly() throws Exception {
    NetworkSpec spec = NetworkSpec.of("Odd", 2, Arrays.asList(
        LayerSpec.dense(3, Activation.LEAKY_RELU, 0.123456789123, true),
        LayerSpec.dropout(0.1234567891), LayerSpec.dense(1, Activation.ELU, 1.1e-9, true)),
        Loss.HUBER, 0.123456789, Precision.DOUBLE, 777);
    ReferenceNetwork net = withRandomParameters(spec);
    Path file = dir.resolve("odd.onnx");
    OnnxExporter.exportModel(net, file);
    assertEquals(spec, OnnxImporter.importFile(file).spec());
  }

  @Test
  void importerOptionsOverrideWhatTheFileSays() throws Exception {
    ReferenceNetwork net = withRandomParameters(network(Activation.TANH, Precision.DOUBLE));
    Path file = dir.resolve("t.onnx");
    OnnxExporter.exportModel(net, file);
    NetworkSpec spec = new OnnxImporter().name("Other").loss(Loss.MEAN_ABSOLUTE_ERROR)
        .precision(Precision.FLOAT).seed(5).read(file).spec();
    assertEquals(NetworkSpec.of("Other", 5, net.spec().layers(), Loss.MEAN_ABSOLUTE_ERROR,
        Precision.FLOAT, 5), spec);
  }

  @Test
  void activationsOnnxLacksAreRefused() {
    for (Activation missing : new Activation[] {Activation.SILU, Activation.BINARY_STEP}) {
      NetworkSpec spec = NetworkSpec.of("N", 2, Arrays.asList(LayerSpec.dense(2, missing),
          LayerSpec.dense(1, Activation.IDENTITY)), Loss.MEAN_SQUARED_ERROR, Precision.FLOAT, 1);
      OnnxException e = assertThrows(OnnxException.class,
          () -> new OnnxExporter().toModel(spec, new double[spec.parameterCount()]));
      assertTrue(e.getMessage().startsWith("layer activation " + missing
          + " has no ONNX operator"), e.getMessage());
    }
  }

  /** 5 inputs, a dense layer with the activation, dropout, a linear layer without bias. */
  static NetworkSpec network(Activation activation, Precision precision) {
    return network(activation, precision, 0.3);
  }

  /** The same, with {@code parameter} for an activation that takes one. */
  static NetworkSpec network(Activation activation, Precision precision, double parameter) {
    List<LayerSpec> layers = new ArrayList<>();
    if (activation == Activation.SOFTMAX) {
      layers.add(LayerSpec.dense(6, Activation.TANH));
      layers.add(LayerSpec.dense(3, Activation.SOFTMAX));
    } else {
      layers.add(LayerSpec.dense(6, activation, activation.hasParameter() ? parameter : 0, true));
      layers.add(LayerSpec.dropout(0.25));
      layers.add(LayerSpec.dense(3, Activation.IDENTITY, 0, false));
    }
    Loss loss = activation == Activation.SOFTMAX ? Loss.CATEGORICAL_CROSS_ENTROPY
        : Loss.MEAN_SQUARED_ERROR;
    return NetworkSpec.of("Net" + activation.ordinal(), 5, layers, loss, precision, 99);
  }

  /** A network holding random parameters, floats where the network computes in float. */
  static ReferenceNetwork withRandomParameters(NetworkSpec spec) {
    // Not spec.hashCode(): it holds enum identity hashes, which change with what ran before.
    SplittableRandom random = new SplittableRandom(spec.toString().hashCode());
    double[] parameters = new double[spec.parameterCount()];
    for (int p = 0; p < parameters.length; p++) {
      double v = random.nextDouble(-1, 1);
      parameters[p] = spec.precision() == Precision.FLOAT ? (float) v : v;
    }
    ReferenceNetwork net = new ReferenceNetwork(spec);
    net.setParameters(parameters);
    return net;
  }

  static double[] parameters(ReferenceNetwork net) {
    double[] p = new double[net.parameterCount()];
    net.getParameters(p);
    return p;
  }
}
