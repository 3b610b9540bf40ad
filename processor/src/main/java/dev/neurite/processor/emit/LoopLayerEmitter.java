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
 * variable. The weights are kept as one array per input, {@code wtN[i][o]}, for the forward pass
 * {@code z[o] += wt[i][o] * x_i}, and, in a layer that back-propagates into a layer below it,
 * also as one array per unit, {@code wN[o][i]} (the flat layout's rows), for the input gradient
 * {@code dp[i] += w[o][i] * d_o}. The first layer has no input gradient to compute, so it keeps
 * the columns alone: W4's 784 x 256 first layer is most of its weights, and
 * {@code setParameters} (once per minibatch in training) then writes them once instead of twice.
 * {@code loadN} transposes the flat layout's rows into the columns and copies the rows where
 * they are kept; {@code storeN} reads the rows, or transposes the columns back.
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
    if (keepsRows()) {
      type.addField(matrix("w" + n, outputs, inputs, "Layer " + n
          + "'s weights, one array per unit (the flat layout's rows), for back propagation."));
    }
    if (layer.spec().hasBias()) {
      type.addField(array("b" + n, outputs, "Layer " + n + "'s biases."));
    }
    addForwardTo(type);
    type.addMethod(backward());
    if (keepsRows()) {
      type.addMethod(propagate());
    }
    type.addMethod(load());
    type.addMethod(store());
    addBatchGradient(type, true);
  }

  /**
   * Whether the layer keeps its weights as rows too: only a layer with a layer below it computes
   * an input gradient, the one pass that reads them.
   */
  boolean keepsRows() {
    return previous != null;
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
    MethodSpec.Builder m = method("load" + n,
        "Copies layer $L's parameters from the flat layout.\n", n)
        .addParameter(DOUBLES, "source")
        .addStatement("transpose(source, $L, $L, wt$L)", layer.weightName(), outputs, n);
    if (keepsRows()) {
      m.beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("$T w = w$L[o]", t.arrayType(), n)
          .addStatement("int row = $L + o * $L", layer.weightName(), inputs)
          .beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
          .addStatement("w[i] = $Lsource[row + i]", t.cast())
          .endControlFlow()
          .endControlFlow();
    }
    return m.addCode(biasCopy("$L[o] = $Lsource[$L + o]", "b" + n, t.cast(), layer.biasName()))
        .build();
  }

  /**
   * Returns {@code transpose(source, from, units, columns)}, shared by the loop layers'
   * {@code loadN}: writes the weights of {@code units} rows of {@code columns.length} inputs, in
   * the flat layout from {@code from}, into the columns. Writing {@code columns[i][o]} while
   * reading one row at a time misses the cache on every write; this reads {@value #STRIP} rows
   * at once and writes {@value #STRIP} neighbouring values of each column. Loading W4's weights
   * (rows and columns) took 291 us the old way, 150 us this way, and 180-245 us with square
   * blocks of 8 to 64 (a plain timing loop, JDK 17). Straight from the flat layout, W4's first
   * layer takes 84-100 us against 105-116 us through a copy of the rows first; reading one column
   * at a time (a strided read per weight) 100-145 us, 16 rows at a time 134-140 us.
   */
  static MethodSpec transposeHelper(NumericType t) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("transpose")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Writes {@code units} rows of the flat {@code source} from {@code from} into"
            + " {@code columns},\n$L rows at a time.\n", STRIP)
        .addParameter(DOUBLES, "source")
        .addParameter(int.class, "from")
        .addParameter(int.class, "units")
        .addParameter(ArrayTypeName.of(t.arrayType()), "columns")
        .addStatement("int inputs = columns.length")
        .addStatement("int o = 0")
        .beginControlFlow("for (; o + $L <= units; o += $L)", STRIP, STRIP)
        .addStatement("int strip = from + o * inputs")
        .beginControlFlow("for (int i = 0; i < inputs; i++)")
        .addStatement("$T c = columns[i]", t.arrayType())
        .addStatement("int k = strip + i");
    // The last index first: once it is in range, so are the others.
    for (int r = STRIP - 1; r >= 0; r--) {
      m.addStatement("c[$L] = $Lsource[$L]", plus("o", r), t.cast(),
          r == 0 ? "k" : r == 1 ? "k + inputs" : "k + " + r + " * inputs");
    }
    return m.endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (; o < units; o++)")
        .addStatement("int row = from + o * inputs")
        .beginControlFlow("for (int i = 0; i < inputs; i++)")
        .addStatement("columns[i][o] = $Lsource[row + i]", t.cast())
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private MethodSpec store() {
    MethodSpec.Builder m = method("store" + n,
        "Copies layer $L's parameters to the flat layout.\n", n)
        .addParameter(DOUBLES, "destination");
    if (keepsRows()) {
      m.beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("$T w = w$L[o]", t.arrayType(), n)
          .addStatement("int row = $L + o * $L", layer.weightName(), inputs)
          .beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
          .addStatement("destination[row + i] = w[i]")
          .endControlFlow()
          .endControlFlow();
    } else {
      addColumnsToRows(m);
    }
    return m.addCode(biasCopy("destination[$L + o] = $L[o]", layer.biasName(), "b" + n))
        .build();
  }

  /**
   * Writes the columns back in the flat layout's rows, {@value #STRIP} rows at a time (the
   * reverse of {@code transpose}): each column gives {@value #STRIP} neighbouring values per read.
   */
  private void addColumnsToRows(MethodSpec.Builder m) {
    int stripped = outputs - outputs % STRIP;
    if (stripped > 0) {
      m.beginControlFlow("for (int o = 0; o < $L; o += $L)", stripped, STRIP)
          .addStatement("int strip = $L + o * $L", layer.weightName(), inputs)
          .beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
          .addStatement("$T c = wt$L[i]", t.arrayType(), n)
          .addStatement("int k = strip + i");
      for (int r = 0; r < STRIP; r++) {
        m.addStatement("destination[$L] = c[$L]", r == 0 ? "k" : "k + " + r * inputs,
            plus("o", r));
      }
      m.endControlFlow().endControlFlow();
    }
    if (stripped < outputs) {
      m.beginControlFlow("for (int o = $L; o < $L; o++)", stripped, outputs)
          .addStatement("int row = $L + o * $L", layer.weightName(), inputs)
          .beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
          .addStatement("destination[row + i] = wt$L[i][o]", n)
          .endControlFlow()
          .endControlFlow();
    }
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
