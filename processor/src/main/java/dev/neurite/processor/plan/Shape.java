package dev.neurite.processor.plan;

/** How the code of one layer is written out. */
public enum Shape {
  /**
   * Straight-line code, one statement per neuron, weights in one array in the spec's layout:
   * fastest for tiny layers, and split into methods under the bytecode budget.
   */
  UNROLLED,
  /**
   * Constant-bound loops in the form HotSpot's C2 vectorizes: weights stored as one array per
   * input ({@code w[i][o]}), so that every array of the forward's inner loop is indexed by the
   * same variable ({@code z[o] += w[i][o] * x_i}); several accumulators for the reductions.
   */
  LOOP,
  /** A dropout layer: an elementwise mask, the identity at inference. */
  DROPOUT
}
