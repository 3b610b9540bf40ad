package dev.neurite.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.runtime.Activation;
import java.util.function.Function;

/**
 * The grouped training passes of a Vector API loop layer ({@link BatchedTraining}'s
 * {@code forwardGroupN}, {@code accumulateGroupN}, {@code propagateGroupN}): each vector of
 * weights loaded serves the {@value BatchedTraining#GROUP} samples of the group, whose sums stay
 * in registers ({@value #VECTORS} vectors per sample, so {@value BatchedTraining#GROUP} x
 * {@value #VECTORS} accumulators) for a whole pass. Same operations in the same order as the
 * loop layer's group passes, so the same results bit for bit; sums go through padded scratch
 * arrays ({@code zgvN}, {@code dgvN}) as in {@link VectorLoopLayerEmitter}.
 */
final class VectorGroupPasses {
  /**
   * Vectors per sample and pass: with the group's 8 samples, 16 accumulators, 2 weight vectors
   * and the broadcasts in AVX-512's 32 registers.
   */
  static final int VECTORS = 2;

  private final VectorLoopLayerEmitter e;
  private final LayerPlan layer;
  private final NumericType t;
  private final ClassName vector;
  private final int n;
  private final int inputs;
  private final int outputs;
  private final int group = BatchedTraining.GROUP;

  VectorGroupPasses(VectorLoopLayerEmitter emitter) {
    this.e = emitter;
    this.layer = emitter.layer;
    this.t = emitter.t;
    this.vector = VectorTypes.vector(t);
    this.n = emitter.n;
    this.inputs = layer.inputs();
    this.outputs = layer.outputs();
  }

  private static String offset(String at, int k) {
    return k == 0 ? at : k == 1 ? at + " + LANES" : at + " + " + k + " * LANES";
  }

  /**
   * Writes {@code for (; index + vectors * LANES <= bound; ...)}: {@code acc<s><k>} for every
   * sample s and vector k started from {@code start(k)}, then a pass over the other dimension:
   * {@code loads} declares {@code wv<k>} and {@code factor(s)} is sample s's broadcast; each
   * accumulator is stored once into {@code target[s]}.
   */
  private void blockLoop(MethodSpec.Builder m, int vectors, String index, String bound,
      Function<String, CodeBlock> start, String pass, CodeBlock loads,
      Function<Integer, CodeBlock> factor, String target) {
    String step = vectors == 1 ? "LANES" : vectors + " * LANES";
    m.beginControlFlow("for (; $L + $L <= $L; $L += $L)", index, step, bound, index, step);
    for (int k = 0; k < vectors; k++) {
      m.addStatement("$T start$L = $L", vector, k, start.apply(offset(index, k)));
    }
    for (int s = 0; s < group; s++) {
      for (int k = 0; k < vectors; k++) {
        m.addStatement("$T acc$L$L = start$L", vector, s, k, k);
      }
    }
    m.beginControlFlow(pass).addCode(loads);
    for (int s = 0; s < group; s++) {
      m.addStatement("$T f$L = $L", vector, s, factor.apply(s));
      for (int k = 0; k < vectors; k++) {
        m.addStatement("acc$L$L = acc$L$L.add(wv$L.mul(f$L))", s, k, s, k, k, s);
      }
    }
    m.endControlFlow();
    for (int s = 0; s < group; s++) {
      for (int k = 0; k < vectors; k++) {
        m.addStatement("acc$L$L.intoArray($L[$L], $L)", s, k, target, s, offset(index, k));
      }
    }
    m.endControlFlow();
  }

  private CodeBlock loads(int vectors, String row, String at) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int k = 0; k < vectors; k++) {
      code.addStatement("$T wv$L = $T.fromArray(SPECIES, $L, $L)", vector, k, vector, row,
          offset(at, k));
    }
    return code.build();
  }

  MethodSpec forwardGroup() {
    Activation f = layer.spec().activation();
    MethodSpec.Builder m = LayerEmitter.method("forwardGroup" + n,
        "Layer $L for each sample of the group, from ag$L; Vector API, each weight vector "
            + "serving the $L samples.\n", n, n - 1, group);
    m.addStatement("int o = 0");
    Function<String, CodeBlock> start = layer.spec().hasBias()
        ? at -> CodeBlock.of("$T.fromArray(SPECIES, b$L, $L)", vector, n, at)
        : at -> CodeBlock.of("$T.zero(SPECIES)", vector);
    for (int vectors : e.blocksFor(outputs, VECTORS, 1)) {
      MethodSpec.Builder block = e.blockMethod(m, "forwardGroup" + n + "By" + vectors, vectors,
          "o", "");
      e.groupLocals(block, "x", "ag" + (n - 1));
      blockLoop(block, vectors, "o", "PADDED_OUTPUTS" + n, start,
          "for (int i = 0; i < " + inputs + "; i++)",
          CodeBlock.builder().addStatement("$T w = wt$L[i]", t.arrayType(), n)
              .add(loads(vectors, "w", "o")).build(),
          s -> CodeBlock.of("$T.broadcast(SPECIES, x$L[i])", vector, s), "zgv" + n);
      e.endBlockMethod(m, block, "o");
    }
    m.beginControlFlow("for (int s = 0; s < $L; s++)", group)
        .addStatement("$T z = zg$L[s]", t.arrayType(), n)
        .addStatement("System.arraycopy(zgv$L[s], 0, z, 0, $L)", n, outputs);
    if (f == Activation.SOFTMAX) {
      m.addStatement("softmax(z, ag$L[s])", n);
    } else {
      m.addStatement("$T a = ag$L[s]", t.arrayType(), n)
          .beginControlFlow("for (o = 0; o < $L; o++)", outputs)
          .addStatement("a[o] = $L",
              ActivationCode.forward(f, layer.spec().activationParameter(), "z[o]"))
          .endControlFlow();
    }
    return m.endControlFlow().build();
  }

  MethodSpec propagateGroup() {
    MethodSpec.Builder m = LayerEmitter.method("propagateGroup" + n,
        "Back-propagates dg$L through layer $L's weights into dg$L; Vector API, each weight "
            + "vector serving the $L samples.\n", n, n, n - 1, group);
    m.addStatement("int i = 0");
    for (int vectors : e.blocksFor(inputs, VECTORS, 1)) {
      MethodSpec.Builder block = e.blockMethod(m, "propagateGroup" + n + "By" + vectors, vectors,
          "i", "");
      e.groupLocals(block, "d", "dg" + n);
      blockLoop(block, vectors, "i", "PADDED_INPUTS" + n,
          at -> CodeBlock.of("$T.zero(SPECIES)", vector),
          "for (int o = 0; o < " + outputs + "; o++)",
          CodeBlock.builder().addStatement("$T w = w$L[o]", t.arrayType(), n)
              .add(loads(vectors, "w", "i")).build(),
          s -> CodeBlock.of("$T.broadcast(SPECIES, d$L[o])", vector, s), "dgv" + n);
      e.endBlockMethod(m, block, "i");
    }
    m.beginControlFlow("for (int s = 0; s < $L; s++)", group)
        .addStatement("$T dp = dg$L[s]", t.arrayType(), n - 1)
        .addStatement("$T v = dgv$L[s]", t.arrayType(), n);
    e.previousGroupLocals(m);
    return m.beginControlFlow("for (i = 0; i < $L; i++)", inputs)
        .addStatement("dp[i] = $L", LayerEmitter.times("v[i]", e.previousDerivative("i")))
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  MethodSpec accumulateGroup() {
    MethodSpec.Builder m = LayerEmitter.method("accumulateGroup" + n,
        "Adds the group's gradient of layer $L, from dg$L and ag$L, to the batch's; Vector "
            + "API.\n", n, n, n - 1);
    e.groupLocals(m, "x", "ag" + (n - 1));
    e.groupLocals(m, "d", "dg" + n);
    m.beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
        .addStatement("$T g = gw$L[o]", t.arrayType(), n);
    CodeBlock.Builder vectorSum = CodeBlock.builder();
    CodeBlock.Builder scalarSum = CodeBlock.builder();
    for (int s = 0; s < group; s++) {
      m.addStatement("$T d$Lo = d$L[o]", t.type(), s, s)
          .addStatement("$T f$L = $T.broadcast(SPECIES, d$Lo)", vector, s, vector, s);
      vectorSum.add(s == 0 ? "$T.fromArray(SPECIES, x$L, i).mul(f$L)"
          : "\n.add($T.fromArray(SPECIES, x$L, i).mul(f$L))", vector, s, s);
      scalarSum.add(s == 0 ? "" : " + ").add("d$Lo * x$L[i]", s, s);
    }
    m.addComment("Summed as the loop layer sums them; the tail of each row is scalar.")
        .addStatement("int i = 0")
        .beginControlFlow("for (; i < SPECIES.loopBound($L); i += LANES)", inputs)
        .addStatement("$T.fromArray(SPECIES, g, i).add($>$>$L$<$<).intoArray(g, i)", vector,
            vectorSum.build())
        .endControlFlow()
        .beginControlFlow("for (; i < $L; i++)", inputs)
        .addStatement("g[i] += $L", scalarSum.build())
        .endControlFlow()
        .endControlFlow();
    if (layer.spec().hasBias()) {
      CodeBlock.Builder bias = CodeBlock.builder();
      for (int s = 0; s < group; s++) {
        bias.add(s == 0 ? "" : " + ").add("d$L[o]", s);
      }
      m.addStatement("$T gb = gb$L", t.arrayType(), n)
          .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("gb[o] += $L", bias.build())
          .endControlFlow();
    }
    return m.build();
  }
}
