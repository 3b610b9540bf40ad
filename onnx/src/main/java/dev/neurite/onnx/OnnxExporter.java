package dev.neurite.onnx;

import dev.neurite.onnx.proto.Onnx.GraphProto;
import dev.neurite.onnx.proto.Onnx.ModelProto;
import dev.neurite.onnx.proto.Onnx.NodeProto;
import dev.neurite.onnx.proto.Onnx.OperatorSetIdProto;
import dev.neurite.onnx.proto.Onnx.StringStringEntryProto;
import dev.neurite.onnx.proto.Onnx.TensorShapeProto;
import dev.neurite.onnx.proto.Onnx.TypeProto;
import dev.neurite.onnx.proto.Onnx.ValueInfoProto;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.train.TrainableModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a Neurite network to an ONNX file that ONNX Runtime (or any ONNX consumer) runs:
 * input {@code input [N, inputs]}, output {@code output [N, outputs]}, per dense layer a Gemm
 * ({@code transB=1}, weights {@code [units][inputs]} as PyTorch stores them) and its
 * activation's operator, per dropout layer a Dropout (the identity at inference).
 *
 * <p>Opset 17 (IR version 8), or opset 20 (IR version 9), the first with a Gelu operator, for a
 * network with GELU or GELU_TANH. Tensors are FLOAT for a float network and DOUBLE for a double
 * one, so importing the file gives back the same network exactly; {@link #tensorType} chooses
 * otherwise (ONNX Runtime runs Elu, Selu, Softplus, Softsign and HardSigmoid in FLOAT only).
 * SILU and BINARY_STEP have no ONNX operator and are refused. The model's
 * {@code metadata_props} keep what ONNX does not say (name, loss, precision, seed, exact
 * activation parameters and dropout rates).
 */
public final class OnnxExporter {
  private static final int IR_VERSION_OPSET_17 = 8;
  private static final int IR_VERSION_OPSET_20 = 9;

  private Precision tensorType;

  /** Creates an exporter whose tensors have the network's precision. */
  public OnnxExporter() {}

  /** Writes {@code model}'s network and parameters to {@code file}, tensors in its precision. */
  public static void exportModel(TrainableModel model, Path file) throws IOException {
    new OnnxExporter().write(model, file);
  }

  /** Sets the element type of every tensor, whatever the network's precision. */
  public OnnxExporter tensorType(Precision type) {
    this.tensorType = type;
    return this;
  }

  /** Writes {@code model}'s network and parameters to {@code file}. */
  public void write(TrainableModel model, Path file) throws IOException {
    double[] parameters = new double[model.parameterCount()];
    model.getParameters(parameters);
    write(model.spec(), parameters, file);
  }

  /** Writes {@code spec} with {@code parameters} (the spec's flat layout) to {@code file}. */
  public void write(NetworkSpec spec, double[] parameters, Path file) throws IOException {
    ModelProto model = toModel(spec, parameters);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      model.writeTo(out);
    }
  }

  /** Returns the ONNX model of {@code spec} with {@code parameters}. */
  public ModelProto toModel(NetworkSpec spec, double[] parameters) throws OnnxException {
    if (parameters.length != spec.parameterCount()) {
      throw new IllegalArgumentException("parameters has " + parameters.length + " values but "
          + spec.name() + " has " + spec.parameterCount() + " parameters");
    }
    boolean doubles = (tensorType != null ? tensorType : spec.precision()) == Precision.DOUBLE;
    GraphProto.Builder graph = GraphProto.newBuilder().setName(spec.name())
        .addInput(value("input", spec.inputSize(), doubles))
        .addOutput(value("output", spec.outputSize(), doubles));
    int opset = OnnxActivations.BASE_OPSET;
    String x = "input";
    for (int l = 0; l < spec.layerCount(); l++) {
      String out = l == spec.layerCount() - 1 ? "output" : "layer" + (l + 1);
      LayerSpec layer = spec.layer(l);
      if (layer.kind() == LayerSpec.Kind.DENSE) {
        dense(graph, spec, l, parameters, doubles, x, out);
        opset = Math.max(opset, OnnxActivations.opset(layer.activation()));
      } else {
        dropout(graph, l, layer.rate(), doubles, x, out);
      }
      x = out;
    }
    ModelProto.Builder model = ModelProto.newBuilder()
        .setIrVersion(opset > OnnxActivations.BASE_OPSET ? IR_VERSION_OPSET_20
            : IR_VERSION_OPSET_17)
        .setProducerName("Neurite")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
        .setGraph(graph);
    for (String[] entry : Metadata.of(spec)) {
      model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(entry[0])
          .setValue(entry[1]));
    }
    return model.build();
  }

  private static void dense(GraphProto.Builder graph, NetworkSpec spec, int l,
      double[] parameters, boolean doubles, String x, String out) throws OnnxException {
    LayerSpec layer = spec.layer(l);
    int inputs = spec.inputSizeOf(l);
    int units = layer.units();
    String name = "layer" + (l + 1);
    double[] weights = slice(parameters, spec.weightOffset(l), units * inputs);
    graph.addInitializer(Tensors.tensor(name + ".weight", weights, doubles, units, inputs));
    NodeProto.Builder gemm = NodeProto.newBuilder().setName(name + "/Gemm").setOpType("Gemm")
        .addInput(x).addInput(name + ".weight")
        .addAttribute(OnnxActivations.intAttribute("transB", 1));
    if (layer.hasBias()) {
      double[] bias = slice(parameters, spec.biasOffset(l), units);
      graph.addInitializer(Tensors.tensor(name + ".bias", bias, doubles, units));
      gemm.addInput(name + ".bias");
    }
    NodeProto activation = OnnxActivations.write(layer.activation(),
        layer.activationParameter(), name + "/" + layer.activation().name().toLowerCase(
            java.util.Locale.ROOT), name + "/z", out);
    gemm.addOutput(activation == null ? out : name + "/z");
    graph.addNode(gemm);
    if (activation != null) {
      graph.addNode(activation);
    }
  }

  private static void dropout(GraphProto.Builder graph, int l, double rate, boolean doubles,
      String x, String out) {
    String name = "layer" + (l + 1);
    graph.addInitializer(Tensors.tensor(name + ".ratio", new double[] {rate}, doubles));
    graph.addNode(NodeProto.newBuilder().setName(name + "/Dropout").setOpType("Dropout")
        .addInput(x).addInput(name + ".ratio").addOutput(out));
  }

  private static double[] slice(double[] values, int from, int length) {
    double[] slice = new double[length];
    System.arraycopy(values, from, slice, 0, length);
    return slice;
  }

  private static ValueInfoProto value(String name, int features, boolean doubles) {
    TensorShapeProto shape = TensorShapeProto.newBuilder()
        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
        .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(features))
        .build();
    TypeProto.Tensor tensor = TypeProto.Tensor.newBuilder()
        .setElemType(Tensors.elementType(doubles))
        .setShape(shape).build();
    return ValueInfoProto.newBuilder().setName(name)
        .setType(TypeProto.newBuilder().setTensorType(tensor)).build();
  }
}
