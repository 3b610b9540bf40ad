package dev.neurite.onnx;

import dev.neurite.onnx.proto.Onnx.AttributeProto;
import dev.neurite.onnx.proto.Onnx.NodeProto;
import dev.neurite.runtime.Activation;
import java.util.Map;

/**
 * The one table between Neurite's activations and ONNX operators, both ways: each activation's
 * import rule and export rule sit side by side.
 *
 * <p>ONNX stores parameters as float attributes; an imported parameter is the shortest decimal
 * that the float rounds back to ({@code LeakyReLU(0.2)} stored as {@code 0.2f} imports as
 * {@code 0.2}), which is what the exporting framework was given.
 */
final class OnnxActivations {
  /** The opset every exported operator exists in, Gelu excepted. */
  static final int BASE_OPSET = 17;
  /** The first opset with the Gelu operator. */
  static final int GELU_OPSET = 20;

  private static final float HARD_SIGMOID_ALPHA = (float) (1.0 / 6);
  private static final float HARD_SIGMOID_BETA = 0.5f;
  private static final double SELU_SCALE = Activation.SELU.apply(1, 0);
  private static final double SELU_ALPHA =
      -Activation.SELU.apply(Double.NEGATIVE_INFINITY, 0) / SELU_SCALE;

  private OnnxActivations() {}

  /** An activation with its parameter. */
  static final class Choice {
    final Activation activation;
    final double parameter;

    Choice(Activation activation, double parameter) {
      this.activation = activation;
      this.parameter = parameter;
    }
  }

  /** Returns whether {@code opType} is an activation operator this table knows. */
  static boolean isActivation(String opType) {
    switch (opType) {
      case "Relu": case "LeakyRelu": case "Elu": case "Selu": case "Sigmoid": case "Tanh":
      case "Softplus": case "Softsign": case "HardSigmoid": case "Gelu": case "Softmax":
        return true;
      default:
        return false;
    }
  }

  /** Returns the activation an activation node computes, or explains why Neurite has none. */
  static Choice read(NodeProto node) throws OnnxException {
    switch (node.getOpType()) {
      case "Relu": return plain(node, Activation.RELU);
      case "Sigmoid": return plain(node, Activation.SIGMOID);
      case "Tanh": return plain(node, Activation.TANH);
      case "Softplus": return plain(node, Activation.SOFTPLUS);
      case "Softsign": return plain(node, Activation.SOFTSIGN);
      case "LeakyRelu": return parameterized(node, Activation.LEAKY_RELU, 0.01f);
      case "Elu": return parameterized(node, Activation.ELU, 1.0f);
      case "Selu": return selu(node);
      case "HardSigmoid": return hardSigmoid(node);
      case "Gelu": return gelu(node);
      case "Softmax": return softmax(node);
      default: throw Nodes.unsupported(node, "not an activation");
    }
  }

  private static Choice plain(NodeProto node, Activation activation) throws OnnxException {
    Nodes.attributes(node);
    return new Choice(activation, activation.defaultParameter());
  }

  private static Choice parameterized(NodeProto node, Activation activation, float fallback)
      throws OnnxException {
    Map<String, AttributeProto> a = Nodes.attributes(node, "alpha");
    return new Choice(activation, decimal(Nodes.floatAttribute(a, "alpha", fallback)));
  }

  private static Choice selu(NodeProto node) throws OnnxException {
    Map<String, AttributeProto> a = Nodes.attributes(node, "alpha", "gamma");
    float alpha = Nodes.floatAttribute(a, "alpha", (float) SELU_ALPHA);
    float gamma = Nodes.floatAttribute(a, "gamma", (float) SELU_SCALE);
    if (alpha != (float) SELU_ALPHA || gamma != (float) SELU_SCALE) {
      throw Nodes.unsupported(node, "alpha " + alpha + " and gamma " + gamma + " differ from "
          + "the standard constants (" + (float) SELU_ALPHA + ", " + (float) SELU_SCALE
          + "), the only SELU Neurite has");
    }
    return new Choice(Activation.SELU, 0);
  }

  private static Choice hardSigmoid(NodeProto node) throws OnnxException {
    Map<String, AttributeProto> a = Nodes.attributes(node, "alpha", "beta");
    float alpha = Nodes.floatAttribute(a, "alpha", 0.2f);
    float beta = Nodes.floatAttribute(a, "beta", 0.5f);
    if (alpha != HARD_SIGMOID_ALPHA || beta != HARD_SIGMOID_BETA) {
      throw Nodes.unsupported(node, "alpha " + alpha + " and beta " + beta + " differ from "
          + "Neurite's HARD_SIGMOID, x / 6 + 1/2 (alpha 1/6, beta 0.5, as PyTorch's "
          + "Hardsigmoid exports it)");
    }
    return new Choice(Activation.HARD_SIGMOID, 0);
  }

  private static Choice gelu(NodeProto node) throws OnnxException {
    String approximate = Nodes.stringAttribute(Nodes.attributes(node, "approximate"),
        "approximate", "none");
    switch (approximate) {
      case "none":
        return new Choice(Activation.GELU, 0);
      case "tanh":
        return new Choice(Activation.GELU_TANH, 0);
      default:
        throw Nodes.unsupported(node, "approximate=\"" + approximate + "\" is neither \"none\" "
            + "(Neurite's GELU) nor \"tanh\" (GELU_TANH)");
    }
  }

  private static Choice softmax(NodeProto node) throws OnnxException {
    long axis = Nodes.intAttribute(Nodes.attributes(node, "axis"), "axis", -1);
    if (axis != 1 && axis != -1) {
      throw Nodes.unsupported(node, "axis " + axis + " is not the feature axis (1 or -1)");
    }
    return new Choice(Activation.SOFTMAX, 0);
  }

  /** Returns the shortest decimal that rounds to {@code f}: the value the exporter was given. */
  static double decimal(float f) {
    return Double.parseDouble(Float.toString(f));
  }

  /**
   * Returns the node computing {@code activation} from {@code input} into {@code output}, or
   * {@code null} for the identity; throws for an activation ONNX has no operator for.
   */
  static NodeProto write(Activation activation, double parameter, String name, String input,
      String output) throws OnnxException {
    NodeProto.Builder node = NodeProto.newBuilder().setName(name).addInput(input)
        .addOutput(output);
    switch (activation) {
      case IDENTITY: return null;
      case RELU: return node.setOpType("Relu").build();
      case SIGMOID: return node.setOpType("Sigmoid").build();
      case TANH: return node.setOpType("Tanh").build();
      case SOFTPLUS: return node.setOpType("Softplus").build();
      case SOFTSIGN: return node.setOpType("Softsign").build();
      case LEAKY_RELU:
        return node.setOpType("LeakyRelu").addAttribute(f("alpha", parameter)).build();
      case ELU: return node.setOpType("Elu").addAttribute(f("alpha", parameter)).build();
      case SELU: return node.setOpType("Selu").build();
      case HARD_SIGMOID:
        return node.setOpType("HardSigmoid").addAttribute(f("alpha", HARD_SIGMOID_ALPHA))
            .addAttribute(f("beta", HARD_SIGMOID_BETA)).build();
      case GELU: return node.setOpType("Gelu").build();
      case GELU_TANH:
        return node.setOpType("Gelu").addAttribute(s("approximate", "tanh")).build();
      case SOFTMAX: return node.setOpType("Softmax").addAttribute(intAttribute("axis", -1)).build();
      default:
        throw new OnnxException("layer activation " + activation + " has no ONNX operator; "
            + "Neurite exports IDENTITY, RELU, LEAKY_RELU, ELU, SELU, SIGMOID, TANH, SOFTPLUS, "
            + "SOFTSIGN, HARD_SIGMOID, GELU, GELU_TANH and SOFTMAX");
    }
  }

  /** Returns the opset an exported activation needs. */
  static int opset(Activation activation) {
    return activation == Activation.GELU || activation == Activation.GELU_TANH ? GELU_OPSET
        : BASE_OPSET;
  }

  private static AttributeProto f(String name, double value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT)
        .setF((float) value).build();
  }

  static AttributeProto intAttribute(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT)
        .setI(value).build();
  }

  private static AttributeProto s(String name, String value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
        .setS(com.google.protobuf.ByteString.copyFromUtf8(value)).build();
  }
}
