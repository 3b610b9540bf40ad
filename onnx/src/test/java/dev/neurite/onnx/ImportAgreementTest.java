package dev.neurite.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Precision;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every supported ONNX graph, imported, predicts what ONNX Runtime computes on the same file and
 * what PyTorch computed when it exported it.
 *
 * <p>Tolerance: ONNX Runtime and PyTorch compute in float32, the imported network here in double
 * (from the same float32 weights), so they differ by float32 rounding: a few units in the last
 * place of each sum's terms. Compared relative to the output's scale ({@code max(|y|, 1)}):
 * within 1e-6.
 */
class ImportAgreementTest {
  static final double TOLERANCE = 1e-6;

  @ParameterizedTest
  @ValueSource(strings = {"torch_relu", "torch_leaky_relu", "torch_elu", "torch_selu",
      "torch_sigmoid", "torch_tanh", "torch_softplus", "keras_softsign", "torch_hardsigmoid",
      "torch_softmax", "torch_no_bias", "torch_flatten_dropout", "keras_relu_softmax",
      "gemm_alpha_beta", "gelu_tanh", "gelu_none"})
  void importedNetworkPredictsWhatOnnxRuntimeAndPyTorchPredict(String fixture) throws Exception {
    Path file = Fixtures.onnx(fixture);
    ImportedNetwork imported = OnnxImporter.importFile(file);
    double[][] inputs = Fixtures.inputs(fixture);
    double[][] neurite = Fixtures.predict(imported.toReferenceNetwork(), inputs);
    assertClose(OnnxRuntime.run(file, inputs, false), neurite, "ONNX Runtime");
    assertClose(Fixtures.expected(fixture), neurite, "PyTorch");
  }

  @Test
  void everyActivationOnnxHasIsCoveredByAFixture() throws Exception {
    Set<Activation> seen = EnumSet.noneOf(Activation.class);
    for (String f : new String[] {"torch_relu", "torch_leaky_relu", "torch_elu", "torch_selu",
        "torch_sigmoid", "torch_tanh", "torch_softplus", "keras_softsign", "torch_hardsigmoid",
        "torch_softmax", "gelu_tanh", "gelu_none", "torch_no_bias"}) {
      for (LayerSpec l : OnnxImporter.importFile(Fixtures.onnx(f)).spec().layers()) {
        seen.add(l.activation());
      }
    }
    assertEquals(EnumSet.complementOf(EnumSet.of(Activation.SILU, Activation.BINARY_STEP)), seen);
  }

  @Test
  void pyTorchParametersAndDefaultsAreRead() throws Exception {
    ImportedNetwork leaky = OnnxImporter.importFile(Fixtures.onnx("torch_leaky_relu"));
    assertEquals(0.2, leaky.spec().layer(0).activationParameter(), 0.0);
    assertEquals("TorchLeakyRelu", leaky.spec().name());
    assertEquals(Precision.FLOAT, leaky.spec().precision());
    ImportedNetwork elu = OnnxImporter.importFile(Fixtures.onnx("torch_elu"));
    assertEquals(0.5, elu.spec().layer(0).activationParameter(), 0.0);
    ImportedNetwork softmax = OnnxImporter.importFile(Fixtures.onnx("torch_softmax"));
    assertEquals(dev.neurite.runtime.Loss.CATEGORICAL_CROSS_ENTROPY, softmax.spec().loss());
    ImportedNetwork noBias = OnnxImporter.importFile(Fixtures.onnx("torch_no_bias"));
    assertTrue(!noBias.spec().layer(0).hasBias() && noBias.spec().layer(1).hasBias());
  }

  static void assertClose(double[][] expected, double[][] actual, String oracle) {
    assertEquals(expected.length, actual.length);
    for (int s = 0; s < expected.length; s++) {
      assertEquals(expected[s].length, actual[s].length);
      for (int o = 0; o < expected[s].length; o++) {
        double scale = Math.max(Math.abs(expected[s][o]), 1);
        double error = Math.abs(expected[s][o] - actual[s][o]) / scale;
        assertTrue(error <= TOLERANCE, oracle + " sample " + s + " output " + o + ": "
            + expected[s][o] + " against Neurite's " + actual[s][o] + " (" + error + ")");
      }
    }
  }
}
