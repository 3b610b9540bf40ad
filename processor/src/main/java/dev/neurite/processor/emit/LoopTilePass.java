package dev.neurite.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.runtime.Activation;
import java.util.Arrays;

/**
 * A loop layer's pass over one tile of a batch predict ({@link BatchPredict}), in plain Java:
 * {@code forwardTileN(x)} sweeps the weight columns {@code wtN[i]} once for the tile's samples.
 * For each group of {@link LoopLayerEmitter#COLUMNS_PER_PASS} columns, each sample's sums take
 * the single-sample pass's own loop, {@code y[o] += c0[o] * x0 + c1[o] * x1 + ...}: the columns
 * come from memory once per tile and then from the first-level cache, and each sample's terms
 * are added in the single-sample order, so the results are its own bit for bit. The one loop
 * over the tile's samples in a pass, {@code y0[o] += ...; y1[o] += ...; ...}, would keep every
 * column in a register, but C2 (JDK 17) does not vectorize it: 4.6x slower than one sample's
 * loop at 784x256, where these per-sample loops ran 1.3x faster than one sample at a time
 * (timing loop, loaded machine). The activation follows, in place.
 */
final class LoopTilePass {
  private final LayerPlan layer;
  private final NumericType t;
  private final int n;
  private final int inputs;
  private final int outputs;

  LoopTilePass(LayerPlan layer, NumericType t) {
    this.layer = layer;
    this.t = t;
    this.n = layer.number();
    this.inputs = layer.inputs();
    this.outputs = layer.outputs();
  }

  /** Returns {@code forwardTileN(x)}: the tile's inputs {@code x[s]} to {@code tileN[s]}. */
  MethodSpec forwardTile() {
    MethodSpec.Builder m = LayerEmitter.method("forwardTile" + n,
            "Layer $L for the samples of a tile, each weight column loaded from memory once.\n",
            n)
        .addParameter(ArrayTypeName.of(t.arrayType()), "x")
        .beginControlFlow("for (int s = 0; s < TILE; s++)");
    if (layer.spec().hasBias()) {
      m.addStatement("System.arraycopy(b$L, 0, tile$L[s], 0, $L)", n, n, outputs);
    } else {
      m.addStatement("$T.fill(tile$L[s], 0)", Arrays.class, n);
    }
    m.endControlFlow();
    int columns = LoopLayerEmitter.COLUMNS_PER_PASS;
    int grouped = inputs - inputs % columns;
    columnLoop(m, 0, grouped, columns);
    columnLoop(m, grouped, inputs, 1);
    return m.addCode(activation()).build();
  }

  /** Adds the passes over inputs {@code from} to {@code to}, {@code width} columns each. */
  private void columnLoop(MethodSpec.Builder m, int from, int to, int width) {
    if (from >= to) {
      return;
    }
    m.beginControlFlow("for (int i = $L; i < $L; i += $L)", from, to, width);
    CodeBlock.Builder sum = CodeBlock.builder().add("y[o] += ");
    for (int c = 0; c < width; c++) {
      m.addStatement("$T c$L = wt$L[$L]", t.arrayType(), c, n, LayerEmitter.plus("i", c));
      sum.add(c == 0 ? "c$L[o] * x$L" : " + c$L[o] * x$L", c, c);
    }
    m.beginControlFlow("for (int s = 0; s < TILE; s++)")
        .addStatement("$T in = x[s]", t.arrayType())
        .addStatement("$T y = tile$L[s]", t.arrayType(), n);
    for (int c = 0; c < width; c++) {
      m.addStatement("$T x$L = in[$L]", t.type(), c, LayerEmitter.plus("i", c));
    }
    m.beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
        .addStatement(sum.build())
        .endControlFlow()
        .endControlFlow()
        .endControlFlow();
  }

  /** The activation of each sample's sums, in place (softmax too: it reads before it writes). */
  private CodeBlock activation() {
    Activation f = layer.spec().activation();
    if (f == Activation.IDENTITY) {
      return CodeBlock.of("");
    }
    CodeBlock.Builder code = CodeBlock.builder()
        .beginControlFlow("for (int s = 0; s < TILE; s++)")
        .addStatement("$T y = tile$L[s]", t.arrayType(), n);
    if (f == Activation.SOFTMAX) {
      code.addStatement("softmax(y, y)");
    } else {
      code.beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("y[o] = $L",
              ActivationCode.forward(f, layer.spec().activationParameter(), "y[o]"))
          .endControlFlow();
    }
    return code.endControlFlow().build();
  }
}
