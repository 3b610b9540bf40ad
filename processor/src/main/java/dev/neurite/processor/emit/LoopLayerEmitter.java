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
 * A dense layer as constant-bound loops in the shapes C2 vectorizes (PERFORMANCE.md items 3-4,
 * bench-findings.md): every inner loop is an "axpy" in which every array is indexed by the same
 * variable. The weights are kept twice, as the bench measured: one array per input,
 * {@code wtN[i][o]}, for the forward pass {@code z[o] += wt[i][o] * x_i}, and one array per unit,
 * {@code wN[o][i]} (the flat layout's rows), for the input gradient
 * {@code dp[i] += w[o][i] * d_o}. {@code loadN} fills the rows from the flat layout, then
 * transposes them into the columns.
 */
final class LoopLayerEmitter extends LayerEmitter {
  /** Input columns added to z per pass of the forward loop; 8 measured no faster than 4. */
  static final int COLUMNS_PER_PASS = 4;

  /** The rows {@code transpose} reads at once. */
  static final int STRIP = 8;

  private final int inputs;
  private final int outputs;

  LoopLayerEmitter(LayerPlan layer, LayerPlan previous, NumericType t) {
    super(layer, previous, t);
    this.inputs = layer.inputs();
    this.outputs = layer.outputs();
  }

  @Override
  void addTo(TypeSpec.Builder type) {
    type.addField(matrix("wt" + n, inputs, outputs, "Layer " + n
        + "'s weights, one array per input: wt" + n + "[i][o] weights input i in unit o."));
    type.addField(matrix("w" + n, outputs, inputs, "Layer " + n
        + "'s weights, one array per unit (the flat layout's rows), for back propagation."));
    if (layer.spec().hasBias()) {
      type.addField(array("b" + n, outputs, "Layer " + n + "'s biases."));
    }
    addForwardTo(type);
    type.addMethod(backward());
    if (previous != null) {
      type.addMethod(propagate());
    }
    type.addMethod(load());
    type.addMethod(store());
    addBatchGradient(type, true);
  }

  private FieldSpec matrix(String name, int rows, int columns, String doc) {
    return FieldSpec.builder(ArrayTypeName.of(t.arrayType()), name, Modifier.PRIVATE,
            Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer("new $T[$L][$L]", t.type(), rows, columns)
        .build();
  }

  @Override
  void addForwardTo(TypeSpec.Builder type) {
    type.addMethod(forward());
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
    addColumnGroups(m);
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

  /**
   * Adds the forward sums {@code z[o] += wt[i][o] * x[i]} in the axpy form C2 vectorizes (z and
   * every weight column share the index o), {@value #COLUMNS_PER_PASS} input columns per pass
   * over z: z is loaded and stored once per group instead of once per input, which the bench
   * measured 2.3x (64x32) to 3.5x (32x10) faster than one column per pass. Inputs left over
   * after the last full group take one pass each.
   */
  private void addColumnGroups(MethodSpec.Builder m) {
    int grouped = inputs - inputs % COLUMNS_PER_PASS;
    if (grouped > 0) {
      CodeBlock.Builder sum = CodeBlock.builder().add("z[o] += ");
      m.addComment("axpy form, $L input columns per pass: z and every column share the index o.",
              COLUMNS_PER_PASS)
          .beginControlFlow("for (int i = 0; i < $L; i += $L)", grouped, COLUMNS_PER_PASS);
      for (int c = 0; c < COLUMNS_PER_PASS; c++) {
        m.addStatement("$T x$L = x[$L]", t.type(), c, plus("i", c))
            .addStatement("$T c$L = wt$L[$L]", t.arrayType(), c, n, plus("i", c));
        sum.add(c == 0 ? "c$L[o] * x$L" : " + c$L[o] * x$L", c, c);
      }
      m.beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement(sum.build())
          .endControlFlow()
          .endControlFlow();
    }
    if (grouped < inputs) {
      m.beginControlFlow("for (int i = $L; i < $L; i++)", grouped, inputs)
          .addStatement("$T xi = x[i]", t.type())
          .addStatement("$T w = wt$L[i]", t.arrayType(), n)
          .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("z[o] += w[o] * xi")
          .endControlFlow()
          .endControlFlow();
    }
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
    MethodSpec.Builder m = method("propagate" + n,
        "Back-propagates d$L through layer $L's weights into d$L.\n", n, n, n - 1)
        .addStatement("$T d = d$L", t.arrayType(), n)
        .addStatement("$T dp = d$L", t.arrayType(), n - 1)
        .beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
        .addStatement("dp[i] = 0")
        .endControlFlow()
        .addComment("axpy form again, over the rows of the weights: dp and w[o] share the index.")
        .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
        .addStatement("$T delta = d[o]", t.type())
        .addStatement("$T w = w$L[o]", t.arrayType(), n)
        .beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
        .addStatement("dp[i] += w[i] * delta")
        .endControlFlow()
        .endControlFlow();
    CodeBlock derivative = previousDerivative("i");
    if (derivative != null) {
      previousLocals(m);
      m.beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
          .addStatement("dp[i] *= $L", derivative)
          .endControlFlow();
    }
    return m.build();
  }

  @Override
  void addTileTo(TypeSpec.Builder type) {
    type.addField(BatchPredict.tileField(t, "tile" + n, outputs,
        "Layer " + n + "'s outputs for the samples of a tile."));
    type.addMethod(new LoopTilePass(layer, t).forwardTile());
  }

  @Override
  void addGroupTo(TypeSpec.Builder type) {
    type.addField(groupField(t, "zg" + n, outputs, "Layer " + n + "'s sums, per sample."));
    type.addField(groupField(t, "ag" + n, outputs, "Layer " + n + "'s outputs, per sample."));
    type.addField(groupField(t, "dg" + n, outputs,
        "The loss gradient with respect to zg" + n + ", per sample."));
    LoopGroupPasses passes = new LoopGroupPasses(this);
    type.addMethod(passes.forwardGroup());
    type.addMethod(passes.accumulateGroup());
    if (previous != null) {
      type.addMethod(passes.propagateGroup());
    }
  }

  private MethodSpec load() {
    return method("load" + n, "Copies layer $L's parameters from the flat layout.\n", n)
        .addParameter(DOUBLES, "source")
        .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
        .addStatement("$T w = w$L[o]", t.arrayType(), n)
        .addStatement("int row = $L + o * $L", layer.weightName(), inputs)
        .beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
        .addStatement("w[i] = $Lsource[row + i]", t.cast())
        .endControlFlow()
        .endControlFlow()
        .addStatement("transpose(w$L, wt$L)", n, n)
        .addCode(biasCopy("$L[o] = $Lsource[$L + o]", "b" + n, t.cast(), layer.biasName()))
        .build();
  }

  /**
   * Returns {@code transpose(rows, columns)}, shared by the loop layers' {@code loadN}. Writing
   * {@code columns[i][o]} while reading one row at a time misses the cache on every write; this
   * reads {@value #STRIP} rows at once and writes {@value #STRIP} neighbouring values of each
   * column. Loading W4's weights (both copies) took 291 us the old way, 150 us this way, and
   * 180-245 us with square blocks of 8 to 64 (a plain timing loop, JDK 17).
   */
  static MethodSpec transposeHelper(NumericType t) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("transpose")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Writes the transpose of {@code rows} into {@code columns}, $L rows at a time."
            + "\n", STRIP)
        .addParameter(ArrayTypeName.of(t.arrayType()), "rows")
        .addParameter(ArrayTypeName.of(t.arrayType()), "columns")
        .addStatement("int o = 0")
        .beginControlFlow("for (; o + $L <= rows.length; o += $L)", STRIP, STRIP);
    CodeBlock.Builder strip = CodeBlock.builder();
    for (int k = 0; k < STRIP; k++) {
      m.addStatement("$T r$L = rows[$L]", t.arrayType(), k, plus("o", k));
    }
    // The last index first: once it is in range, so are the others.
    for (int k = STRIP - 1; k >= 0; k--) {
      strip.addStatement("c[$L] = r$L[i]", plus("o", k), k);
    }
    return m.beginControlFlow("for (int i = 0; i < columns.length; i++)")
        .addStatement("$T c = columns[i]", t.arrayType())
        .addCode(strip.build())
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (; o < rows.length; o++)")
        .addStatement("$T r = rows[o]", t.arrayType())
        .beginControlFlow("for (int i = 0; i < columns.length; i++)")
        .addStatement("columns[i][o] = r[i]")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private MethodSpec store() {
    return method("store" + n, "Copies layer $L's parameters to the flat layout.\n", n)
        .addParameter(DOUBLES, "destination")
        .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
        .addStatement("$T w = w$L[o]", t.arrayType(), n)
        .addStatement("int row = $L + o * $L", layer.weightName(), inputs)
        .beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
        .addStatement("destination[row + i] = w[i]")
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
