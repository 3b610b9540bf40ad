package dev.neurite.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.onnx.proto.Onnx.AttributeProto;
import dev.neurite.onnx.proto.Onnx.GraphProto;
import dev.neurite.onnx.proto.Onnx.ModelProto;
import dev.neurite.onnx.proto.Onnx.NodeProto;
import dev.neurite.onnx.proto.Onnx.TensorProto;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Graphs edited from a good one (the Keras-style fixture) into what Neurite must refuse, each
 * with its reason; and weights as Constant nodes, which it reads like initializers.
 */
class MalformedGraphTest {
  private static ModelProto keras() throws IOException {
    return ModelProto.parseFrom(Files.readAllBytes(Fixtures.onnx("keras_relu_softmax")));
  }

  private static ImportedNetwork read(ModelProto model) throws IOException {
    return new OnnxImporter().read(new ByteArrayInputStream(model.toByteArray()), "edited.onnx");
  }

  private static ModelProto edit(UnaryOperator<GraphProto.Builder> change) throws IOException {
    ModelProto model = keras();
    return model.toBuilder().setGraph(change.apply(model.getGraph().toBuilder())).build();
  }

  private static void assertRefused(ModelProto model, String reason) {
    OnnxException e = assertThrows(OnnxException.class, () -> read(model));
    assertTrue(e.getMessage().startsWith("edited.onnx: ") && e.getMessage().contains(reason),
        e.getMessage());
  }

  @Test
  void weightsAsConstantNodesReadAsInitializers() throws Exception {
    ModelProto constants = edit(g -> {
      for (TensorProto t : g.getInitializerList()) {
        g.addNode(0, NodeProto.newBuilder().setOpType("Constant").addOutput(t.getName())
            .addAttribute(AttributeProto.newBuilder().setName("value").setT(t)
                .setType(AttributeProto.AttributeType.TENSOR)));
      }
      return g.clearInitializer();
    });
    assertArrayEquals(read(keras()).parameters(), read(constants).parameters());
  }

  @Test
  void aSecondInputIsRefused() throws Exception {
    assertRefused(edit(g -> g.addInput(g.getInput(0).toBuilder().setName("other"))),
        "the graph has 2 inputs [input, other]");
  }

  @Test
  void aBranchLeftDanglingIsRefused() throws Exception {
    assertRefused(edit(g -> g.addNode(NodeProto.newBuilder().setName("spare").setOpType("Relu")
        .addInput("z1").addOutput("unused"))), "value 'z1' is read by 2 nodes");
  }

  @Test
  void externalDataIsRefused() throws Exception {
    assertRefused(edit(g -> g.setInitializer(0, g.getInitializer(0).toBuilder()
        .setDataLocation(TensorProto.DataLocation.EXTERNAL))),
        "tensor 'dense/kernel' keeps its data in an external file");
  }

  @Test
  void otherElementTypesAreRefused() throws Exception {
    assertRefused(edit(g -> g.setInitializer(0, g.getInitializer(0).toBuilder()
        .setDataType(TensorProto.DataType.FLOAT16_VALUE))),
        "tensor 'dense/kernel' has element type FLOAT16; Neurite reads FLOAT and DOUBLE");
  }

  @Test
  void truncatedWeightsAreRefused() throws Exception {
    assertRefused(edit(g -> g.setInitializer(0, g.getInitializer(0).toBuilder()
        .setRawData(g.getInitializer(0).getRawData().substring(4)))),
        "tensor 'dense/kernel' has dimensions [5, 8] (40 values of 4 bytes) but 156 bytes");
  }

  @Test
  void weightsOfTheWrongWidthAreRefused() throws Exception {
    assertRefused(edit(g -> g.setInitializer(0, g.getInitializer(0).toBuilder().setDims(0, 8)
        .setDims(1, 5))), "node 'dense/MatMul' (MatMul): weight 'dense/kernel' has dimensions "
        + "[8, 5], which take 8 inputs, but the layer receives 5");
  }

  @Test
  void anUnknownAttributeIsRefused() throws Exception {
    assertRefused(edit(g -> g.setNode(2, g.getNode(2).toBuilder().addAttribute(
        AttributeProto.newBuilder().setName("slope").setF(2)))),
        "node 'dense/Relu' (Relu): attribute 'slope' is not supported (this operator takes none)");
  }

  @Test
  void aCustomDomainIsRefused() throws Exception {
    assertRefused(edit(g -> g.setNode(2, g.getNode(2).toBuilder().setDomain("com.acme"))),
        "node 'dense/Relu' (Relu): operators of domain 'com.acme' are not standard ONNX");
  }
}
