package dev.neurite.processor.plan;

/**
 * The JVM's limits on generated code, and the estimated bytecode cost of each unrolled statement
 * that the planner uses to keep every method under them.
 *
 * <p>HotSpot never JIT-compiles a method over 8000 bytes of bytecode ({@code HugeMethodLimit}),
 * so it would run interpreted, 10-50x slower; javac refuses methods over 64 KB and classes with
 * more than 65,535 constants. The costs below are upper bounds measured on generated class files
 * (see {@code MethodSizeTest}), so an estimate under {@link #METHOD_BYTES} means a real method
 * under it.
 */
public final class Budget {
  /** The largest estimated method, in bytes of bytecode: half of HugeMethodLimit. */
  public static final int METHOD_BYTES = 4000;
  /** The most terms in one unrolled sum: C2 gives up on larger expression trees. */
  public static final int SUM_TERMS = 64;
  /**
   * The most multiply-adds unrolled in one class: each unrolled weight may cost constant-pool
   * entries (its gradient index), and the pool holds at most 65,535.
   */
  public static final int CLASS_UNROLLED_MULTIPLY_ADDS = 16384;

  /**
   * The most layers (dropout included) of a generated network. Each layer brings its own
   * fields and methods, about 60 constant-pool entries with dropout, so the class file's pool
   * of 65,535 caps the depth near 1,000; this limit keeps a margin for the Vector API variant
   * and wide unrolled layers, and keeps javac's time reasonable (half a minute at 500 layers).
   * Every method stays within {@link #METHOD_BYTES} up to it ({@code MethodSizeTest}).
   */
  public static final int LAYERS = 500;

  /** Bytes of one term {@code w[k] * x[i]} of an unrolled forward sum. */
  static final int FORWARD_TERM = 12;
  /** Bytes of one unrolled gradient statement {@code g[W + k] += d * x[i]}. */
  static final int GRADIENT_TERM = 17;
  /** Bytes of one term {@code w[k] * d[o]} of an unrolled input-gradient sum. */
  static final int PROPAGATE_TERM = 13;
  /** Bytes per unit around its sum: stores, activation or derivative call, locals. */
  static final int UNIT = 40;
  /** Bytes of a method's fixed parts: locals set-up and return. */
  static final int METHOD = 40;

  private Budget() {}
}
