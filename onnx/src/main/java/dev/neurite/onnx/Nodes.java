package dev.neurite.onnx;

import dev.neurite.onnx.proto.Onnx.AttributeProto;
import dev.neurite.onnx.proto.Onnx.NodeProto;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node's attributes read by name, with the checks and messages every operator shares. */
final class Nodes {
  /** What the importer reads, for every message that refuses something. */
  static final String SUPPORTED = "Neurite imports a chain of dense layers: Gemm, or MatMul "
      + "(then Add for the bias), each followed by at most one activation (Relu, LeakyRelu, "
      + "Elu, Selu, Sigmoid, Tanh, Softplus, Softsign, HardSigmoid with alpha 1/6 and beta "
      + "0.5, Gelu exact or with approximate=\"tanh\", Softmax over the last axis), with "
      + "Flatten, Identity and Dropout between layers";

  private Nodes() {}

  /** Returns how messages name the node: its name and operator, or its output if unnamed. */
  static String describe(NodeProto node) {
    String name = node.getName().isEmpty()
        ? "writing '" + (node.getOutputCount() > 0 ? node.getOutput(0) : "") + "'"
        : "'" + node.getName() + "'";
    return "node " + name + " (" + node.getOpType() + ")";
  }

  /** Returns the node's attributes by name, refusing any name not in {@code known}. */
  static Map<String, AttributeProto> attributes(NodeProto node, String... known)
      throws OnnxException {
    List<String> allowed = Arrays.asList(known);
    Map<String, AttributeProto> byName = new LinkedHashMap<>();
    for (AttributeProto a : node.getAttributeList()) {
      if (!allowed.contains(a.getName())) {
        throw unsupported(node, "attribute '" + a.getName() + "' is not supported ("
            + (known.length == 0 ? "this operator takes none" : "Neurite reads " + allowed)
            + ")");
      }
      byName.put(a.getName(), a);
    }
    return byName;
  }

  /** Returns a float attribute, or {@code fallback} when absent. */
  static float floatAttribute(Map<String, AttributeProto> a, String name, float fallback) {
    return a.containsKey(name) ? a.get(name).getF() : fallback;
  }

  /** Returns an integer attribute, or {@code fallback} when absent. */
  static long intAttribute(Map<String, AttributeProto> a, String name, long fallback) {
    return a.containsKey(name) ? a.get(name).getI() : fallback;
  }

  /** Returns a string attribute, or {@code fallback} when absent. */
  static String stringAttribute(Map<String, AttributeProto> a, String name, String fallback) {
    return a.containsKey(name) ? a.get(name).getS().toStringUtf8() : fallback;
  }

  /** Returns the error for what a node does that Neurite cannot express. */
  static OnnxException unsupported(NodeProto node, String what) {
    return new OnnxException(describe(node) + ": " + what + ". " + SUPPORTED + ".");
  }
}
