package dev.neurite.processor.emit;

import static dev.neurite.processor.emit.LayerEmitter.method;
import static dev.neurite.processor.emit.LayerEmitter.plus;
import static dev.neurite.processor.emit.LoopLayerEmitter.COLUMNS_PER_PASS;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.runtime.Activation;
import java.util.Arrays;

/**
 * The grouped training passes of a loop layer ({@link BatchedTraining}'s {@code forwardGroupN},
 * {@code accumulateGroupN}, {@code propagateGroupN}): every weight column, weight row and
 * gradient row loaded from memory serves several samples of the group. The terms of every sum
 * are added in the order of the single-sample passes, one column (row) after the other, which
 * {@link VectorGroupPasses} matches bit for bit.
 */
final class LoopGroupPasses {
  /**
   * Samples per sweep of the group's forward loop, {@link LoopLayerEmitter#COLUMNS_PER_PASS}
   * columns per pass: at W4's first layer 2 samples ran in about 0.6 of the time of 4 samples with
   * one column per pass, whose 4 stores per weight loaded bound the loop (a plain timing loop,
   * best of runs). Wider tiles are slower still: 4 samples x 4 columns and 2 samples x 8 columns
   * took 6x and 8x the time of 2 x 4 (C2 no longer vectorizes the loop), 3 samples x 4 columns
   * 1.13x per sample.
   */
  static final int SAMPLES_PER_PASS = 2;

  private final LoopLayerEmitter e;
  private final LayerPlan layer;
  private final NumericType t;
  private final int n;
  private final int inputs;
  private final int outputs;

  LoopGroupPasses(LoopLayerEmitter emitter) {
    this.e = emitter;
    this.layer = emitter.layer;
    this.t = emitter.t;
    this.n = emitter.n;
    this.inputs = layer.inputs();
    this.outputs = layer.outputs();
  }

  /** The forward pass of each sample of the group, in one sweep over the weight columns. */
  MethodSpec forwardGroup() {
    Activation f = layer.spec().activation();
    MethodSpec.Builder m = method("forwardGroup" + n,
        "Layer $L for each sample of the group, from ag$L.\n", n, n - 1)
        .beginControlFlow("for (int s = 0; s < $L; s += $L)", BatchedTraining.GROUP,
            SAMPLES_PER_PASS);
    for (int q = 0; q < SAMPLES_PER_PASS; q++) {
      m.addStatement("$T x$L = ag$L[$L]", t.arrayType(), q, n - 1, plus("s", q))
          .addStatement("$T y$L = zg$L[$L]", t.arrayType(), q, n, plus("s", q));
      if (layer.spec().hasBias()) {
        m.addStatement("System.arraycopy(b$L, 0, y$L, 0, $L)", n, q, outputs);
      } else {
        m.addStatement("$T.fill(y$L, 0)", Arrays.class, q);
      }
    }
    int grouped = inputs - inputs % COLUMNS_PER_PASS;
    addGroupColumns(m, COLUMNS_PER_PASS, 0, grouped);
    addGroupColumns(m, 1, grouped, inputs);
    m.endControlFlow()
        .beginControlFlow("for (int s = 0; s < $L; s++)", BatchedTraining.GROUP);
    if (f == Activation.SOFTMAX) {
      m.addStatement("softmax(zg$L[s], ag$L[s])", n, n);
    } else {
      m.addStatement("$T z = zg$L[s]", t.arrayType(), n)
          .addStatement("$T a = ag$L[s]", t.arrayType(), n)
          .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("a[o] = $L",
              ActivationCode.forward(f, layer.spec().activationParameter(), "z[o]"))
          .endControlFlow();
    }
    return m.endControlFlow().build();
  }

  /**
   * Adds inputs {@code from} to {@code to} of {@value #SAMPLES_PER_PASS} samples ({@code x0},
   * ...) to their sums ({@code y0}, ...), {@code columns} weight columns per pass over the units:
   * each column loaded serves both samples, and each sum is loaded and stored once per pass. The
   * terms add to the sum one column after the other, {@code y = y + v0 * x0 + v1 * x1 ...}, as
   * with one column per pass (and as the Vector API's group pass, which matches it bit for bit).
   */
  private void addGroupColumns(MethodSpec.Builder m, int columns, int from, int to) {
    if (from >= to) {
      return;
    }
    m.beginControlFlow("for (int i = $L; i < $L; i += $L)", from, to, columns);
    CodeBlock.Builder body = CodeBlock.builder();
    for (int c = 0; c < columns; c++) {
      m.addStatement("$T c$L = wt$L[$L]", t.arrayType(), c, n, plus("i", c));
      body.addStatement("$T v$L = c$L[o]", t.type(), c, c);
    }
    for (int q = 0; q < SAMPLES_PER_PASS; q++) {
      CodeBlock.Builder sum = CodeBlock.builder();
      for (int c = 0; c < columns; c++) {
        m.addStatement("$T x$L$L = x$L[$L]", t.type(), q, c, q, plus("i", c));
        sum.add(c == 0 ? "v$L * x$L$L" : " + v$L * x$L$L", c, q, c);
      }
      body.addStatement("y$L[o] = y$L[o] + $L", q, q, sum.build());
    }
    m.beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
        .addCode(body.build())
        .endControlFlow()
        .endControlFlow();
  }

  /**
   * The group's parameter gradient, in one sweep over the gradient rows, one row per pass, each
   * row loaded and stored once for the {@value BatchedTraining#GROUP} samples (at W4's first
   * layer 0.9 of the time of two sweeps of 4, a plain timing loop). (Two
   * rows per pass, sharing each input loaded, ran a quarter faster compiled alone but twice as
   * slow once C2 inlined it into {@code trainGroup}, which it does or not depending on the order
   * of compilation: W4 trained at 29,000 or 14,000 samples/s from one JVM to the next.)
   */
  MethodSpec accumulateGroup() {
    MethodSpec.Builder m = method("accumulateGroup" + n,
        "Adds the group's gradient of layer $L, from dg$L and ag$L, to the batch's.\n",
        n, n, n - 1);
    e.groupLocals(m, "x", "ag" + (n - 1));
    e.groupLocals(m, "e", "dg" + n);
    CodeBlock.Builder sum = CodeBlock.builder();
    m.beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
        .addStatement("$T g = gw$L[o]", t.arrayType(), n);
    for (int s = 0; s < BatchedTraining.GROUP; s++) {
      m.addStatement("$T e$Lo = e$L[o]", t.type(), s, s);
      sum.add(s == 0 ? "" : " + ").add("e$Lo * x$L[i]", s, s);
    }
    m.beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
        .addStatement("g[i] += $L", sum.build())
        .endControlFlow()
        .endControlFlow();
    if (layer.spec().hasBias()) {
      CodeBlock.Builder bias = CodeBlock.builder();
      for (int s = 0; s < BatchedTraining.GROUP; s++) {
        bias.add(s == 0 ? "" : " + ").add("e$L[o]", s);
      }
      m.addStatement("$T gb = gb$L", t.arrayType(), n)
          .beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
          .addStatement("gb[o] += $L", bias.build())
          .endControlFlow();
    }
    return m.build();
  }

  /**
   * The group's input gradients: for each {@value #SAMPLES_PER_PASS} samples, one sweep over the
   * weight rows, {@link LoopLayerEmitter#COLUMNS_PER_PASS} rows per pass, so each input gradient
   * is loaded and stored once per four rows (W4's second layer in about two thirds of the time of
   * four samples with one row per pass); the rows' terms still add one after the other, as in the
   * Vector API's pass.
   */
  MethodSpec propagateGroup() {
    MethodSpec.Builder m = method("propagateGroup" + n,
        "Back-propagates dg$L through layer $L's weights into dg$L.\n", n, n, n - 1)
        .beginControlFlow("for (int s = 0; s < $L; s += $L)", BatchedTraining.GROUP,
            SAMPLES_PER_PASS);
    for (int q = 0; q < SAMPLES_PER_PASS; q++) {
      m.addStatement("$T e$L = dg$L[$L]", t.arrayType(), q, n, plus("s", q))
          .addStatement("$T p$L = dg$L[$L]", t.arrayType(), q, n - 1, plus("s", q))
          .addStatement("$T.fill(p$L, 0)", Arrays.class, q);
    }
    int grouped = outputs - outputs % COLUMNS_PER_PASS;
    addPropagateRows(m, COLUMNS_PER_PASS, 0, grouped);
    addPropagateRows(m, 1, grouped, outputs);
    m.endControlFlow();
    CodeBlock derivative = e.previousDerivative("i");
    if (derivative != null) {
      m.beginControlFlow("for (int s = 0; s < $L; s++)", BatchedTraining.GROUP)
          .addStatement("$T dp = dg$L[s]", t.arrayType(), n - 1);
      e.previousGroupLocals(m);
      m.beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
          .addStatement("dp[i] *= $L", derivative)
          .endControlFlow()
          .endControlFlow();
    }
    return m.build();
  }

  /**
   * Adds rows {@code from} to {@code to} of the weights, {@code rows} per pass, times the deltas
   * {@code e0}, ... of {@value #SAMPLES_PER_PASS} samples to their input gradients {@code p0},
   * ...: {@code p0[i] = p0[i] + v0 * e00 + v1 * e01 ...}, {@code eqr} sample q's delta at row r.
   */
  private void addPropagateRows(MethodSpec.Builder m, int rows, int from, int to) {
    if (from >= to) {
      return;
    }
    m.beginControlFlow("for (int o = $L; o < $L; o += $L)", from, to, rows);
    CodeBlock.Builder body = CodeBlock.builder();
    for (int r = 0; r < rows; r++) {
      m.addStatement("$T r$L = w$L[$L]", t.arrayType(), r, n, plus("o", r));
      body.addStatement("$T v$L = r$L[i]", t.type(), r, r);
    }
    for (int q = 0; q < SAMPLES_PER_PASS; q++) {
      CodeBlock.Builder sum = CodeBlock.builder();
      for (int r = 0; r < rows; r++) {
        m.addStatement("$T e$L$L = e$L[$L]", t.type(), q, r, q, plus("o", r));
        sum.add(" + v$L * e$L$L", r, q, r);
      }
      body.addStatement("p$L[i] = p$L[i]$L", q, q, sum.build());
    }
    m.beginControlFlow("for (int i = 0; i < $L; i++)", inputs)
        .addCode(body.build())
        .endControlFlow()
        .endControlFlow();
  }
}
