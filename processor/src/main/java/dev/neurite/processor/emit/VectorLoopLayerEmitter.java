package dev.neurite.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.runtime.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * A loop layer written with the incubating Vector API ({@code -Aneurite.vectorApi=true}): the
 * {@link LoopLayerEmitter}'s layer, whose three hot loops are replaced by vector code that keeps
 * its accumulators in registers, which C2's auto-vectorized axpy loops cannot (they load and
 * store the sums once per group of inputs). The forward pass computes up to {@value #BLOCK}
 * vectors of units per pass over the inputs; the input gradient up to {@value #BLOCK} vectors of
 * inputs per pass over the units; the batch gradient row by row. Multiplications and additions
 * stay separate (no fused multiply-add), in the scalar loops' order, so the results are those of
 * the loops, bit for bit.
 *
 * <p>Everything else (state, parameter copies, the single-sample gradient) is the loop layer's
 * own code, taken from {@link LoopLayerEmitter} and kept as it is; only the weight and bias
 * arrays are padded to whole vectors (the padding stays zero), so no vector loop has a tail.
 */
final class VectorLoopLayerEmitter extends LayerEmitter {
  /**
   * The most vectors of sums per pass: 8 accumulators and the 4 broadcast inputs of a column
   * group fit AVX2's 16 registers; on AVX-512, W4's predict took 13.2 us against 15.0 us with 4.
   */
  static final int BLOCK = 8;

  /**
   * The passes, widest first: a layer's sums go through as few passes over the inputs as whole
   * blocks allow (32 units in 16 lanes: one pass of 2 vectors, not two of 1).
   */
  private static final int[] BLOCKS = {BLOCK, 4, 2, 1};

  private final int inputs;
  private final int outputs;
  private final ClassName vector;
  private final String paddedOutputs;
  private final String paddedInputs;
  /** The methods of one block size each that the passes call (see {@link #blockMethod}). */
  private final List<MethodSpec> blockMethods = new ArrayList<>();

  VectorLoopLayerEmitter(LayerPlan layer, LayerPlan previous, NumericType t) {
    super(layer, previous, t);
    this.inputs = layer.inputs();
    this.outputs = layer.outputs();
    this.vector = VectorTypes.vector(t);
    this.paddedOutputs = "PADDED_OUTPUTS" + n;
    this.paddedInputs = "PADDED_INPUTS" + n;
  }

  @Override
  void addTo(TypeSpec.Builder type) {
    TypeSpec.Builder loops = TypeSpec.classBuilder("Loops");
    new LoopLayerEmitter(layer, previous, t).addTo(loops);
    TypeSpec scalar = loops.build();
    addFields(type, scalar);
    addMethods(type, scalar);
  }

  /** The loop layer's fields, its weights and biases padded; the padded scratch arrays. */
  private void addFields(TypeSpec.Builder type, TypeSpec scalar) {
    type.addField(paddedConstant(paddedOutputs, outputs, "units"));
    type.addField(paddedConstant(paddedInputs, inputs, "inputs"));
    Map<String, String> padded = new LinkedHashMap<>();
    padded.put("wt" + n, "new $T[" + inputs + "][" + paddedOutputs + "]");
    if (previous != null) {
      padded.put("w" + n, "new $T[" + outputs + "][" + paddedInputs + "]");
    }
    if (layer.spec().hasBias()) {
      padded.put("b" + n, "new $T[" + paddedOutputs + "]");
    }
    for (FieldSpec field : scalar.fieldSpecs()) {
      String initializer = padded.remove(field.name());
      type.addField(initializer == null ? field : reinitialized(field, initializer));
    }
    requireAllReplaced(padded.keySet());
    type.addField(array("zv" + n, paddedOutputs,
        "Layer " + n + "'s weighted sums, padded to whole vectors."));
    if (previous != null) {
      type.addField(array("dv" + n, paddedInputs,
          "The input gradient of layer " + n + ", padded to whole vectors."));
    }
  }

  /** The loop layer's methods, its three hot loops replaced by vector code. */
  private void addMethods(TypeSpec.Builder type, TypeSpec scalar) {
    Map<String, MethodSpec> vectorized = new LinkedHashMap<>();
    vectorized.put("forward" + n, forward());
    vectorized.put("accumulate" + n, accumulate());
    if (previous != null) {
      vectorized.put("propagate" + n, propagate());
    }
    replaceMethods(type, scalar, vectorized);
    blockMethods.forEach(type::addMethod);
    blockMethods.clear();
  }

  /** The loop layer's grouped training passes, in vector code ({@link VectorGroupPasses}). */
  @Override
  void addGroupTo(TypeSpec.Builder type) {
    TypeSpec.Builder loops = TypeSpec.classBuilder("Loops");
    new LoopLayerEmitter(layer, previous, t).addGroupTo(loops);
    TypeSpec scalar = loops.build();
    scalar.fieldSpecs().forEach(type::addField);
    type.addField(groupField(t, "zgv" + n, paddedOutputs,
        "Layer " + n + "'s sums per sample of the group, padded to whole vectors."));
    VectorGroupPasses passes = new VectorGroupPasses(this);
    Map<String, MethodSpec> vectorized = new LinkedHashMap<>();
    vectorized.put("forwardGroup" + n, passes.forwardGroup());
    vectorized.put("accumulateGroup" + n, passes.accumulateGroup());
    if (previous != null) {
      type.addField(groupField(t, "dgv" + n, paddedInputs,
          "The input gradients of layer " + n + " per sample, padded to whole vectors."));
      vectorized.put("propagateGroup" + n, passes.propagateGroup());
    }
    replaceMethods(type, scalar, vectorized);
    blockMethods.forEach(type::addMethod);
    blockMethods.clear();
  }

  /** Adds {@code scalar}'s methods to {@code type}, those named in {@code vectorized} replaced. */
  private static void replaceMethods(TypeSpec.Builder type, TypeSpec scalar,
      Map<String, MethodSpec> vectorized) {
    for (MethodSpec method : scalar.methodSpecs()) {
      MethodSpec replacement = vectorized.remove(method.name());
      type.addMethod(replacement == null ? method : replacement);
    }
    requireAllReplaced(vectorized.keySet());
  }

  /** The loop layer's members changed names: a bug here, caught by every vector test. */
  private static void requireAllReplaced(Set<String> left) {
    if (!left.isEmpty()) {
      throw new IllegalStateException("the loop layer has no " + left + " to vectorize");
    }
  }

  private static FieldSpec paddedConstant(String name, int count, String what) {
    return FieldSpec.builder(int.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L $L rounded up to whole vectors.\n", count, what)
        .initializer(VectorTypes.padded(count))
        .build();
  }

  private FieldSpec reinitialized(FieldSpec field, String initializer) {
    return FieldSpec.builder(field.type(), field.name(),
            field.modifiers().toArray(new Modifier[0]))
        .addJavadoc(field.javadoc())
        .addJavadoc("Padded with zeros to whole vectors.\n")
        .initializer(initializer, t.type())
        .build();
  }

  /** {@code acc<k> = acc<k>.add(V.fromArray(SPECIES, row, at + k * LANES).mul(factor))}. */
  private CodeBlock accumulateBlock(int vectors, String row, String at, String factor) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int k = 0; k < vectors; k++) {
      code.addStatement("acc$L = acc$L.add($T.fromArray(SPECIES, $L, $L).mul($L))", k, k,
          vector, row, offset(at, k), factor);
    }
    return code.build();
  }

  private static String offset(String at, int k) {
    return k == 0 ? at : k == 1 ? at + " + LANES" : at + " + " + k + " * LANES";
  }

  /**
   * Writes {@code for (; index + vectors * LANES <= bound; ...)}: {@code vectors} accumulators
   * started by {@code start}, the passes of {@code loops} over the other dimension, one store
   * each.
   */
  private void blockLoop(MethodSpec.Builder m, int vectors, String index, String bound,
      Function<String, CodeBlock> start, CodeBlock loops, String target) {
    String step = vectors == 1 ? "LANES" : vectors + " * LANES";
    m.beginControlFlow("for (; $L + $L <= $L; $L += $L)", index, step, bound, index, step);
    for (int k = 0; k < vectors; k++) {
      m.addStatement("$T acc$L = $L", vector, k, start.apply(offset(index, k)));
    }
    m.addCode(loops);
    for (int k = 0; k < vectors; k++) {
      m.addStatement("acc$L.intoArray($L, $L)", k, target, offset(index, k));
    }
    m.endControlFlow();
  }

  /**
   * Starts {@code name(parameters..., int index)}, a method of its own for one block size, and
   * writes {@code index = name(arguments, index)} into {@code caller}; the returned builder gets
   * the loop, and its {@code return index} comes from {@link #endBlockMethod}. One method per
   * block size keeps each small: with every size in one method, C1 gave up on W3's forward pass
   * ("out of virtual registers"), which then ran interpreted-grade code that allocates vectors.
   * The one-vector loop, the smallest and always there, stays in the caller: no call for small
   * layers, whose only loop it is.
   */
  MethodSpec.Builder blockMethod(MethodSpec.Builder caller, String name, int vectors,
      String index, String arguments, ParameterSpec... parameters) {
    if (vectors == 1) {
      return caller;
    }
    caller.addStatement("$L = $L($L$L)", index, name, arguments.isEmpty() ? "" : arguments + ", ",
        index);
    return method(name, "The passes of $L vectors each, from {@code $L}; returns where they"
            + " stopped.\n", vectors, index)
        .returns(int.class)
        .addParameters(Arrays.asList(parameters))
        .addParameter(int.class, index);
  }

  /** Ends a method of {@link #blockMethod} and keeps it for the class. */
  void endBlockMethod(MethodSpec.Builder caller, MethodSpec.Builder block, String index) {
    if (block != caller) {
      blockMethods.add(block.addStatement("return $L", index).build());
    }
  }

  /**
   * Returns the block sizes among {@code candidates} that {@code count} values can fill: the
   * narrowest vectors have 128 bits (4 floats, 2 doubles), so larger blocks would be dead code
   * and, for small layers, calls that return at once.
   */
  int[] blocksFor(int count, int... candidates) {
    int narrowest = t == NumericType.FLOAT ? 4 : 2;
    int most = (count + narrowest - 1) / narrowest;
    return Arrays.stream(candidates).filter(v -> v == 1 || v <= most).toArray();
  }

  /**
   * The forward passes over the inputs for {@code vectors} accumulators, grouped as the loop
   * layer's ({@link LoopLayerEmitter#COLUMNS_PER_PASS} columns summed, then added), so that the
   * sums are the loops' bit for bit; inputs after the last full group are added one by one.
   */
  private CodeBlock forwardPasses(int vectors) {
    int columns = LoopLayerEmitter.COLUMNS_PER_PASS;
    int grouped = inputs - inputs % columns;
    CodeBlock.Builder code = CodeBlock.builder();
    if (grouped > 0) {
      code.beginControlFlow("for (int i = 0; i < $L; i += $L)", grouped, columns);
      for (int c = 0; c < columns; c++) {
        code.addStatement("$T c$L = wt$L[$L]", t.arrayType(), c, n, plus("i", c))
            .addStatement("$T x$L = $T.broadcast(SPECIES, x[$L])", vector, c, vector,
                plus("i", c));
      }
      for (int k = 0; k < vectors; k++) {
        CodeBlock.Builder sum = CodeBlock.builder();
        for (int c = 0; c < columns; c++) {
          sum.add(c == 0 ? "$T.fromArray(SPECIES, c$L, $L).mul(x$L)"
              : ".add($T.fromArray(SPECIES, c$L, $L).mul(x$L))", vector, c, offset("o", k), c);
        }
        code.addStatement("acc$L = acc$L.add($L)", k, k, sum.build());
      }
      code.endControlFlow();
    }
    if (grouped < inputs) {
      code.beginControlFlow("for (int i = $L; i < $L; i++)", grouped, inputs)
          .addStatement("$T w = wt$L[i]", t.arrayType(), n)
          .addStatement("$T xi = $T.broadcast(SPECIES, x[i])", vector, vector)
          .add(accumulateBlock(vectors, "w", "o", "xi"))
          .endControlFlow();
    }
    return code.build();
  }

  private MethodSpec forward() {
    Activation f = layer.spec().activation();
    MethodSpec.Builder m = method("forward" + n,
        "Layer $L, Vector API: $L inputs -> $L $L$L, up to $L vectors of units per pass.\n", n,
        inputs, outputs, f, layer.spec().hasBias() ? "" : ", no bias", BLOCK)
        .addParameter(t.arrayType(), "x")
        .addStatement("int o = 0");
    Function<String, CodeBlock> start = layer.spec().hasBias()
        ? at -> CodeBlock.of("$T.fromArray(SPECIES, b$L, $L)", vector, n, at)
        : at -> CodeBlock.of("$T.zero(SPECIES)", vector);
    for (int vectors : blocksFor(outputs, BLOCKS)) {
      MethodSpec.Builder block = blockMethod(m, "forward" + n + "By" + vectors, vectors, "o", "x",
          ParameterSpec.builder(t.arrayType(), "x").build())
          .addStatement("$T zv = zv$L", t.arrayType(), n);
      blockLoop(block, vectors, "o", paddedOutputs, start, forwardPasses(vectors), "zv");
      endBlockMethod(m, block, "o");
    }
    m.addStatement("$T z = z$L", t.arrayType(), n)
        .addStatement("System.arraycopy(zv$L, 0, z, 0, $L)", n, outputs);
    if (f == Activation.SOFTMAX) {
      return m.addStatement("softmax(z, a$L)", n).build();
    }
    return m.addStatement("$T a = a$L", t.arrayType(), n)
        .beginControlFlow("for (o = 0; o < $L; o++)", outputs)
        .addStatement("a[o] = $L",
            ActivationCode.forward(f, layer.spec().activationParameter(), "z[o]"))
        .endControlFlow()
        .build();
  }

  private MethodSpec propagate() {
    MethodSpec.Builder m = method("propagate" + n,
        "Back-propagates d$L through layer $L's weights into d$L, Vector API, up to $L vectors of "
            + "inputs per pass.\n", n, n, n - 1, BLOCK)
        .addStatement("int i = 0");
    for (int vectors : blocksFor(inputs, BLOCKS)) {
      MethodSpec.Builder block = blockMethod(m, "propagate" + n + "By" + vectors, vectors, "i",
          "")
          .addStatement("$T d = d$L", t.arrayType(), n)
          .addStatement("$T dv = dv$L", t.arrayType(), n);
      blockLoop(block, vectors, "i", paddedInputs,
          at -> CodeBlock.of("$T.zero(SPECIES)", vector), CodeBlock.builder()
              .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
              .addStatement("$T w = w$L[o]", t.arrayType(), n)
              .addStatement("$T delta = $T.broadcast(SPECIES, d[o])", vector, vector)
              .add(accumulateBlock(vectors, "w", "i", "delta"))
              .endControlFlow().build(),
          "dv");
      endBlockMethod(m, block, "i");
    }
    m.addStatement("$T dp = d$L", t.arrayType(), n - 1);
    previousLocals(m);
    return m.beginControlFlow("for (i = 0; i < $L; i++)", inputs)
        .addStatement("dp[i] = $L", times("dv" + n + "[i]", previousDerivative("i")))
        .endControlFlow()
        .build();
  }

  private MethodSpec accumulate() {
    MethodSpec.Builder m = method("accumulate" + n,
        "Adds one sample's gradient of layer $L, from d$L and a$L, to the batch's; Vector API.\n",
        n, n, n - 1)
        .addStatement("$T x = a$L", t.arrayType(), n - 1)
        .addStatement("$T d = d$L", t.arrayType(), n)
        .addComment("Row by row: gw[o] and x share the index i; the tail of each row is scalar.")
        .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
        .addStatement("$T delta = d[o]", t.type())
        .addStatement("$T deltas = $T.broadcast(SPECIES, delta)", vector, vector)
        .addStatement("$T g = gw$L[o]", t.arrayType(), n)
        .addStatement("int i = 0")
        .beginControlFlow("for (; i < SPECIES.loopBound($L); i += LANES)", inputs)
        .addStatement("$T.fromArray(SPECIES, g, i)"
            + ".add($T.fromArray(SPECIES, x, i).mul(deltas)).intoArray(g, i)", vector, vector)
        .endControlFlow()
        .beginControlFlow("for (; i < $L; i++)", inputs)
        .addStatement("g[i] += delta * x[i]")
        .endControlFlow()
        .endControlFlow();
    if (layer.spec().hasBias()) {
      m.addStatement("$T gb = gb$L", t.arrayType(), n)
          .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("gb[o] += d[o]")
          .endControlFlow();
    }
    return m.build();
  }
}
