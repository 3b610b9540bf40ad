package dev.neurite.processor.emit;

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
        .addStatement("m[i] = drop ? $L$T.factor(random, $L) : 1", t.cast(), Dropout.class,
            Double.toString(layer.spec().rate()))
        .addStatement("a[i] = x[i] * m[i]")
        .endControlFlow()
        .build();
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
