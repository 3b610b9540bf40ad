package dev.neurite.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.ArrayTypeName;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.processor.plan.Shape;
import dev.neurite.runtime.Activation;
import javax.lang.model.element.Modifier;

/**
 * Writes the three passes of one dense layer, in the shape its plan chose: {@code forwardN}
 * (inputs to {@code zN} and {@code aN}), {@code backwardN} (adds the parameter gradient from
 * {@code dN}, the loss gradient with respect to {@code zN}) and {@code propagateN} (writes
 * {@code d(N-1)} from {@code dN}).
 */
final class DenseLayerEmitter {
  private final LayerPlan layer;
  private final NumericType t;
  private final int n;

  DenseLayerEmitter(LayerPlan layer, NumericType t) {
    this.layer = layer;
    this.t = t;
    this.n = layer.number();
  }

  MethodSpec forward() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("forward" + n)
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Layer $L: dense, $L inputs -> $L units, $L$L.\n", n, layer.inputs(),
            layer.outputs(), activation(), layer.spec().hasBias() ? "" : ", no bias")
        .addParameter(t.arrayType(), "x");
    if (layer.shape() == Shape.UNROLLED) {
      unrolledForward(m);
    } else {
      loopForward(m);
    }
    if (activation() == Activation.SOFTMAX) {
      m.addStatement("softmax(z$L, a$L)", n, n);
    }
    return m.build();
  }

  private void unrolledForward(MethodSpec.Builder m) {
    for (int o = 0; o < layer.outputs(); o++) {
      String z = "z" + n + "_" + o;
      CodeBlock.Builder sum = CodeBlock.builder();
      if (layer.spec().hasBias()) {
        sum.add("p[$L + $L]", layer.biasName(), o);
      }
      for (int i = 0; i < layer.inputs(); i++) {
        sum.add(sum.isEmpty() ? "" : " + ").add("p[$L + $L] * x[$L]", layer.weightName(),
            o * layer.inputs() + i, i);
      }
      m.addStatement("$T $L = $L", t.type(), z, sum.build());
      m.addStatement("z$L[$L] = $L", n, o, z);
      if (activation() != Activation.SOFTMAX) {
        m.addStatement("a$L[$L] = $L", n, o, forwardExpression(z));
      }
    }
  }

  private void loopForward(MethodSpec.Builder m) {
    m.beginControlFlow("for (int o = 0; o < $L; o++)", layer.outputs())
        .addStatement("int row = $L + o * $L", layer.weightName(), layer.inputs())
        .addStatement("$T s = $L", t.type(),
            layer.spec().hasBias() ? "p[" + layer.biasName() + " + o]" : t.literal(0))
        .beginControlFlow("for (int i = 0; i < $L; i++)", layer.inputs())
        .addStatement("s += p[row + i] * x[i]")
        .endControlFlow()
        .addStatement("z$L[o] = s", n);
    if (activation() != Activation.SOFTMAX) {
      m.addStatement("a$L[o] = $L", n, forwardExpression("s"));
    }
    m.endControlFlow();
  }

  MethodSpec backward() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("backward" + n)
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Adds layer $L's parameter gradient, from d$L and its inputs a$L.\n", n, n,
            n - 1)
        .addParameter(ParameterSpec.builder(ArrayTypeName.of(TypeName.DOUBLE), "g").build());
    String x = "a" + (n - 1);
    if (layer.shape() == Shape.UNROLLED) {
      for (int o = 0; o < layer.outputs(); o++) {
        for (int i = 0; i < layer.inputs(); i++) {
          m.addStatement("g[$L + $L] += d$L[$L] * $L[$L]", layer.weightName(),
              o * layer.inputs() + i, n, o, x, i);
        }
        if (layer.spec().hasBias()) {
          m.addStatement("g[$L + $L] += d$L[$L]", layer.biasName(), o, n, o);
        }
      }
      return m.build();
    }
    m.beginControlFlow("for (int o = 0; o < $L; o++)", layer.outputs())
        .addStatement("$T d = d$L[o]", t.type(), n)
        .addStatement("int row = $L + o * $L", layer.weightName(), layer.inputs())
        .beginControlFlow("for (int i = 0; i < $L; i++)", layer.inputs())
        .addStatement("g[row + i] += d * $L[i]", x)
        .endControlFlow();
    if (layer.spec().hasBias()) {
      m.addStatement("g[$L + o] += d", layer.biasName());
    }
    return m.endControlFlow().build();
  }

  /**
   * Returns {@code propagateN}: {@code d(N-1)} from {@code dN} through the weights and the
   * derivative of {@code previous}, the activation of layer N-1.
   */
  MethodSpec propagate(LayerPlan previous) {
    int p = n - 1;
    MethodSpec.Builder m = MethodSpec.methodBuilder("propagate" + n)
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Back-propagates d$L through layer $L's weights into d$L.\n", n, n, p);
    Activation f = previous.spec().activation();
    double alpha = previous.spec().activationParameter();
    if (layer.shape() == Shape.UNROLLED) {
      for (int i = 0; i < layer.inputs(); i++) {
        CodeBlock.Builder sum = CodeBlock.builder();
        for (int o = 0; o < layer.outputs(); o++) {
          sum.add(o == 0 ? "" : " + ").add("p[$L + $L] * d$L[$L]", layer.weightName(),
              o * layer.inputs() + i, n, o);
        }
        m.addStatement("d$L[$L] = ($L) * $L", p, i, sum.build(), ActivationCode.derivative(
            f, "z" + p + "[" + i + "]", "a" + p + "[" + i + "]", alpha, t));
      }
      return m.build();
    }
    m.beginControlFlow("for (int i = 0; i < $L; i++)", layer.inputs())
        .addStatement("d$L[i] = 0", p)
        .endControlFlow()
        .beginControlFlow("for (int o = 0; o < $L; o++)", layer.outputs())
        .addStatement("$T d = d$L[o]", t.type(), n)
        .addStatement("int row = $L + o * $L", layer.weightName(), layer.inputs())
        .beginControlFlow("for (int i = 0; i < $L; i++)", layer.inputs())
        .addStatement("d$L[i] += p[row + i] * d", p)
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("for (int i = 0; i < $L; i++)", layer.inputs())
        .addStatement("d$L[i] *= $L", p,
            ActivationCode.derivative(f, "z" + p + "[i]", "a" + p + "[i]", alpha, t))
        .endControlFlow();
    return m.build();
  }

  private Activation activation() {
    return layer.spec().activation();
  }

  private CodeBlock forwardExpression(String z) {
    return ActivationCode.forward(activation(), z, layer.spec().activationParameter(), t);
  }
}
