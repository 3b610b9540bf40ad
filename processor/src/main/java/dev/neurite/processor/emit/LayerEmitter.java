package dev.neurite.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.processor.plan.Part;
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
