package dev.neurite.processor.plan;

import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, per layer, how a network's code is written out, and splits it into methods: a dense
 * layer of at most {@code unrollLimit} multiply-adds is unrolled when its code fits the
 * {@link Budget}, every other one becomes loops.
 */
public final class Planner {
  /**
   * The default largest layer, in multiply-adds, that is unrolled: the bench's
   * {@code UnrollBenchmarks} measured unrolled layers level with the loops (four input columns
   * per pass) at 4x4 and behind them from 8x8 on (forward and backward 1.3x slower at 8x8,
   * predict 2.1x slower at 16x16).
   */
  public static final int DEFAULT_UNROLL_LIMIT = 16;

  private final int unrollLimit;

  /** Creates a planner that unrolls layers of at most {@code unrollLimit} multiply-adds. */
  public Planner(int unrollLimit) {
    this.unrollLimit = unrollLimit;
  }

  /** Returns the plan of {@code spec}, generated into {@code packageName}. */
  public NetworkPlan plan(String packageName, String sourceName, NetworkSpec spec) {
    List<LayerPlan> layers = new ArrayList<>();
    int unrolled = 0;
    for (int l = 0; l < spec.layerCount(); l++) {
      LayerPlan layer = planLayer(spec, l, unrolled);
      if (layer.shape() == Shape.UNROLLED) {
        unrolled += layer.multiplyAdds();
      }
      layers.add(layer);
    }
    return new NetworkPlan(packageName, sourceName, spec, List.copyOf(layers));
  }

  private LayerPlan planLayer(NetworkSpec spec, int l, int unrolledBefore) {
    int inputs = spec.inputSizeOf(l);
    int outputs = spec.outputSizeOf(l);
    LayerSpec layer = spec.layer(l);
    List<Part> all = List.of(new Part(0, outputs));
    if (layer.kind() == LayerSpec.Kind.DROPOUT) {
      return new LayerPlan(l + 1, layer, inputs, outputs, spec.weightOffset(l),
          spec.biasOffset(l), Shape.DROPOUT, all, List.of(), all);
    }
    if (!unrolls(inputs, outputs, unrolledBefore)) {
      return new LayerPlan(l + 1, layer, inputs, outputs, spec.weightOffset(l),
          spec.biasOffset(l), Shape.LOOP, all, all, List.of(new Part(0, inputs)));
    }
    return new LayerPlan(l + 1, layer, inputs, outputs, spec.weightOffset(l), spec.biasOffset(l),
        Shape.UNROLLED,
        partition(outputs, unitCost(inputs, Budget.FORWARD_TERM)),
        partition(outputs, unitCost(inputs, Budget.GRADIENT_TERM)),
        partition(inputs, unitCost(outputs, Budget.PROPAGATE_TERM)));
  }

  /**
   * Returns whether a layer is unrolled: small enough by the limit, within the class's share of
   * unrolled code, and with one unit's statements fitting a method in every pass.
   */
  boolean unrolls(int inputs, int outputs, int unrolledBefore) {
    long multiplyAdds = (long) inputs * outputs;
    return multiplyAdds <= unrollLimit
        && unrolledBefore + multiplyAdds <= Budget.CLASS_UNROLLED_MULTIPLY_ADDS
        && fits(unitCost(inputs, Budget.GRADIENT_TERM))
        && fits(unitCost(inputs, Budget.FORWARD_TERM))
        && fits(unitCost(outputs, Budget.PROPAGATE_TERM));
  }

  private static boolean fits(long unitCost) {
    return Budget.METHOD + unitCost <= Budget.METHOD_BYTES;
  }

  /** Returns the estimated bytes of one unit whose statement has {@code terms} terms. */
  static long unitCost(int terms, int termCost) {
    return (long) terms * termCost + Budget.UNIT;
  }

  /**
   * Splits {@code count} units of {@code unitCost} bytes each into as few contiguous parts as
   * keep every method's estimate within {@link Budget#METHOD_BYTES}, of nearly equal sizes.
   */
  static List<Part> partition(int count, long unitCost) {
    long perMethod = Math.max(1, (Budget.METHOD_BYTES - Budget.METHOD) / unitCost);
    int methods = (int) ((count + perMethod - 1) / perMethod);
    List<Part> parts = new ArrayList<>();
    for (int k = 0; k < methods; k++) {
      parts.add(new Part((int) ((long) count * k / methods),
          (int) ((long) count * (k + 1) / methods)));
    }
    return List.copyOf(parts);
  }
}
