package dev.neurite.processor.plan;

import dev.neurite.runtime.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, per layer, how a network's code is written out: layers of at most
 * {@code unrollLimit} multiply-adds are unrolled, larger ones become loops.
 */
public final class Planner {
  /** The default largest layer, in multiply-adds, that is unrolled. */
  public static final int DEFAULT_UNROLL_LIMIT = 256;

  private final int unrollLimit;

  /** Creates a planner that unrolls layers of at most {@code unrollLimit} multiply-adds. */
  public Planner(int unrollLimit) {
    this.unrollLimit = unrollLimit;
  }

  /** Returns the plan of {@code spec}, generated into {@code packageName}. */
  public NetworkPlan plan(String packageName, String sourceName, NetworkSpec spec) {
    List<LayerPlan> layers = new ArrayList<>();
    for (int l = 0; l < spec.layerCount(); l++) {
      int inputs = spec.inputSizeOf(l);
      int outputs = spec.outputSizeOf(l);
      Shape shape = inputs * outputs <= unrollLimit ? Shape.UNROLLED : Shape.LOOP;
      layers.add(new LayerPlan(l + 1, spec.layer(l), inputs, outputs, spec.weightOffset(l),
          spec.biasOffset(l), shape));
    }
    return new NetworkPlan(packageName, sourceName, spec, List.copyOf(layers));
  }
}
