package dev.neurite.onnx;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Graphs Neurite cannot express are refused, each naming the node, its operator and why. */
class UnsupportedGraphTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "unsupported_conv | node '/conv/Conv' (Conv): operator Conv is not supported",
      "unsupported_skip | value 'input' is read by 2 nodes",
      "unsupported_log_softmax | node '/1/LogSoftmax' (LogSoftmax): operator LogSoftmax",
      "unsupported_dynamic_features | dynamic dimension 1 ('features')",
      "unsupported_trans_a | node 'gemm_a' (Gemm): transA=1",
      "unsupported_two_activations | node 'tanh_after_relu' (Tanh): an activation must follow",
  })
  void isRefusedWithItsReason(String fixture, String reason) {
    OnnxException e = assertThrows(OnnxException.class,
        () -> OnnxImporter.importFile(Fixtures.onnx(fixture)));
    assertTrue(e.getMessage().startsWith(fixture + ".onnx: "), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "unsupported_conv", "unsupported_log_softmax", "unsupported_trans_a"})
  void nodeErrorsSayWhatIsSupported(String fixture) {
    OnnxException e = assertThrows(OnnxException.class,
        () -> OnnxImporter.importFile(Fixtures.onnx(fixture)));
    assertTrue(e.getMessage().contains(Nodes.SUPPORTED), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"not a model at all", "''"})
  void notAnOnnxFileIsSaidSo(String content) {
    OnnxException e = assertThrows(OnnxException.class, () -> new OnnxImporter().read(
        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "x.onnx"));
    assertTrue(e.getMessage().startsWith("x.onnx is not an ONNX model"), e.getMessage());
  }
}
