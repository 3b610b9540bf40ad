package dev.neurite.processor.plan;

/** How the code of one layer is written out. */
public enum Shape {
  /**
   * Straight-line code, one statement per neuron, weights in one array in the spec's layout:
   * fastest for tiny layers, and split into methods under the bytecode budget.
   */
  UNROLLED,
  /**
   * Constant-bound loops in the form HotSpot's C2 vectorizes: every inner loop an "axpy" whose
   * arrays all share its index, the weights kept per input ({@code wt[i][o]}, forward) and per
   * unit ({@code w[o][i]}, back propagation).
   */
  LOOP,
  /** A dropout layer: an elementwise mask, the identity at inference. */
  DROPOUT
}
