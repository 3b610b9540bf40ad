package dev.neurite.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.neurite.processor.plan.Budget;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.processor.plan.Part;
import dev.neurite.runtime.Activation;

/**
 * A dense layer as straight-line code: one statement per neuron, each a sum of at most
 * {@link Budget#SUM_TERMS} terms, in the methods the planner partitioned. The weights stay in
 * the spec's layout ({@code w[o * inputs + i]}), so every index is a constant.
 */
final class UnrolledLayerEmitter extends LayerEmitter {
  private final int inputs;

  UnrolledLayerEmitter(LayerPlan layer, LayerPlan previous, NumericType t) {
    super(layer, previous, t);
    this.inputs = layer.inputs();
  }

  @Override
  void addTo(TypeSpec.Builder type) {
    type.addField(array("w" + n, layer.inputs() * layer.outputs(),
        "Layer " + n + "'s weights, row by row as in the flat layout."));
    if (layer.spec().hasBias()) {
      type.addField(array("b" + n, layer.outputs(), "Layer " + n + "'s biases."));
    }
    addForwardTo(type);
    addParts(type, method("backward" + n,
            "Adds layer $L's parameter gradient, from d$L and its inputs a$L.\n", n, n, n - 1)
        .addParameter(DOUBLES, "g"), layer.gradientParts(), this::backward, "g", CodeBlock.of(""));
    if (previous != null) {
      addParts(type, method("propagate" + n,
          "Back-propagates d$L through layer $L's weights into d$L.\n", n, n, n - 1),
          layer.propagateParts(), this::propagate, "", CodeBlock.of(""));
    }
    type.addMethod(load());
    type.addMethod(store());
    addBatchGradient(type, false);
  }

  @Override
  void addForwardTo(TypeSpec.Builder type) {
    addParts(type, method("forward" + n, "Layer $L, unrolled: $L.\n", n, describe())
        .addParameter(t.arrayType(), "x"), layer.forwardParts(), this::forward, "x",
        layer.spec().activation() == Activation.SOFTMAX
            ? CodeBlock.of("softmax(z$L, a$L);\n", n, n) : CodeBlock.of(""));
  }

  String describe() {
    return layer.inputs() + " inputs -> " + layer.outputs() + " " + layer.spec().activation()
        + (layer.spec().hasBias() ? "" : ", no bias");
  }

  private void forward(MethodSpec.Builder m, Part part) {
    m.addStatement("$T w = w$L", t.arrayType(), n);
    if (layer.spec().hasBias()) {
      m.addStatement("$T b = b$L", t.arrayType(), n);
    }
    m.addStatement("$T z = z$L", t.arrayType(), n);
    Activation f = layer.spec().activation();
    if (f != Activation.SOFTMAX) {
      m.addStatement("$T a = a$L", t.arrayType(), n);
    }
    m.addStatement("$T s", t.type());
    for (int o = part.from(); o < part.to(); o++) {
      int row = o * inputs;
      sum(m, "s", layer.spec().hasBias() ? CodeBlock.of("b[$L]", o) : null, inputs,
          i -> CodeBlock.of("w[$L] * x[$L]", row + i, i));
      m.addStatement("z[$L] = s", o);
      if (f != Activation.SOFTMAX) {
        m.addStatement("a[$L] = $L", o,
            ActivationCode.forward(f, layer.spec().activationParameter(), "s"));
      }
    }
  }

  private void backward(MethodSpec.Builder m, Part part) {
    m.addStatement("$T x = a$L", t.arrayType(), n - 1)
        .addStatement("$T d = d$L", t.arrayType(), n)
        .addStatement("double delta");
    for (int o = part.from(); o < part.to(); o++) {
      m.addStatement("delta = d[$L]", o);
      for (int i = 0; i < inputs; i++) {
        m.addStatement("g[$L] += delta * x[$L]", plus(layer.weightName(), o * inputs + i), i);
      }
      if (layer.spec().hasBias()) {
        m.addStatement("g[$L] += delta", plus(layer.biasName(), o));
      }
    }
  }

  private void propagate(MethodSpec.Builder m, Part part) {
    m.addStatement("$T w = w$L", t.arrayType(), n)
        .addStatement("$T d = d$L", t.arrayType(), n)
        .addStatement("$T dp = d$L", t.arrayType(), n - 1);
    previousLocals(m);
    m.addStatement("$T s", t.type());
    for (int i = part.from(); i < part.to(); i++) {
      int input = i;
      sum(m, "s", null, layer.outputs(),
          o -> CodeBlock.of("w[$L] * d[$L]", o * inputs + input, o));
      m.addStatement("dp[$L] = $L", i, times("s", previousDerivative(i)));
    }
  }

  /** Writes {@code s = first + term(0) + ...} in statements of at most SUM_TERMS terms. */
  private static void sum(MethodSpec.Builder m, String s, CodeBlock first, int count,
      java.util.function.IntFunction<CodeBlock> term) {
    CodeBlock.Builder statement = CodeBlock.builder();
    int terms = 0;
    boolean assigned = false;
    if (first != null) {
      statement.add(first);
      terms++;
    }
    for (int k = 0; k < count; k++) {
      if (terms == Budget.SUM_TERMS) {
        m.addStatement("$L $L $L", s, assigned ? "+=" : "=", statement.build());
        assigned = true;
        statement = CodeBlock.builder();
        terms = 0;
      }
      statement.add(terms == 0 ? "" : " + ").add(term.apply(k));
      terms++;
    }
    m.addStatement("$L $L $L", s, assigned ? "+=" : "=", statement.build());
  }

  private MethodSpec load() {
    MethodSpec.Builder m = method("load" + n, "Copies layer $L's parameters from the flat layout.\n",
        n).addParameter(DOUBLES, "source")
        .addStatement("$T w = w$L", t.arrayType(), n)
        .beginControlFlow("for (int k = 0; k < $L; k++)", layer.multiplyAdds())
        .addStatement("w[k] = $Lsource[$L + k]", t.cast(), layer.weightName())
        .endControlFlow();
    if (layer.spec().hasBias()) {
      m.addStatement("$T b = b$L", t.arrayType(), n)
          .beginControlFlow("for (int k = 0; k < $L; k++)", layer.outputs())
          .addStatement("b[k] = $Lsource[$L + k]", t.cast(), layer.biasName())
          .endControlFlow();
    }
    return m.build();
  }

  private MethodSpec store() {
    MethodSpec.Builder m = method("store" + n, "Copies layer $L's parameters to the flat layout.\n",
        n).addParameter(DOUBLES, "destination")
        .addStatement("$T w = w$L", t.arrayType(), n)
        .beginControlFlow("for (int k = 0; k < $L; k++)", layer.multiplyAdds())
        .addStatement("destination[$L + k] = w[k]", layer.weightName())
        .endControlFlow();
    if (layer.spec().hasBias()) {
      m.addStatement("$T b = b$L", t.arrayType(), n)
          .beginControlFlow("for (int k = 0; k < $L; k++)", layer.outputs())
          .addStatement("destination[$L + k] = b[k]", layer.biasName())
          .endControlFlow();
    }
    return m.build();
  }
}
