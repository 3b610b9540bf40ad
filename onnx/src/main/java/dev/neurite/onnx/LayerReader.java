package dev.neurite.onnx;

import dev.neurite.onnx.proto.Onnx.AttributeProto;
import dev.neurite.onnx.proto.Onnx.NodeProto;
import dev.neurite.onnx.proto.Onnx.TensorProto;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link GraphChain} into Neurite layers and their parameters: a dense layer per Gemm
 * (or MatMul, with the Add after it as its bias), the activation node after it, a dropout layer
 * per Dropout; Flatten and Identity change nothing.
 */
final class LayerReader {
  /** A layer as read, with the node that made it (for messages). */
  static final class Layer {
    final NodeProto node;
    final int inputs;
    final int units;
    /** Row by row, {@code [unit][input]}; null for dropout. */
    final double[] weights;
    /** One per unit, or null when the layer has none. */
    double[] bias;
    Activation activation = Activation.IDENTITY;
    double parameter;
    boolean activated;
    double dropout;

    Layer(NodeProto node, int inputs, int units, double[] weights, double[] bias, double dropout) {
      this.node = node;
      this.inputs = inputs;
      this.units = units;
      this.weights = weights;
      this.bias = bias;
      this.dropout = dropout;
    }

    boolean isDense() {
      return weights != null;
    }

    LayerSpec spec() {
      return isDense() ? LayerSpec.dense(units, activation, parameter, bias != null)
          : LayerSpec.dropout(dropout);
    }
  }

  private final GraphChain chain;
  private final List<Layer> layers = new ArrayList<>();
  private final int inputSize;
  private int width;
  private boolean flat;

  private LayerReader(GraphChain chain) {
    this.chain = chain;
    long size = 1;
    for (long d : chain.featureDims) {
      size *= d;
    }
    this.inputSize = (int) Math.min(size, Integer.MAX_VALUE);
    this.width = inputSize;
    this.flat = chain.featureDims.length == 1;
  }

  /** Returns the input size the chain starts from (its feature dimensions multiplied). */
  int inputSize() {
    return inputSize;
  }

  /** Reads every node of {@code chain} into layers. */
  static LayerReader read(GraphChain chain) throws OnnxException {
    LayerReader reader = new LayerReader(chain);
    for (int i = 0; i < chain.nodes.size(); i++) {
      i = reader.node(i);
    }
    return reader;
  }

  /** Returns the layers in order. */
  List<Layer> layers() {
    return layers;
  }

  /** Reads the node at {@code i}; returns the index of the last node it consumed. */
  private int node(int i) throws OnnxException {
    NodeProto node = chain.nodes.get(i);
    if (!node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx")) {
      throw Nodes.unsupported(node, "operators of domain '" + node.getDomain() + "' are not "
          + "standard ONNX");
    }
    String op = node.getOpType();
    if (OnnxActivations.isActivation(op)) {
      activate(node);
      return i;
    }
    switch (op) {
      case "Gemm": gemm(node); return i;
      case "MatMul": return matMul(node, i);
      case "Flatten": flatten(node); return i;
      case "Identity": Nodes.attributes(node); return i;
      case "Dropout": dropout(node); return i;
      case "Add":
        throw Nodes.unsupported(node, "an Add is read only right after a MatMul, as its bias");
      default:
        throw Nodes.unsupported(node, "operator " + op + " is not supported");
    }
  }

  private void activate(NodeProto node) throws OnnxException {
    Layer last = layers.isEmpty() ? null : layers.get(layers.size() - 1);
    if (last == null || !last.isDense() || last.activated) {
      throw Nodes.unsupported(node, "an activation must follow a dense layer (Gemm or "
          + "MatMul), and each dense layer has one; this one follows "
          + (last == null ? "the input" : Nodes.describe(last.node)));
    }
    OnnxActivations.Choice choice = OnnxActivations.read(node);
    last.activation = choice.activation;
    last.parameter = choice.parameter;
    last.activated = true;
  }

  private void gemm(NodeProto node) throws OnnxException {
    Map<String, AttributeProto> a = Nodes.attributes(node, "alpha", "beta", "transA", "transB");
    if (Nodes.intAttribute(a, "transA", 0) != 0) {
      throw Nodes.unsupported(node, "transA=1 transposes the batch of inputs");
    }
    boolean transB = Nodes.intAttribute(a, "transB", 0) != 0;
    double alpha = Nodes.floatAttribute(a, "alpha", 1f);
    double beta = Nodes.floatAttribute(a, "beta", 1f);
    requireFlat(node);
    double[] weights = weights(node, constantInput(node, 1), transB, alpha);
    int units = weights.length / width;
    double[] bias = node.getInputCount() > 2 && !node.getInput(2).isEmpty()
        ? bias(node, constantInput(node, 2), units, beta) : null;
    addDense(node, units, weights, bias);
  }

  private int matMul(NodeProto node, int i) throws OnnxException {
    Nodes.attributes(node);
    requireFlat(node);
    double[] weights = weights(node, constantInput(node, 1), false, 1);
    int units = weights.length / width;
    double[] bias = null;
    int last = i;
    if (i + 1 < chain.nodes.size() && chain.nodes.get(i + 1).getOpType().equals("Add")) {
      NodeProto add = chain.nodes.get(i + 1);
      Nodes.attributes(add);
      int other = add.getInput(0).equals(node.getOutput(0)) ? 1 : 0;
      bias = bias(add, constantInput(add, other), units, 1);
      last = i + 1;
    }
    addDense(node, units, weights, bias);
    return last;
  }

  private void addDense(NodeProto node, int units, double[] weights, double[] bias) {
    layers.add(new Layer(node, width, units, weights, bias, 0));
    width = units;
  }

  private void flatten(NodeProto node) throws OnnxException {
    long axis = Nodes.intAttribute(Nodes.attributes(node, "axis"), "axis", 1);
    if (axis != 1) {
      throw Nodes.unsupported(node, "axis " + axis + " would fold the batch dimension; only "
          + "axis 1 keeps one feature vector per sample");
    }
    flat = true;
  }

  private void dropout(NodeProto node) throws OnnxException {
    Map<String, AttributeProto> a = Nodes.attributes(node, "ratio", "seed", "is_test");
    double ratio = Nodes.floatAttribute(a, "ratio", 0.5f);
    if (node.getInputCount() > 1 && !node.getInput(1).isEmpty()) {
      ratio = scalar(node, constantInput(node, 1));
    }
    if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()
        && scalar(node, constantInput(node, 2)) != 0) {
      throw Nodes.unsupported(node, "training_mode is on, so it drops values at inference");
    }
    if (ratio > 0) {
      layers.add(new Layer(node, width, width, null, null, OnnxActivations.decimal((float) ratio)));
    }
  }

  private void requireFlat(NodeProto node) throws OnnxException {
    if (!flat) {
      throw Nodes.unsupported(node, "its input has dimensions [batch, "
          + Arrays.toString(chain.featureDims).replaceAll("[\\[\\]]", "")
          + "]; put a Flatten before the first dense layer");
    }
  }

  private TensorProto constantInput(NodeProto node, int index) throws OnnxException {
    if (node.getInputCount() <= index || node.getInput(index).isEmpty()) {
      throw Nodes.unsupported(node, "input " + index + " is missing");
    }
    TensorProto t = chain.constants.get(node.getInput(index));
    if (t == null) {
      throw Nodes.unsupported(node, "input " + index + " ('" + node.getInput(index)
          + "') is not an initializer or a Constant");
    }
    return t;
  }

  /** Returns the weights as rows {@code [unit][input]}, scaled by {@code alpha}. */
  private double[] weights(NodeProto node, TensorProto t, boolean unitsFirst, double alpha)
      throws OnnxException {
    if (t.getDimsCount() != 2) {
      throw Nodes.unsupported(node, "weight '" + t.getName() + "' has dimensions "
          + t.getDimsList() + "; a dense layer's weight is a matrix");
    }
    int inputs = (int) t.getDims(unitsFirst ? 1 : 0);
    int units = (int) t.getDims(unitsFirst ? 0 : 1);
    if (inputs != width) {
      throw Nodes.unsupported(node, "weight '" + t.getName() + "' has dimensions "
          + t.getDimsList() + ", which take " + inputs + " inputs, but the layer receives "
          + width);
    }
    double[] values = Tensors.values(t);
    double[] rows = new double[values.length];
    for (int o = 0; o < units; o++) {
      for (int i = 0; i < inputs; i++) {
        rows[o * inputs + i] = alpha * values[unitsFirst ? o * inputs + i : i * units + o];
      }
    }
    return rows;
  }

  /** Returns one bias per unit, scaled by {@code beta}; a single value is broadcast. */
  private static double[] bias(NodeProto node, TensorProto t, int units, double beta)
      throws OnnxException {
    double[] values = Tensors.values(t);
    long rows = t.getDimsCount() == 2 ? t.getDims(0) : 1;
    if (t.getDimsCount() > 2 || rows != 1 || (values.length != units && values.length != 1)) {
      throw Nodes.unsupported(node, "bias '" + t.getName() + "' has dimensions "
          + t.getDimsList() + "; a bias is [" + units + "], [1, " + units + "] or one value");
    }
    double[] bias = new double[units];
    for (int o = 0; o < units; o++) {
      bias[o] = beta * values[values.length == 1 ? 0 : o];
    }
    return bias;
  }

  private static double scalar(NodeProto node, TensorProto t) throws OnnxException {
    if (t.getDataType() == TensorProto.DataType.BOOL_VALUE) {
      return t.getRawData().isEmpty() ? t.getInt32Data(0) : t.getRawData().byteAt(0);
    }
    double[] values = Tensors.values(t);
    if (values.length != 1) {
      throw Nodes.unsupported(node, "'" + t.getName() + "' must be a single value");
    }
    return values[0];
  }
}
