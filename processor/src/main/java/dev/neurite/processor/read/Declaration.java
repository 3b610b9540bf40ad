package dev.neurite.processor.read;

import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.Precision;
import java.util.List;
import java.util.Map;

/**
 * A network as declared in source, before validation: its raw parts and where each came from.
 *
 * @param packageName the package of the generated class
 * @param sourceName the qualified name of the declaration, for the generated header
 * @param name the simple name of the generated class
 * @param inputSize the declared input size (0 when missing)
 * @param layers the declared layers, in source order
 * @param losses the declared losses: one in a valid declaration
 * @param huberDelta the declared delta of the Huber loss
 * @param precision the declared precision
 * @param seed the declared seed
 * @param trainable whether the network is trained (false: inference only)
 * @param origin the element that declares the network: the originating element of the output
 * @param locations where each attribute came from: keys are {@code "name"}, {@code "input"},
 *     {@code "loss"}, {@code "huberDelta"}, {@code "layers"}, {@code "trainable"} for the
 *     network and
 *     {@code "<layer>.<attribute>"} for layers; {@code "input"} is present only when the input
 *     size was declared, so that a missing one can be told from a wrong one
 */
public record Declaration(
    String packageName,
    String sourceName,
    String name,
    int inputSize,
    List<LayerSpec> layers,
    List<Loss> losses,
    double huberDelta,
    Precision precision,
    long seed,
    boolean trainable,
    Location origin,
    Map<String, Location> locations) {

  /** Creates the declaration of a trained network. */
  public Declaration(String packageName, String sourceName, String name, int inputSize,
      List<LayerSpec> layers, Loss loss, Precision precision, long seed, Location origin,
      Map<String, Location> locations) {
    this(packageName, sourceName, name, inputSize, layers, List.of(loss),
        Loss.DEFAULT_HUBER_DELTA, precision, seed, true, origin, locations);
  }

  /** Returns the loss, or {@code null} unless exactly one was declared. */
  public Loss loss() {
    return losses.size() == 1 ? losses.get(0) : null;
  }

  /** Returns the qualified name of the class to generate. */
  public String generatedName() {
    return packageName.isEmpty() ? name : packageName + "." + name;
  }

  /**
   * Returns where the attribute of a layer (or of the network, for a negative layer) was written;
   * falls back to the layer's annotation, then to the declaration.
   */
  public Location locate(int layer, String attribute) {
    if (layer < 0) {
      return locations.getOrDefault(attribute, origin);
    }
    Location exact = locations.get(layer + "." + attribute);
    return exact != null ? exact : locations.getOrDefault(String.valueOf(layer), origin);
  }
}
