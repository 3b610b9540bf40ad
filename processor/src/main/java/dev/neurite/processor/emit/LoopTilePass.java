package dev.neurite.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.runtime.Activation;
import java.util.Arrays;

/**
 * A loop layer's pass over one tile of a batch predict ({@link BatchPredict}), in plain Java:
 * {@code forwardTileN(x)} sweeps the weight columns {@code wtN[i]} once for the tile's
 * {@value BatchPredict#TILE} samples. Each pass over the units takes
 * {@value #GROUPS_PER_PASS} groups of {@link LoopLayerEmitter#COLUMNS_PER_PASS} columns and
 * updates every sample's sums, {@code y_s[o] += c0[o] * x_s0 + c1[o] * x_s1 + ...}: a counted
 * loop over arrays sharing the index {@code o}, the shape C2 vectorizes, in which each weight
 * loaded serves the whole tile. Each group's terms are summed, then added to the sum, as the
 * single-sample {@code forwardN} adds them, so the results are its own bit for bit; the
 * activation follows, in place.
 */
final class LoopTilePass {
  /**
   * Column groups per pass over the units: each pass loads and stores every sample's sums once,
   * so more groups save memory traffic, until the tile's broadcast inputs (samples x columns)
   * outgrow the registers.
   */
  static final int GROUPS_PER_PASS = 1;

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
    Activation f = layer.spec().activation();
    MethodSpec.Builder m = LayerEmitter.method("forwardTile" + n,
            "Layer $L for the $L samples of a tile, each weight column loaded once for all.\n", n,
            BatchPredict.TILE)
        .addParameter(ArrayTypeName.of(t.arrayType()), "x");
    for (int s = 0; s < BatchPredict.TILE; s++) {
      m.addStatement("$T x$L = x[$L]", t.arrayType(), s, s)
          .addStatement("$T y$L = tile$L[$L]", t.arrayType(), s, n, s);
      if (layer.spec().hasBias()) {
        m.addStatement("System.arraycopy(b$L, 0, y$L, 0, $L)", n, s, outputs);
      } else {
        m.addStatement("$T.fill(y$L, 0)", Arrays.class, s);
      }
    }
    int columns = LoopLayerEmitter.COLUMNS_PER_PASS;
    int wide = columns * GROUPS_PER_PASS;
    int wideEnd = inputs - inputs % wide;
    int groupEnd = inputs - inputs % columns;
    columnLoop(m, 0, wideEnd, GROUPS_PER_PASS);
    columnLoop(m, wideEnd, groupEnd, 1);
    columnLoop(m, groupEnd, inputs, 0);
    for (int s = 0; s < BatchPredict.TILE; s++) {
      if (f == Activation.SOFTMAX) {
        m.addStatement("softmax(y$L, y$L)", s, s);
      } else if (f != Activation.IDENTITY) {
        m.beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
            .addStatement("y$L[o] = $L", s,
                ActivationCode.forward(f, layer.spec().activationParameter(), "y" + s + "[o]"))
            .endControlFlow();
      }
    }
    return m.build();
  }

  /**
   * Adds the passes over inputs {@code from} to {@code to}, {@code groups} column groups each,
   * or one column each for 0 groups (the inputs after the last whole group).
   */
  private void columnLoop(MethodSpec.Builder m, int from, int to, int groups) {
    if (from >= to) {
      return;
    }
    int width = groups == 0 ? 1 : groups * LoopLayerEmitter.COLUMNS_PER_PASS;
    m.beginControlFlow("for (int i = $L; i < $L; i += $L)", from, to, width);
    for (int c = 0; c < width; c++) {
      m.addStatement("$T c$L = wt$L[$L]", t.arrayType(), c, n, LayerEmitter.plus("i", c));
    }
    for (int s = 0; s < BatchPredict.TILE; s++) {
      for (int c = 0; c < width; c++) {
        m.addStatement("$T v$L_$L = x$L[$L]", t.type(), s, c, s, LayerEmitter.plus("i", c));
      }
    }
    m.beginControlFlow("for (int o = 0; o < $L; o++)", outputs);
    for (int s = 0; s < BatchPredict.TILE; s++) {
      m.addStatement(update(s, groups));
    }
    m.endControlFlow().endControlFlow();
  }

  /** Sample s's sums plus its terms, grouped as the single-sample pass groups them. */
  private CodeBlock update(int s, int groups) {
    if (groups == 0) {
      return CodeBlock.of("y$L[o] += c0[o] * v$L_0", s, s);
    }
    if (groups == 1) {
      return CodeBlock.of("y$L[o] += $L", s, group(s, 0));
    }
    CodeBlock.Builder sum = CodeBlock.builder().add("y$L[o] = y$L[o]", s, s);
    for (int g = 0; g < groups; g++) {
      sum.add(" + ($L)", group(s, g));
    }
    return sum.build();
  }

  /** {@code c0[o] * vs_0 + c1[o] * vs_1 + ...}: one group of columns for sample s. */
  private static CodeBlock group(int s, int g) {
    CodeBlock.Builder terms = CodeBlock.builder();
    int columns = LoopLayerEmitter.COLUMNS_PER_PASS;
    for (int c = g * columns; c < (g + 1) * columns; c++) {
      terms.add(c == g * columns ? "c$L[o] * v$L_$L" : " + c$L[o] * v$L_$L", c, s, c);
    }
    return terms.build();
  }
}
