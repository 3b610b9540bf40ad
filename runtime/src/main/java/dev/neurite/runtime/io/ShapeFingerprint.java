package dev.neurite.runtime.io;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.NetworkSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What must match for weights to fit a network: the input size and, per layer, its kind, units,
 * activation (with its parameter) and bias. Not the name, loss, precision, seed or dropout rate,
 * which do not change what the weights mean.
 */
final class ShapeFingerprint {
  private static final String EXACT_GELU = "GELU_ERF";

  /** One layer as the file records it; the activation by name, so enum order never matters. */
  static final class Layer {
    final boolean dense;
    final int units;
    final String activation;
    final double activationParameter;
    final boolean bias;

    Layer(boolean dense, int units, String activation, double activationParameter, boolean bias) {
      this.dense = dense;
      this.units = units;
      this.activation = activation;
      this.activationParameter = activationParameter;
      this.bias = bias;
    }

    boolean sameAs(Layer o) {
      return dense == o.dense && units == o.units && activation.equals(o.activation)
          && Double.compare(activationParameter, o.activationParameter) == 0 && bias == o.bias;
    }

    String describe() {
      if (!dense) {
        return "dropout";
      }
      String name = activationName(activation).toLowerCase(Locale.ROOT);
      String parameter = activationParameter == 0 ? "" : "(" + activationParameter + ")";
      return name + parameter + (bias ? "" : " no bias");
    }
  }

  final int inputSize;
  final List<Layer> layers;

  ShapeFingerprint(int inputSize, List<Layer> layers) {
    this.inputSize = inputSize;
    this.layers = Collections.unmodifiableList(new ArrayList<>(layers));
  }

  /** Returns the fingerprint of {@code spec}. */
  static ShapeFingerprint of(NetworkSpec spec) {
    List<Layer> layers = new ArrayList<>();
    for (LayerSpec l : spec.layers()) {
      boolean dense = l.kind() == LayerSpec.Kind.DENSE;
      layers.add(new Layer(dense, l.units(), fileName(l.activation()),
          dense ? l.activationParameter() : 0, l.hasBias()));
    }
    return new ShapeFingerprint(spec.inputSize(), layers);
  }

  /**
   * Returns the name a file records for {@code f}: its own, but for GELU. Its tanh approximation
   * was named GELU before the exact form existed, so it keeps that name in files (a file saved
   * then loads as what it was trained with), and the exact form is recorded as GELU_ERF.
   */
  static String fileName(Activation f) {
    switch (f) {
      case GELU:
        return EXACT_GELU;
      case GELU_TANH:
        return Activation.GELU.name();
      default:
        return f.name();
    }
  }

  /** Returns the activation's name in the API for the name a file records. */
  private static String activationName(String fileName) {
    if (fileName.equals(Activation.GELU.name())) {
      return Activation.GELU_TANH.name();
    }
    return fileName.equals(EXACT_GELU) ? Activation.GELU.name() : fileName;
  }

  boolean sameAs(ShapeFingerprint o) {
    if (inputSize != o.inputSize || layers.size() != o.layers.size()) {
      return false;
    }
    for (int i = 0; i < layers.size(); i++) {
      if (!layers.get(i).sameAs(o.layers.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Returns the shape as {@code 4-16-3 (relu, softmax)}: sizes of the dense layers, then how. */
  @Override
  public String toString() {
    StringBuilder sizes = new StringBuilder().append(inputSize);
    StringBuilder how = new StringBuilder();
    for (Layer layer : layers) {
      if (layer.dense) {
        sizes.append('-').append(layer.units);
      }
      how.append(how.length() == 0 ? "" : ", ").append(layer.describe());
    }
    return sizes + " (" + how + ")";
  }
}
