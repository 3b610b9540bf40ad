package dev.neurite.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.processor.plan.Part;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes one layer's state and passes: {@code forwardN} (inputs to {@code aN}),
 * {@code backwardN} (adds the parameter gradient from {@code dN}, the loss gradient with respect
 * to {@code zN}), {@code propagateN} (writes {@code d(N-1)} from {@code dN}), and the copies of
 * its parameters from and to the flat layout ({@code loadN}, {@code storeN}).
 */
abstract class LayerEmitter {
  static final TypeName DOUBLES = ArrayTypeName.of(TypeName.DOUBLE);

  final LayerPlan layer;
  final LayerPlan previous;
  final NumericType t;
  final int n;

  LayerEmitter(LayerPlan layer, LayerPlan previous, NumericType t) {
    this.layer = layer;
    this.previous = previous;
    this.t = t;
    this.n = layer.number();
  }

  /** Returns the emitter of {@code layer}'s shape; {@code previous} is null for the first. */
  static LayerEmitter of(LayerPlan layer, LayerPlan previous, NumericType t) {
    switch (layer.shape()) {
      case UNROLLED:
        return new UnrolledLayerEmitter(layer, previous, t);
      case LOOP:
        return new LoopLayerEmitter(layer, previous, t);
      default:
        return new DropoutLayerEmitter(layer, previous, t);
    }
  }

  /** Adds the layer's fields and methods to {@code type}. */
  abstract void addTo(TypeSpec.Builder type);

  /**
   * Adds the forward pass alone ({@code forwardN}, split into parts as planned), which reads the
   * layer's weights and writes {@code zN} and {@code aN}: all a frozen class needs of a layer.
   */
  void addForwardTo(TypeSpec.Builder type) {
    throw new IllegalStateException("layer " + n + " has no frozen forward pass");
  }

  /**
   * Adds the layer's fields and methods of the grouped training pass ({@link BatchedTraining}):
   * {@code forwardGroupN}, {@code accumulateGroupN} for dense layers, {@code propagateGroupN}.
   */
  void addGroupTo(TypeSpec.Builder type) {
    throw new IllegalStateException("layer " + n + " has no grouped training pass");
  }

  /**
   * Adds the layer's pass over one tile of a batch predict ({@link BatchPredict}):
   * {@code forwardTileN(x)} and its outputs {@code tileN}, for dense layers; dropout layers are
   * the identity at inference and add nothing.
   */
  void addTileTo(TypeSpec.Builder type) {
    throw new IllegalStateException("layer " + n + " has no tiled inference pass");
  }

  /** Returns a field of {@link BatchedTraining#GROUP} arrays of {@code size}, one per sample. */
  static FieldSpec groupField(NumericType t, String name, Object size, String doc) {
    return FieldSpec.builder(ArrayTypeName.of(t.arrayType()), name, Modifier.PRIVATE,
            Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer("new $T[$L][$L]", t.type(), BatchedTraining.GROUP, size)
        .build();
  }

  /** Declares {@code local0 = field[0]} and so on, one local per sample of the group. */
  void groupLocals(MethodSpec.Builder m, String local, String field) {
    for (int s = 0; s < BatchedTraining.GROUP; s++) {
      m.addStatement("$T $L$L = $L[$L]", t.arrayType(), local, s, field, s);
    }
  }

  /** Declares {@code zp} and {@code ap}, sample s's sums and outputs of the previous layer. */
  void previousGroupLocals(MethodSpec.Builder m) {
    if (previousDerivative(0) != null) {
      m.addStatement("$T zp = zg$L[s]", t.arrayType(), n - 1)
          .addStatement("$T ap = ag$L[s]", t.arrayType(), n - 1);
    }
  }

  FieldSpec array(String name, Object size, String doc) {
    return FieldSpec.builder(t.arrayType(), name, Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer("new $T[$L]", t.type(), size)
        .build();
  }

  static MethodSpec.Builder method(String name, String doc, Object... args) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE).addJavadoc(doc, args);
  }

  /**
   * Adds to {@code type} the methods of one pass split into {@code parts}: with one part, the
   * pass itself; with several, {@code nameK} per part and the pass calling them in order.
   */
  static void addParts(TypeSpec.Builder type, MethodSpec.Builder pass, List<Part> parts,
      PartWriter writer, String call, CodeBlock after) {
    if (parts.size() == 1) {
      writer.write(pass, parts.get(0));
      type.addMethod(pass.addCode(after).build());
      return;
    }
    MethodSpec whole = pass.build();
    for (int k = 0; k < parts.size(); k++) {
      Part part = parts.get(k);
      MethodSpec.Builder m = MethodSpec.methodBuilder(whole.name() + "Part" + k)
          .addModifiers(Modifier.PRIVATE)
          .addJavadoc("Units $L to $L of {@link #$N}.\n", part.from(), part.to() - 1, whole.name())
          .addParameters(whole.parameters());
      writer.write(m, part);
      type.addMethod(m.build());
    }
    MethodSpec.Builder dispatch = whole.toBuilder();
    for (int k = 0; k < parts.size(); k++) {
      dispatch.addStatement("$NPart$L($L)", whole.name(), k, call);
    }
    type.addMethod(dispatch.addCode(after).build());
  }

  /** Writes the statements of one part of a pass. */
  interface PartWriter {
    void write(MethodSpec.Builder m, Part part);
  }

  /**
   * Adds the batch gradient of a dense layer: {@code gwN} in the flat layout's row order
   * ({@code rowArrays}: one array per unit, as {@code wN}, which the bench found faster than per
   * input columns and flushes contiguously; else one flat array) and
   * {@code gbN}, with {@code clearN}, {@code accumulateN} (one sample, from {@code dN}) and
   * {@code flushN} (adds the batch's sum to the flat gradient).
   */
  void addBatchGradient(TypeSpec.Builder type, boolean rowArrays) {
    int inputs = layer.inputs();
    int outputs = layer.outputs();
    boolean bias = layer.spec().hasBias();
    type.addField(rowArrays
        ? FieldSpec.builder(ArrayTypeName.of(t.arrayType()), "gw" + n, Modifier.PRIVATE,
                Modifier.FINAL)
            .addJavadoc("The batch's gradient of layer $L's weights, one array per unit as w$L.\n",
                n, n)
            .initializer("new $T[$L][$L]", t.type(), outputs, inputs).build()
        : array("gw" + n, inputs * outputs, "The batch's gradient of layer " + n
            + "'s weights, laid out as w" + n + "."));
    if (bias) {
      type.addField(array("gb" + n, outputs, "The batch's gradient of layer " + n
          + "'s biases."));
    }
    MethodSpec.Builder clear = method("clear" + n, "Zeroes layer $L's batch gradient.\n", n);
    MethodSpec.Builder accumulate = method("accumulate" + n,
        "Adds one sample's gradient of layer $L, from d$L and a$L, to the batch's.\n",
        n, n, n - 1)
        .addStatement("$T x = a$L", t.arrayType(), n - 1)
        .addStatement("$T d = d$L", t.arrayType(), n);
    MethodSpec.Builder flush = method("flush" + n,
        "Adds layer $L's batch gradient to the flat {@code gradient}.\n", n)
        .addParameter(DOUBLES, "gradient");
    if (rowArrays) {
      clear.beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("$T.fill(gw$L[o], 0)", Arrays.class, n).endControlFlow();
      accumulate.addComment("axpy form over the rows: gw[o] and x share the index i.")
          .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("$T delta = d[o]", t.type())
          .addStatement("$T g = gw$L[o]", t.arrayType(), n)
          .beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
          .addStatement("g[i] += delta * x[i]")
          .endControlFlow().endControlFlow();
      flush.addComment("Row by row, in the flat layout's order: contiguous reads and writes.")
          .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("$T g = gw$L[o]", t.arrayType(), n)
          .addStatement("int row = $L + o * $L", layer.weightName(), inputs)
          .beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
          .addStatement("gradient[row + i] += g[i]")
          .endControlFlow().endControlFlow();
    } else {
      clear.addStatement("$T.fill(gw$L, 0)", Arrays.class, n);
      accumulate.addStatement("$T g = gw$L", t.arrayType(), n)
          .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("$T delta = d[o]", t.type())
          .addStatement("int row = o * $L", inputs)
          .beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
          .addStatement("g[row + i] += delta * x[i]")
          .endControlFlow().endControlFlow();
      flush.addStatement("$T g = gw$L", t.arrayType(), n)
          .beginControlFlow("for (int k = 0; k < $L; k++)", inputs * outputs)
          .addStatement("gradient[$L + k] += g[k]", layer.weightName())
          .endControlFlow();
    }
    if (bias) {
      clear.addStatement("$T.fill(gb$L, 0)", Arrays.class, n);
      accumulate.addStatement("$T gb = gb$L", t.arrayType(), n)
          .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("gb[o] += d[o]")
          .endControlFlow();
      flush.addStatement("$T gb = gb$L", t.arrayType(), n)
          .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("gradient[$L + o] += gb[o]", layer.biasName())
          .endControlFlow();
    }
    type.addMethod(clear.build());
    type.addMethod(accumulate.build());
    type.addMethod(flush.build());
  }

  /** Returns {@code name + offset}, or {@code name} alone for offset 0. */
  static CodeBlock plus(String name, int offset) {
    return offset == 0 ? CodeBlock.of("$L", name) : CodeBlock.of("$L + $L", name, offset);
  }

  /** Returns {@code value * derivative}, or {@code value} alone when the derivative is 1. */
  static CodeBlock times(Object value, CodeBlock derivative) {
    return derivative == null ? CodeBlock.of("$L", value)
        : CodeBlock.of("$L * $L", value, derivative);
  }

  /** Returns the derivative of the previous layer's activation at its unit {@code i}. */
  CodeBlock previousDerivative(Object i) {
    return ActivationCode.derivative(previous.spec().activation(),
        previous.spec().activationParameter(), "zp[" + i + "]", "ap[" + i + "]");
  }

  /** Declares {@code zp} and {@code ap}, the previous layer's sums and outputs, if read. */
  void previousLocals(MethodSpec.Builder m) {
    if (previousDerivative(0) != null) {
      m.addStatement("$T zp = z$L", t.arrayType(), n - 1)
          .addStatement("$T ap = a$L", t.arrayType(), n - 1);
    }
  }
}
