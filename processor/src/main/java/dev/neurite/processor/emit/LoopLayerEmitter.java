package dev.neurite.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.runtime.Activation;
import java.util.Arrays;
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

  /**
   * Samples per sweep of the group's forward loop, {@link #COLUMNS_PER_PASS} columns per pass: at
   * W4's first layer 2 samples ran in about 0.6 of the time of 4 samples with one column per
   * pass, whose 4 stores per weight loaded bound the loop (a plain timing loop, best of runs).
   */
  static final int SAMPLES_PER_PASS = 2;

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
    type.addMethod(forward());
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
  void addGroupTo(TypeSpec.Builder type) {
    type.addField(groupField(t, "zg" + n, outputs, "Layer " + n + "'s sums, per sample."));
    type.addField(groupField(t, "ag" + n, outputs, "Layer " + n + "'s outputs, per sample."));
    type.addField(groupField(t, "dg" + n, outputs,
        "The loss gradient with respect to zg" + n + ", per sample."));
    type.addMethod(forwardGroup());
    type.addMethod(accumulateGroup());
    if (previous != null) {
      type.addMethod(propagateGroup());
    }
  }

  /** The forward pass of each sample of the group, in one sweep over the weight columns. */
  private MethodSpec forwardGroup() {
    Activation f = layer.spec().activation();
    MethodSpec.Builder m = method("forwardGroup" + n,
        "Layer $L for each sample of the group, from ag$L.\n", n, n - 1)
        .beginControlFlow("for (int s = 0; s < $L; s += $L)", BatchedTraining.GROUP,
            SAMPLES_PER_PASS);
    for (int q = 0; q < SAMPLES_PER_PASS; q++) {
      m.addStatement("$T x$L = ag$L[$L]", t.arrayType(), q, n - 1, plus("s", q))
          .addStatement("$T y$L = zg$L[$L]", t.arrayType(), q, n, plus("s", q));
      if (layer.spec().hasBias()) {
        m.addStatement("System.arraycopy(b$L, 0, y$L, 0, $L)", n, q, outputs);
      } else {
        m.addStatement("$T.fill(y$L, 0)", Arrays.class, q);
      }
    }
    int grouped = inputs - inputs % COLUMNS_PER_PASS;
    addGroupColumns(m, COLUMNS_PER_PASS, 0, grouped);
    addGroupColumns(m, 1, grouped, inputs);
    m.endControlFlow()
        .beginControlFlow("for (int s = 0; s < $L; s++)", BatchedTraining.GROUP);
    if (f == Activation.SOFTMAX) {
      m.addStatement("softmax(zg$L[s], ag$L[s])", n, n);
    } else {
      m.addStatement("$T z = zg$L[s]", t.arrayType(), n)
          .addStatement("$T a = ag$L[s]", t.arrayType(), n)
          .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("a[o] = $L",
              ActivationCode.forward(f, layer.spec().activationParameter(), "z[o]"))
          .endControlFlow();
    }
    return m.endControlFlow().build();
  }

  /**
   * Adds inputs {@code from} to {@code to} of {@value #SAMPLES_PER_PASS} samples ({@code x0},
   * ...) to their sums ({@code y0}, ...), {@code columns} weight columns per pass over the units:
   * each column loaded serves both samples, and each sum is loaded and stored once per pass. The
   * terms add to the sum one column after the other, {@code y = y + v0 * x0 + v1 * x1 ...}, as
   * with one column per pass (and as the Vector API's group pass, which matches it bit for bit).
   */
  private void addGroupColumns(MethodSpec.Builder m, int columns, int from, int to) {
    if (from >= to) {
      return;
    }
    m.beginControlFlow("for (int i = $L; i < $L; i += $L)", from, to, columns);
    CodeBlock.Builder body = CodeBlock.builder();
    for (int c = 0; c < columns; c++) {
      m.addStatement("$T c$L = wt$L[$L]", t.arrayType(), c, n, plus("i", c));
      body.addStatement("$T v$L = c$L[o]", t.type(), c, c);
    }
    for (int q = 0; q < SAMPLES_PER_PASS; q++) {
      CodeBlock.Builder sum = CodeBlock.builder();
      for (int c = 0; c < columns; c++) {
        m.addStatement("$T x$L$L = x$L[$L]", t.type(), q, c, q, plus("i", c));
        sum.add(c == 0 ? "v$L * x$L$L" : " + v$L * x$L$L", c, q, c);
      }
      body.addStatement("y$L[o] = y$L[o] + $L", q, q, sum.build());
    }
    m.beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
        .addCode(body.build())
        .endControlFlow()
        .endControlFlow();
  }

  /**
   * The group's parameter gradient, in one sweep over the gradient rows, one row per pass. (Two
   * rows per pass, sharing each input loaded, ran a quarter faster compiled alone but twice as
   * slow once C2 inlined it into {@code trainGroup}, which it does or not depending on the order
   * of compilation: W4 trained at 29,000 or 14,000 samples/s from one JVM to the next.)
   */
  private MethodSpec accumulateGroup() {
    MethodSpec.Builder m = method("accumulateGroup" + n,
        "Adds the group's gradient of layer $L, from dg$L and ag$L, to the batch's.\n",
        n, n, n - 1);
    groupLocals(m, "x", "ag" + (n - 1));
    groupLocals(m, "e", "dg" + n);
    CodeBlock.Builder sum = CodeBlock.builder();
    m.beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
        .addStatement("$T g = gw$L[o]", t.arrayType(), n);
    for (int s = 0; s < BatchedTraining.GROUP; s++) {
      m.addStatement("$T e$Lo = e$L[o]", t.type(), s, s);
      sum.add(s == 0 ? "" : " + ").add("e$Lo * x$L[i]", s, s);
    }
    m.beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
        .addStatement("g[i] += $L", sum.build())
        .endControlFlow()
        .endControlFlow();
    if (layer.spec().hasBias()) {
      CodeBlock.Builder bias = CodeBlock.builder();
      for (int s = 0; s < BatchedTraining.GROUP; s++) {
        bias.add(s == 0 ? "" : " + ").add("e$L[o]", s);
      }
      m.addStatement("$T gb = gb$L", t.arrayType(), n)
          .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("gb[o] += $L", bias.build())
          .endControlFlow();
    }
    return m.build();
  }

  /**
   * The group's input gradients: for each {@value #SAMPLES_PER_PASS} samples, one sweep over the
   * weight rows, {@link #COLUMNS_PER_PASS} rows per pass, so each input gradient is loaded and
   * stored once per four rows (W4's second layer in about two thirds of the time of four samples
   * with one row per pass); the rows' terms still add one after the other, as in the Vector API's
   * pass.
   */
  private MethodSpec propagateGroup() {
    MethodSpec.Builder m = method("propagateGroup" + n,
        "Back-propagates dg$L through layer $L's weights into dg$L.\n", n, n, n - 1)
        .beginControlFlow("for (int s = 0; s < $L; s += $L)", BatchedTraining.GROUP,
            SAMPLES_PER_PASS);
    for (int q = 0; q < SAMPLES_PER_PASS; q++) {
      m.addStatement("$T e$L = dg$L[$L]", t.arrayType(), q, n, plus("s", q))
          .addStatement("$T p$L = dg$L[$L]", t.arrayType(), q, n - 1, plus("s", q))
          .addStatement("$T.fill(p$L, 0)", Arrays.class, q);
    }
    int grouped = outputs - outputs % COLUMNS_PER_PASS;
    addPropagateRows(m, COLUMNS_PER_PASS, 0, grouped);
    addPropagateRows(m, 1, grouped, outputs);
    m.endControlFlow();
    CodeBlock derivative = previousDerivative("i");
    if (derivative != null) {
      m.beginControlFlow("for (int s = 0; s < $L; s++)", BatchedTraining.GROUP)
          .addStatement("$T dp = dg$L[s]", t.arrayType(), n - 1);
      previousGroupLocals(m);
      m.beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
          .addStatement("dp[i] *= $L", derivative)
          .endControlFlow()
          .endControlFlow();
    }
    return m.build();
  }

  /**
   * Adds rows {@code from} to {@code to} of the weights, {@code rows} per pass, times the deltas
   * {@code e0}, ... of {@value #SAMPLES_PER_PASS} samples to their input gradients {@code p0},
   * ...: {@code p0[i] = p0[i] + v0 * e00 + v1 * e01 ...}, {@code eqr} sample q's delta at row r.
   */
  private void addPropagateRows(MethodSpec.Builder m, int rows, int from, int to) {
    if (from >= to) {
      return;
    }
    m.beginControlFlow("for (int o = $L; o < $L; o += $L)", from, to, rows);
    CodeBlock.Builder body = CodeBlock.builder();
    for (int r = 0; r < rows; r++) {
      m.addStatement("$T r$L = w$L[$L]", t.arrayType(), r, n, plus("o", r));
      body.addStatement("$T v$L = r$L[i]", t.type(), r, r);
    }
    for (int q = 0; q < SAMPLES_PER_PASS; q++) {
      CodeBlock.Builder sum = CodeBlock.builder();
      for (int r = 0; r < rows; r++) {
        m.addStatement("$T e$L$L = e$L[$L]", t.type(), q, r, q, plus("o", r));
        sum.add(" + v$L * e$L$L", r, q, r);
      }
      body.addStatement("p$L[i] = p$L[i]$L", q, q, sum.build());
    }
    m.beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
        .addCode(body.build())
        .endControlFlow()
        .endControlFlow();
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
