package dev.neurite.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.CodeBlock;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.processor.plan.NetworkPlan;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.ModelArguments;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the methods of the runtime's model contract for a planned network: sizes, parameter
 * copies, inference, and the training passes that chain the layer methods.
 */
final class ContractMethods {
  private static final TypeName DOUBLES = ArrayTypeName.of(TypeName.DOUBLE);

  private final NetworkPlan plan;
  private final NumericType t;
  private final int last;
  private final boolean dropout;
  private final boolean grouped;
  /** The class being written, which receives the parts of long per-layer lists. */
  private TypeSpec.Builder type;

  /** With {@code grouped}, forwardBackwardBatch calls {@link BatchedTraining}'s trainGroup. */
  ContractMethods(NetworkPlan plan, NumericType t, boolean grouped) {
    this.plan = plan;
    this.t = t;
    this.grouped = grouped;
    this.last = plan.outputLayer().number();
    this.dropout = plan.hasDropout();
  }

  void addTo(TypeSpec.Builder type) {
    this.type = type;
    type.addMethod(getter("spec", NetworkSpec.class, "SPEC"));
    type.addMethod(getter("inputSize", int.class, "INPUTS"));
    type.addMethod(getter("outputSize", int.class, "OUTPUTS"));
    type.addMethod(getter("parameterCount", int.class, "PARAMETERS"));
    type.addMethod(getParameters());
    type.addMethod(setParameters());
    type.addMethod(newReplica());
    if (plan.spec().precision() == Precision.FLOAT) {
      type.addMethod(predictFloat());
    }
    type.addMethod(predictDouble());
    type.addMethod(forward());
    if (dropout) {
      type.addMethod(override("setTraining").addParameter(boolean.class, "training")
          .addStatement("this.training = training").build());
      type.addMethod(override("setDropoutSeed").addParameter(long.class, "seed")
          .addStatement("random = new $T(seed)", java.util.SplittableRandom.class).build());
      type.addMethod(pass());
    }
    type.addMethod(forwardBackward());
    type.addMethod(forwardBackwardBatch());
    type.addMethod(forwardAndDelta());
    type.addMethod(backward());
    type.addMethod(run());
    type.addMethod(outputDelta());
    type.addMethod(backpropagate());
  }

  private static MethodSpec getter(String name, Class<?> type, String value) {
    return override(name).returns(type).addStatement("return $L", value).build();
  }

  private static MethodSpec.Builder override(String name) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC);
  }

  /** Returns {@code newReplica}: a new instance, for the trainer's other threads. */
  private MethodSpec newReplica() {
    ClassName self = ClassName.get(plan.packageName(), plan.className());
    return override("newReplica").returns(self).addStatement("return new $T()", self).build();
  }

  private MethodSpec getParameters() {
    return override("getParameters").addParameter(DOUBLES, "destination")
        .addCode(requireLength("destination", "PARAMETERS"))
        .addCode(eachDenseLayer("store", DOUBLES, "destination"))
        .build();
  }

  private MethodSpec setParameters() {
    return override("setParameters").addParameter(DOUBLES, "source")
        .addCode(requireLength("source", "PARAMETERS"))
        .addCode(eachDenseLayer("load", DOUBLES, "source"))
        .build();
  }

  /** Calls {@code method + n} of each dense layer n, with the one parameter, if any. */
  private CodeBlock eachDenseLayer(String method, TypeName parameterType, String parameter) {
    List<CodeBlock> calls = new ArrayList<>();
    for (LayerPlan layer : plan.layers()) {
      if (layer.isDense()) {
        calls.add(CodeBlock.builder().addStatement("$L$L($L)", method, layer.number(),
            parameter == null ? "" : parameter).build());
      }
    }
    List<ParameterSpec> parameters = parameter == null ? List.of()
        : List.of(ParameterSpec.builder(parameterType, parameter).build());
    return MethodChunks.of(type, method + "Layers", parameters, calls);
  }

  /** Returns the arguments of {@code run}: the input, and whether to drop if any dropout. */
  private String runArguments(String input, String drop) {
    return dropout ? input + ", " + drop : input;
  }

  private MethodSpec predictFloat() {
    return override("predict")
        .addParameter(float[].class, "input")
        .addParameter(float[].class, "output")
        .addCode(requireLength("input", "INPUTS"))
        .addCode(requireLength("output", "OUTPUTS"))
        .addStatement("run($L)", runArguments("input", "false"))
        .addStatement("System.arraycopy(a$L, 0, output, 0, OUTPUTS)", last)
        .build();
  }

  private MethodSpec predictDouble() {
    return override("predict")
        .addParameter(DOUBLES, "input")
        .addParameter(DOUBLES, "output")
        .addStatement(dropout ? "pass(input, output, false)" : "forward(input, output)")
        .build();
  }

  private MethodSpec forward() {
    MethodSpec.Builder m = override("forward")
        .addParameter(DOUBLES, "input")
        .addParameter(DOUBLES, "output");
    if (dropout) {
      return m.addStatement("pass(input, output, training)").build();
    }
    return passBody(m);
  }

  private MethodSpec pass() {
    return passBody(MethodSpec.methodBuilder("pass")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("The forward pass of predict (drop false) and forward (drop if training).\n")
        .addParameter(DOUBLES, "input")
        .addParameter(DOUBLES, "output")
        .addParameter(boolean.class, "drop"));
  }

  private MethodSpec passBody(MethodSpec.Builder m) {
    return m.addCode(requireLength("input", "INPUTS"))
        .addCode(requireLength("output", "OUTPUTS"))
        .beginControlFlow("for (int i = 0; i < INPUTS; i++)")
        .addStatement("a0[i] = $Linput[i]", t.cast())
        .endControlFlow()
        .addStatement("run($L)", runArguments("a0", "drop"))
        .beginControlFlow("for (int k = 0; k < OUTPUTS; k++)")
        .addStatement("output[k] = a$L[k]", last)
        .endControlFlow()
        .build();
  }

  private MethodSpec forwardBackward() {
    return override("forwardBackward").returns(double.class)
        .addParameter(DOUBLES, "input")
        .addParameter(DOUBLES, "target")
        .addParameter(DOUBLES, "gradient")
        .addCode(requireLength("gradient", "PARAMETERS"))
        .addStatement("double loss = forwardAndDelta(input, target)")
        .addStatement("backpropagate(gradient)")
        .addStatement("return loss")
        .build();
  }

  /**
   * Returns the batched training pass: the gradient accumulates in this precision, in each
   * layer's own layout ({@code gwN}, {@code gbN}), and reaches the caller's flat array once per
   * batch instead of once per sample.
   */
  private MethodSpec forwardBackwardBatch() {
    MethodSpec.Builder m = override("forwardBackwardBatch").returns(double.class)
        .addParameter(Dataset.class, "data")
        .addParameter(int[].class, "order")
        .addParameter(int.class, "from")
        .addParameter(int.class, "to")
        .addParameter(DOUBLES, "gradient")
        .addCode(requireLength("gradient", "PARAMETERS"))
        .addStatement("$T.requireBatch(data, order, from, to, INPUTS, OUTPUTS)",
            ModelArguments.class)
        .addCode(eachDenseLayer("clear", null, null))
        .addStatement("double loss = 0");
    if (grouped) {
      m.addStatement("int k = from")
          .addComment("$L samples at a time share each load of the weights; the rest one by one.",
              BatchedTraining.GROUP)
          .beginControlFlow("for (; k + $L <= to; k += $L)", BatchedTraining.GROUP,
              BatchedTraining.GROUP)
          .addStatement("loss += trainGroup(data, order, k)")
          .endControlFlow()
          .beginControlFlow("for (; k < to; k++)");
    } else {
      m.beginControlFlow("for (int k = from; k < to; k++)");
    }
    m.addStatement("loss += forwardAndDelta(data.input(order[k]), data.target(order[k]))");
    m.addCode(MethodChunks.of(type, "accumulateSample", List.of(),
        backwardCalls("accumulate$L()", "propagate$L()")));
    return m.endControlFlow()
        .addCode(eachDenseLayer("flush", DOUBLES, "gradient"))
        .addStatement("return loss")
        .build();
  }

  /** Returns the forward pass of one training sample, its loss, and d of the output layer. */
  private MethodSpec forwardAndDelta() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("forwardAndDelta")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Runs one training sample forward, returns its loss and writes d$L.\n", last)
        .returns(double.class)
        .addParameter(DOUBLES, "input")
        .addParameter(DOUBLES, "target")
        .addCode(requireLength("target", "OUTPUTS"))
        .addStatement("forward(input, output)");
    if (LossCode.fused(plan)) {
      m.addCode(LossCode.fusedLossAndGradient(plan, t, "z" + last))
          .beginControlFlow("for (int k = 0; k < OUTPUTS; k++)")
          .addStatement("d$L[k] = $LoutputGradient[k]", last, t.cast())
          .endControlFlow();
    } else {
      m.addCode(LossCode.lossAndGradient(plan))
          .addStatement("outputDelta(outputGradient)");
    }
    return m.addStatement("return loss").build();
  }

  private MethodSpec backward() {
    return override("backward")
        .addParameter(DOUBLES, "outputGradient")
        .addParameter(DOUBLES, "gradient")
        .addCode(requireLength("outputGradient", "OUTPUTS"))
        .addCode(requireLength("gradient", "PARAMETERS"))
        .addStatement("outputDelta(outputGradient)")
        .addStatement("backpropagate(gradient)")
        .build();
  }

  private MethodSpec run() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("run")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Forward propagation, layer by layer.\n")
        .addParameter(t.arrayType(), "x");
    if (dropout) {
      m.addParameter(boolean.class, "drop");
    }
    List<CodeBlock> calls = new ArrayList<>();
    for (LayerPlan layer : plan.layers()) {
      String x = layer.number() == 1 ? "x" : "a" + (layer.number() - 1);
      calls.add(CodeBlock.builder().addStatement("forward$L($L)", layer.number(),
          layer.isDense() ? x : x + ", drop").build());
    }
    return m.addCode(MethodChunks.of(type, "run", m.build().parameters(), calls)).build();
  }

  private MethodSpec outputDelta() {
    LayerPlan output = plan.outputLayer();
    MethodSpec.Builder m = MethodSpec.methodBuilder("outputDelta")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Writes d$L from the gradient with respect to the outputs.\n", last)
        .addParameter(DOUBLES, "dA");
    if (output.spec().activation() == Activation.SOFTMAX) {
      return m.addComment("Softmax couples the outputs: dz_k = y_k (dA_k - sum_j dA_j y_j).")
          .addStatement("double dot = 0")
          .beginControlFlow("for (int k = 0; k < OUTPUTS; k++)")
          .addStatement("dot += dA[k] * a$L[k]", last)
          .endControlFlow()
          .beginControlFlow("for (int k = 0; k < OUTPUTS; k++)")
          .addStatement("d$L[k] = $L(a$L[k] * (dA[k] - dot))", last, t.cast(), last)
          .endControlFlow()
          .build();
    }
    return m.beginControlFlow("for (int k = 0; k < OUTPUTS; k++)")
        .addStatement("d$L[k] = $L", last, LayerEmitter.times(t.cast() + "dA[k]",
            ActivationCode.derivative(output.spec().activation(),
                output.spec().activationParameter(), "z" + last + "[k]", "a" + last + "[k]")))
        .endControlFlow()
        .build();
  }

  private MethodSpec backpropagate() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("backpropagate")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Back propagation from d$L down to the first layer.\n", last)
        .addParameter(DOUBLES, "gradient");
    return m.addCode(MethodChunks.of(type, "backpropagate", m.build().parameters(),
        backwardCalls("backward$L(gradient)", "propagate$L()"))).build();
  }

  /**
   * Returns the calls of a backward pass from the output layer down: {@code dense} for each
   * dense layer n, then {@code propagate} to hand the gradient to layer n - 1.
   */
  static List<CodeBlock> backwardCalls(NetworkPlan plan, String dense, String propagate) {
    List<CodeBlock> calls = new ArrayList<>();
    for (int n = plan.outputLayer().number(); n >= 1; n--) {
      if (plan.layers().get(n - 1).isDense()) {
        calls.add(CodeBlock.builder().addStatement(dense, n).build());
      }
      if (n > 1) {
        calls.add(CodeBlock.builder().addStatement(propagate, n).build());
      }
    }
    return calls;
  }

  private List<CodeBlock> backwardCalls(String dense, String propagate) {
    return backwardCalls(plan, dense, propagate);
  }

  /** Returns the frozen class's own length check: it depends on nothing, not ModelArguments. */
  static MethodSpec requireLength() {
    return MethodSpec.methodBuilder("requireLength")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(String.class, "what")
        .addParameter(int.class, "length")
        .addParameter(int.class, "expected")
        .beginControlFlow("if (length != expected)")
        .addStatement("throw new IllegalArgumentException(what + $S + expected + $S + length)",
            " must have length ", ", but had length ")
        .endControlFlow()
        .build();
  }

  /**
   * Returns the check of an array argument (not null, of length {@code expected}) that the
   * runtime's {@link ModelArguments} makes for every implementation of the contract.
   */
  static CodeBlock requireLength(String name, String expected) {
    return CodeBlock.builder().addStatement("$T.requireLength($S, $N, $L)", ModelArguments.class,
        name, name, expected).build();
  }
}
