package dev.neurite.processor.plan;

/** How the code of one dense layer is written out. */
public enum Shape {
  /** Straight-line code, one statement per neuron: fastest for tiny layers. */
  UNROLLED,
  /** Constant-bound loops in the form HotSpot's C2 vectorizes: for everything larger. */
  LOOP
}
