package dev.neurite.processor.plan;

import dev.neurite.runtime.NetworkSpec;
import java.util.List;

/**
 * Everything the emitter needs to write one generated class, decided in plain Java.
 *
 * @param packageName the package of the generated class ("" for the unnamed package)
 * @param sourceName the qualified name of the declaration, for the header
 * @param spec the network
 * @param layers one plan per layer, in order
 */
public record NetworkPlan(
    String packageName, String sourceName, NetworkSpec spec, List<LayerPlan> layers) {

  /** Returns the simple name of the generated class. */
  public String className() {
    return spec.name();
  }

  /** Returns whether any layer is a dropout layer (the class then has a training mode). */
  public boolean hasDropout() {
    return layers.stream().anyMatch(layer -> !layer.isDense());
  }

  /** Returns the last layer's plan. */
  public LayerPlan outputLayer() {
    return layers.get(layers.size() - 1);
  }
}
