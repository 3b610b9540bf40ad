package dev.neurite.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.runtime.Dropout;

/**
 * A dropout layer: {@code aN = x * mN}, with the mask {@code mN} drawn from the model's dropout
 * stream by the runtime's {@link Dropout} rule when training and all ones otherwise, so that the
 * interpreter and the generated class draw the same masks; back propagation multiplies by the
 * same mask.
 */
final class DropoutLayerEmitter extends LayerEmitter {
  private final int size;

  DropoutLayerEmitter(LayerPlan layer, LayerPlan previous, NumericType t) {
    super(layer, previous, t);
    this.size = layer.outputs();
  }

  @Override
  void addTo(TypeSpec.Builder type) {
    type.addField(array("m" + n, size, "Layer " + n + "'s dropout mask of the last pass."));
    type.addMethod(forward());
    if (previous != null) {
      type.addMethod(propagate());
    }
  }

  private MethodSpec forward() {
    return method("forward" + n, "Layer $L: dropout of $L values at rate $L.\n", n, size,
            layer.spec().rate())
        .addParameter(t.arrayType(), "x")
        .addParameter(boolean.class, "drop")
        .addStatement("$T m = m$L", t.arrayType(), n)
        .addStatement("$T a = a$L", t.arrayType(), n)
        .beginControlFlow("for (int i = 0; i < $L; i++)", size)
        .addStatement("m[i] = $L", mask(t, layer.spec().rate(), "drop"))
        .addStatement("a[i] = x[i] * m[i]")
        .endControlFlow()
        .build();
  }

  /** Returns one value of the mask: a fresh factor if {@code drop}, else 1. */
  static CodeBlock mask(NumericType t, double rate, String drop) {
    return CodeBlock.of("$L ? $L$T.factor(random, $L) : 1", drop, t.cast(), Dropout.class,
        Double.toString(rate));
  }

  /** Dropout is the identity at inference: the tile pass skips it. */
  @Override
  void addTileTo(TypeSpec.Builder type) {}

  /** The masks come from {@code drawMasks}, drawn before the group's forward pass. */
  @Override
  void addGroupTo(TypeSpec.Builder type) {
    type.addField(groupField(t, "mg" + n, size, "Layer " + n + "'s masks of the group."));
    type.addField(groupField(t, "ag" + n, size, "Layer " + n + "'s outputs, per sample."));
    type.addField(groupField(t, "dg" + n, size,
        "The loss gradient with respect to ag" + n + ", per sample."));
    type.addMethod(method("forwardGroup" + n, "Layer $L for each sample of the group.\n", n)
        .beginControlFlow("for (int s = 0; s < $L; s++)", BatchedTraining.GROUP)
        .addStatement("$T x = ag$L[s]", t.arrayType(), n - 1)
        .addStatement("$T m = mg$L[s]", t.arrayType(), n)
        .addStatement("$T a = ag$L[s]", t.arrayType(), n)
        .beginControlFlow("for (int i = 0; i < $L; i++)", size)
        .addStatement("a[i] = x[i] * m[i]")
        .endControlFlow()
        .endControlFlow()
        .build());
    if (previous == null) {
      return;
    }
    MethodSpec.Builder m = method("propagateGroup" + n,
        "Back-propagates dg$L through layer $L's masks into dg$L.\n", n, n, n - 1)
        .beginControlFlow("for (int s = 0; s < $L; s++)", BatchedTraining.GROUP)
        .addStatement("$T m = mg$L[s]", t.arrayType(), n)
        .addStatement("$T d = dg$L[s]", t.arrayType(), n)
        .addStatement("$T dp = dg$L[s]", t.arrayType(), n - 1);
    previousGroupLocals(m);
    type.addMethod(m.beginControlFlow("for (int i = 0; i < $L; i++)", size)
        .addStatement("dp[i] = $L", times("d[i] * m[i]", previousDerivative("i")))
        .endControlFlow()
        .endControlFlow()
        .build());
  }

  private MethodSpec propagate() {
    MethodSpec.Builder m = method("propagate" + n,
        "Back-propagates d$L through layer $L's mask into d$L.\n", n, n, n - 1)
        .addStatement("$T m = m$L", t.arrayType(), n)
        .addStatement("$T d = d$L", t.arrayType(), n)
        .addStatement("$T dp = d$L", t.arrayType(), n - 1);
    previousLocals(m);
    return m.beginControlFlow("for (int i = 0; i < $L; i++)", size)
        .addStatement("dp[i] = $L", times("d[i] * m[i]", previousDerivative("i")))
        .endControlFlow()
        .build();
  }
}
