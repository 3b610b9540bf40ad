package dev.neurite.onnx;

import dev.neurite.onnx.proto.Onnx.AttributeProto;
import dev.neurite.onnx.proto.Onnx.GraphProto;
import dev.neurite.onnx.proto.Onnx.NodeProto;
import dev.neurite.onnx.proto.Onnx.TensorProto;
import dev.neurite.onnx.proto.Onnx.TensorShapeProto;
import dev.neurite.onnx.proto.Onnx.TypeProto;
import dev.neurite.onnx.proto.Onnx.ValueInfoProto;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A graph read as what Neurite imports: one input of fixed feature dimensions, a chain of nodes
 * each taking the previous node's output (and constants), one output. Anything else (branches,
 * skip connections, several inputs, a symbolic feature dimension) is refused here, by name.
 */
final class GraphChain {
  final String inputName;
  /** The input's dimensions after the batch dimension, each fixed. */
  final long[] featureDims;
  /** The input's ONNX element type. */
  final int elementType;
  final String outputName;
  /** Initializers and Constant nodes, by the name of the value they define. */
  final Map<String, TensorProto> constants;
  /** The nodes from input to output, in order. */
  final List<NodeProto> nodes;

  private GraphChain(String inputName, long[] featureDims, int elementType, String outputName,
      Map<String, TensorProto> constants, List<NodeProto> nodes) {
    this.inputName = inputName;
    this.featureDims = featureDims;
    this.elementType = elementType;
    this.outputName = outputName;
    this.constants = constants;
    this.nodes = nodes;
  }

  /** Reads {@code graph} as a chain, or says why it is not one. */
  static GraphChain of(GraphProto graph) throws OnnxException {
    Map<String, TensorProto> constants = constants(graph);
    ValueInfoProto input = onlyInput(graph, constants);
    TypeProto.Tensor type = tensorType(input, "input");
    long[] featureDims = featureDims(input, type);
    if (graph.getOutputCount() != 1) {
      throw new OnnxException("the graph has " + graph.getOutputCount() + " outputs; Neurite "
          + "imports networks with exactly one output");
    }
    String output = graph.getOutput(0).getName();
    List<NodeProto> chain = walk(graph, input.getName(), output, constants);
    return new GraphChain(input.getName(), featureDims, type.getElemType(), output, constants,
        chain);
  }

  private static Map<String, TensorProto> constants(GraphProto graph) throws OnnxException {
    Map<String, TensorProto> constants = new HashMap<>();
    for (TensorProto t : graph.getInitializerList()) {
      constants.put(t.getName(), t);
    }
    for (NodeProto node : graph.getNodeList()) {
      if (node.getOpType().equals("Constant")) {
        Map<String, AttributeProto> a = Nodes.attributes(node, "value");
        if (!a.containsKey("value") || node.getOutputCount() != 1) {
          throw Nodes.unsupported(node, "only a Constant with a tensor 'value' is read");
        }
        constants.put(node.getOutput(0), a.get("value").getT());
      }
    }
    return constants;
  }

  private static ValueInfoProto onlyInput(GraphProto graph, Map<String, TensorProto> constants)
      throws OnnxException {
    List<ValueInfoProto> inputs = new ArrayList<>();
    for (ValueInfoProto v : graph.getInputList()) {
      if (!constants.containsKey(v.getName())) {
        inputs.add(v); // before IR 4, initializers were listed as inputs too
      }
    }
    if (inputs.size() != 1) {
      List<String> names = new ArrayList<>();
      for (ValueInfoProto v : inputs) {
        names.add(v.getName());
      }
      throw new OnnxException("the graph has " + inputs.size() + " inputs " + names
          + "; Neurite imports networks with exactly one input (a batch of feature vectors)");
    }
    return inputs.get(0);
  }

  private static TypeProto.Tensor tensorType(ValueInfoProto v, String role)
      throws OnnxException {
    if (!v.getType().hasTensorType()) {
      throw new OnnxException("the graph " + role + " '" + v.getName() + "' is not a tensor");
    }
    TypeProto.Tensor t = v.getType().getTensorType();
    int type = t.getElemType();
    if (type != TensorProto.DataType.FLOAT_VALUE && type != TensorProto.DataType.DOUBLE_VALUE) {
      throw new OnnxException("the graph " + role + " '" + v.getName() + "' has element type "
          + Tensors.typeName(type) + "; Neurite imports FLOAT and DOUBLE networks");
    }
    return t;
  }

  private static long[] featureDims(ValueInfoProto input, TypeProto.Tensor type)
      throws OnnxException {
    String where = "the graph input '" + input.getName() + "'";
    if (!type.hasShape() || type.getShape().getDimCount() < 2) {
      throw new OnnxException(where + " has " + (type.hasShape()
          ? "rank " + type.getShape().getDimCount() : "no shape") + "; Neurite needs a batch "
          + "dimension then fixed feature dimensions, such as [batch, 64]");
    }
    List<TensorShapeProto.Dimension> dims = type.getShape().getDimList();
    long[] features = new long[dims.size() - 1];
    for (int d = 1; d < dims.size(); d++) {
      TensorShapeProto.Dimension dim = dims.get(d);
      if (!dim.hasDimValue() || dim.getDimValue() <= 0) {
        throw new OnnxException(where + " has a dynamic dimension " + d + " ("
            + (dim.hasDimParam() ? "'" + dim.getDimParam() + "'" : "unknown") + "): Neurite "
            + "compiles every size into the network, so only the batch dimension (0) may vary; "
            + "export with a fixed number of features");
      }
      features[d - 1] = dim.getDimValue();
    }
    return features;
  }

  /** Follows the data from the input to the output, one consumer at a time. */
  private static List<NodeProto> walk(GraphProto graph, String input, String output,
      Map<String, TensorProto> constants) throws OnnxException {
    Map<String, List<NodeProto>> consumers = consumers(graph);
    List<NodeProto> chain = new ArrayList<>();
    String value = input;
    while (true) {
      List<NodeProto> next = consumers.getOrDefault(value, new ArrayList<NodeProto>());
      if (next.size() > 1) {
        throw branch(value, next);
      }
      if (next.isEmpty()) {
        if (!value.equals(output)) {
          throw new OnnxException("value '" + value + "' leads nowhere: the graph output '"
              + output + "' is not reached from the input by a chain of nodes");
        }
        break;
      }
      if (value.equals(output)) {
        throw new OnnxException("the graph output '" + output + "' is also read by "
            + Nodes.describe(next.get(0)) + "; Neurite imports a chain that ends at the output");
      }
      NodeProto node = next.get(0);
      checkOtherInputs(node, value, constants);
      chain.add(node);
      value = node.getOutput(0);
    }
    checkEveryNodeUsed(graph, chain);
    return chain;
  }

  private static Map<String, List<NodeProto>> consumers(GraphProto graph) {
    Map<String, List<NodeProto>> consumers = new LinkedHashMap<>();
    for (NodeProto node : graph.getNodeList()) {
      for (String in : node.getInputList()) {
        if (!in.isEmpty()) {
          consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(node);
        }
      }
    }
    return consumers;
  }

  private static OnnxException branch(String value, List<NodeProto> next) {
    List<String> names = new ArrayList<>();
    for (NodeProto n : next) {
      names.add(Nodes.describe(n));
    }
    return new OnnxException("value '" + value + "' is read by " + next.size() + " nodes "
        + names + ": a branch or skip connection, which Neurite cannot express. "
        + Nodes.SUPPORTED + ".");
  }

  private static void checkOtherInputs(NodeProto node, String value,
      Map<String, TensorProto> constants) throws OnnxException {
    for (String in : node.getInputList()) {
      if (!in.isEmpty() && !in.equals(value) && !constants.containsKey(in)) {
        throw Nodes.unsupported(node, "it combines '" + value + "' with '" + in + "', which is "
            + "computed elsewhere in the graph (a skip connection or a second input)");
      }
    }
  }

  private static void checkEveryNodeUsed(GraphProto graph, List<NodeProto> chain)
      throws OnnxException {
    Set<NodeProto> used = Collections.newSetFromMap(new IdentityHashMap<NodeProto, Boolean>());
    used.addAll(chain);
    for (NodeProto node : graph.getNodeList()) {
      if (!used.contains(node) && !node.getOpType().equals("Constant")) {
        throw Nodes.unsupported(node, "it is not on the path from the input to the output "
            + "(a second branch, or a computation Neurite does not read)");
      }
    }
  }
}
