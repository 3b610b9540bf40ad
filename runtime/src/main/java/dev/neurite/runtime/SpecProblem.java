package dev.neurite.runtime;

/**
 * One broken {@link SpecRule}, located at a layer and attribute so that a compiler can point at
 * the annotation value or builder call that caused it.
 */
public final class SpecProblem {
  /** The layer index used for problems of the network as a whole. */
  public static final int NETWORK = -1;

  private final SpecRule rule;
  private final int layer;
  private final String attribute;
  private final String message;

  /** Creates a problem of {@code rule} at {@code layer} (or {@link #NETWORK}). */
  public SpecProblem(SpecRule rule, int layer, String attribute, String message) {
    this.rule = rule;
    this.layer = layer;
    this.attribute = attribute;
    this.message = message;
  }

  /** Returns the rule that was broken. */
  public SpecRule rule() {
    return rule;
  }

  /** Returns the index of the layer at fault (0 = first after the input), or {@link #NETWORK}. */
  public int layer() {
    return layer;
  }

  /**
   * Returns the attribute at fault: {@code "name"}, {@code "input"}, {@code "loss"},
   * {@code "layers"}, or for a layer {@code "units"}, {@code "activation"},
   * {@code "activationParameter"}, {@code "rate"}.
   */
  public String attribute() {
    return attribute;
  }

  /** Returns the full message, starting with the rule's id in brackets. */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    return (layer == NETWORK ? "network" : "layer " + layer) + ": " + message;
  }
}
