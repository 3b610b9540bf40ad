package dev.neurite.runtime.io;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.InvalidSpecException;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A model file read whole, without a model to load it into: the network it was saved from, its
 * parameters in the flat layout of {@link NetworkSpec}, and its extras. What a frozen class is
 * written from. Immutable; the parameters are copied out.
 */
public final class SavedModel {
  private final NetworkSpec spec;
  private final double[] parameters;
  private final ModelFileInfo info;

  private SavedModel(NetworkSpec spec, double[] parameters, ModelFileInfo info) {
    this.spec = spec;
    this.parameters = parameters;
    this.info = info;
  }

  /** Rebuilds the network the file was saved from; an unknown name is a damaged file. */
  static SavedModel of(String source, ModelFileReader.Contents c) throws ModelFileException {
    List<LayerSpec> layers = new ArrayList<>();
    for (int l = 0; l < c.shape.layers.size(); l++) {
      ShapeFingerprint.Layer layer = c.shape.layers.get(l);
      layers.add(layer.dense
          ? LayerSpec.dense(layer.units, activation(source, layer.activation),
              layer.activationParameter, layer.bias)
          : LayerSpec.dropout(c.dropoutRates[l]));
    }
    NetworkSpec spec;
    try {
      spec = NetworkSpec.of(c.networkName, c.shape.inputSize, layers, loss(source, c.loss),
          huberDelta(source, c.loss), c.precision, c.seed);
    } catch (InvalidSpecException e) {
      throw new ModelFileException(source + " is corrupted: the network it holds is invalid: "
          + e.getMessage());
    }
    if (spec.parameterCount() != c.parameters.length) {
      throw new ModelFileException(source + " is corrupted: its network " + c.shape + " has "
          + spec.parameterCount() + " parameters, but it holds " + c.parameters.length);
    }
    return new SavedModel(spec, c.parameters, ModelFile.info(c));
  }

  private static Activation activation(String source, String name) throws ModelFileException {
    for (Activation a : Activation.values()) {
      if (ShapeFingerprint.fileName(a).equals(name)) {
        return a;
      }
    }
    throw new ModelFileException(source + " names activation \"" + name + "\", which this "
        + "runtime does not know (the file was written by another Neurite version, or is "
        + "damaged)");
  }

  /** The delta of a loss recorded as {@code HUBER(0.5)}; the default without parentheses. */
  private static double huberDelta(String source, String recorded) throws ModelFileException {
    int open = recorded.indexOf('(');
    if (open < 0) {
      return Loss.DEFAULT_HUBER_DELTA;
    }
    try {
      if (recorded.endsWith(")")) {
        return Double.parseDouble(recorded.substring(open + 1, recorded.length() - 1));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ModelFileException(source + " is corrupted: its loss \"" + recorded + "\" has no "
        + "readable delta");
  }

  private static Loss loss(String source, String recorded) throws ModelFileException {
    int open = recorded.indexOf('(');
    String name = open < 0 ? recorded : recorded.substring(0, open);
    for (Loss l : Loss.values()) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    throw new ModelFileException(source + " names loss \"" + name + "\", which this runtime "
        + "does not know (the file was written by another Neurite version, or is damaged)");
  }

  /** Returns the network the file was saved from (its dropout rates included). */
  public NetworkSpec spec() {
    return spec;
  }

  /** Returns a copy of the parameters, in the flat layout of {@link #spec()}. */
  public double[] parameters() {
    return parameters.clone();
  }

  /** Returns what else the file held: version, name, shape, standardizer and other extras. */
  public ModelFileInfo info() {
    return info;
  }

  @Override
  public String toString() {
    return "SavedModel(" + info.networkName() + " " + info.shape() + ", " + parameters.length
        + " parameters)";
  }
}
