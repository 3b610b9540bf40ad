package dev.neurite.onnx;

import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.TrainableModel;

/**
 * A network read from an ONNX file: its {@link NetworkSpec} and its parameters in the flat
 * layout the spec describes (per dense layer its weights row by row, {@code [unit][input]},
 * then its biases).
 *
 * <p>Load it into a generated class declared with the same layers ({@link #loadInto}) to
 * fine-tune it with the Trainer or to run it, or into the reference interpreter
 * ({@link #toReferenceNetwork}).
 */
public final class ImportedNetwork {
  private final NetworkSpec spec;
  private final double[] parameters;

  ImportedNetwork(NetworkSpec spec, double[] parameters) {
    this.spec = spec;
    this.parameters = parameters;
  }

  /** Returns the network's description. */
  public NetworkSpec spec() {
    return spec;
  }

  /** Returns a copy of the parameters, in the flat layout of {@link #spec()}. */
  public double[] parameters() {
    return parameters.clone();
  }

  /** Returns the reference interpreter of this network, holding its parameters. */
  public ReferenceNetwork toReferenceNetwork() {
    ReferenceNetwork network = new ReferenceNetwork(spec);
    network.setParameters(parameters);
    return network;
  }

  /**
   * Sets these parameters into {@code model}, whose network must have the same input size and
   * layers (units, activation and its parameter, bias); its name, loss, precision, seed and
   * dropout rates may differ.
   *
   * @throws IllegalArgumentException naming the first difference
   */
  public <M extends TrainableModel> M loadInto(M model) {
    NetworkSpec other = model.spec();
    String difference = difference(other);
    if (difference != null) {
      throw new IllegalArgumentException("the model's network " + other.name()
          + " does not match the imported " + spec.name() + ": " + difference
          + "; declare it with the imported layers: " + spec.layers());
    }
    model.setParameters(parameters);
    return model;
  }

  private String difference(NetworkSpec other) {
    if (other.inputSize() != spec.inputSize()) {
      return "input size " + other.inputSize() + " against " + spec.inputSize();
    }
    if (other.layerCount() != spec.layerCount()) {
      return other.layerCount() + " layers against " + spec.layerCount();
    }
    for (int l = 0; l < spec.layerCount(); l++) {
      if (!sameShape(other.layer(l), spec.layer(l))) {
        return "layer " + (l + 1) + " is " + other.layer(l) + " against " + spec.layer(l);
      }
    }
    return null;
  }

  private static boolean sameShape(LayerSpec a, LayerSpec b) {
    return a.kind() == b.kind() && a.units() == b.units() && a.activation() == b.activation()
        && Double.compare(a.activationParameter(), b.activationParameter()) == 0
        && a.hasBias() == b.hasBias();
  }

  @Override
  public String toString() {
    return "ImportedNetwork(" + spec + ", " + parameters.length + " parameters)";
  }
}
