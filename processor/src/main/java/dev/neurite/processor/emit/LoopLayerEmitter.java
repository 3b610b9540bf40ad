package dev.neurite.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.runtime.Activation;
import javax.lang.model.element.Modifier;

/**
 * A dense layer as constant-bound loops in the shapes C2 vectorizes (PERFORMANCE.md, items 3-4).
 * The weights are stored one array per input, {@code w[i][o]}, so that the forward pass is the
 * "axpy" form {@code z[o] += w[i][o] * x_i} in which every array of the inner loop is indexed by
 * the same variable; the input gradient, a reduction over the same rows, keeps several
 * independent sums. The flat layout is only the get/set contract: {@code loadN}/{@code storeN}
 * transpose.
 */
final class LoopLayerEmitter extends LayerEmitter {
  private final int inputs;
  private final int outputs;

  LoopLayerEmitter(LayerPlan layer, LayerPlan previous, NumericType t) {
    super(layer, previous, t);
    this.inputs = layer.inputs();
    this.outputs = layer.outputs();
  }

  @Override
  void addTo(TypeSpec.Builder type) {
    type.addField(FieldSpec.builder(ArrayTypeName.of(t.arrayType()), "w" + n, Modifier.PRIVATE,
            Modifier.FINAL)
        .addJavadoc("Layer $L's weights, one array per input: w$L[i][o] weights input i in unit o.\n",
            n, n)
        .initializer("new $T[$L][$L]", t.type(), inputs, outputs)
        .build());
    if (layer.spec().hasBias()) {
      type.addField(array("b" + n, outputs, "Layer " + n + "'s biases."));
    }
    type.addMethod(forward());
    type.addMethod(backward());
    if (previous != null) {
      type.addMethod(propagate());
    }
    type.addMethod(load());
    type.addMethod(store());
  }

  private MethodSpec forward() {
    Activation f = layer.spec().activation();
    MethodSpec.Builder m = method("forward" + n, "Layer $L, loops: $L inputs -> $L $L$L.\n", n,
        inputs, outputs, f, layer.spec().hasBias() ? "" : ", no bias")
        .addParameter(t.arrayType(), "x")
        .addStatement("$T z = z$L", t.arrayType(), n);
    if (layer.spec().hasBias()) {
      m.addStatement("System.arraycopy(b$L, 0, z, 0, $L)", n, outputs);
    } else {
      m.beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("z[o] = 0")
          .endControlFlow();
    }
    m.addComment("axpy form: z and w[i] share the index o, so C2 vectorizes the inner loop.")
        .beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
        .addStatement("$T xi = x[i]", t.type())
        .addStatement("$T w = w$L[i]", t.arrayType(), n)
        .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
        .addStatement("z[o] += w[o] * xi")
        .endControlFlow()
        .endControlFlow();
    if (f == Activation.SOFTMAX) {
      return m.addStatement("softmax(z, a$L)", n).build();
    }
    return m.addStatement("$T a = a$L", t.arrayType(), n)
        .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
        .addStatement("a[o] = $L",
            ActivationCode.forward(f, layer.spec().activationParameter(), "z[o]"))
        .endControlFlow()
        .build();
  }

  private MethodSpec backward() {
    MethodSpec.Builder m = method("backward" + n,
        "Adds layer $L's parameter gradient, from d$L and its inputs a$L.\n", n, n, n - 1)
        .addParameter(DOUBLES, "g")
        .addStatement("$T x = a$L", t.arrayType(), n - 1)
        .addStatement("$T d = d$L", t.arrayType(), n)
        .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
        .addStatement("double delta = d[o]")
        .addStatement("int row = $L + o * $L", layer.weightName(), inputs)
        .beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
        .addStatement("g[row + i] += delta * x[i]")
        .endControlFlow();
    if (layer.spec().hasBias()) {
      m.addStatement("g[$L + o] += delta", layer.biasName());
    }
    return m.endControlFlow().build();
  }

  private MethodSpec propagate() {
    int sums = Math.min(layer.accumulators(), outputs);
    int main = outputs / sums * sums;
    MethodSpec.Builder m = method("propagate" + n,
        "Back-propagates d$L through layer $L's weights into d$L.\n", n, n, n - 1)
        .addStatement("$T d = d$L", t.arrayType(), n)
        .addStatement("$T dp = d$L", t.arrayType(), n - 1);
    previousLocals(m);
    m.beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
        .addStatement("$T w = w$L[i]", t.arrayType(), n)
        .addComment("$L independent sums: one sum would wait on each addition.", sums);
    CodeBlock.Builder total = CodeBlock.builder();
    for (int k = 0; k < sums; k++) {
      m.addStatement("$T s$L = 0", t.type(), k);
      total.add(k == 0 ? "s$L" : " + s$L", k);
    }
    m.beginControlFlow("for (int o = 0; o < $L; o += $L)", main, sums);
    for (int k = 0; k < sums; k++) {
      if (k == 0) {
        m.addStatement("s0 += w[o] * d[o]");
      } else {
        m.addStatement("s$L += w[o + $L] * d[o + $L]", k, k, k);
      }
    }
    m.endControlFlow();
    if (main < outputs) {
      m.beginControlFlow("for (int o = $L; o < $L; o++)", main, outputs)
          .addStatement("s0 += w[o] * d[o]")
          .endControlFlow();
    }
    return m.addStatement("dp[i] = $L", times(CodeBlock.of("($L)", total.build()),
            previousDerivative("i")))
        .endControlFlow()
        .build();
  }

  private MethodSpec load() {
    return method("load" + n, "Copies layer $L's parameters from the flat layout.\n", n)
        .addParameter(DOUBLES, "source")
        .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
        .addStatement("int row = $L + o * $L", layer.weightName(), inputs)
        .beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
        .addStatement("w$L[i][o] = $Lsource[row + i]", n, t.cast())
        .endControlFlow()
        .endControlFlow()
        .addCode(biasCopy("$L[o] = $Lsource[$L + o]", "b" + n, t.cast(), layer.biasName()))
        .build();
  }

  private MethodSpec store() {
    return method("store" + n, "Copies layer $L's parameters to the flat layout.\n", n)
        .addParameter(DOUBLES, "destination")
        .beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
        .addStatement("$T w = w$L[i]", t.arrayType(), n)
        .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
        .addStatement("destination[$L + o * $L + i] = w[o]", layer.weightName(), inputs)
        .endControlFlow()
        .endControlFlow()
        .addCode(biasCopy("destination[$L + o] = $L[o]", layer.biasName(), "b" + n))
        .build();
  }

  private CodeBlock biasCopy(String statement, Object... args) {
    if (!layer.spec().hasBias()) {
      return CodeBlock.of("");
    }
    return CodeBlock.builder()
        .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
        .addStatement(statement, args)
        .endControlFlow()
        .build();
  }
}
