package dev.neurite.onnx;

import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import java.util.Arrays;
import java.util.Map;

/**
 * What an exported file records of its Neurite network beyond the graph, in the model's
 * {@code metadata_props}: name, loss, precision, seed, and each layer's exact parameter (the
 * graph holds activation parameters and dropout ratios as floats). Other tools ignore it.
 */
final class Metadata {
  static final String NAME = "neurite.name";
  static final String LOSS = "neurite.loss";
  /** The Huber delta, recorded only when it is not the default. */
  static final String HUBER_DELTA = "neurite.huberDelta";
  static final String PRECISION = "neurite.precision";
  static final String SEED = "neurite.seed";
  /** Per layer, comma-separated: the activation parameter of a dense layer, a dropout's rate. */
  static final String LAYER_PARAMETERS = "neurite.layerParameters";

  private Metadata() {}

  /** Returns the entries describing {@code spec}, in a fixed order. */
  static String[][] of(NetworkSpec spec) {
    StringBuilder parameters = new StringBuilder();
    for (LayerSpec layer : spec.layers()) {
      if (parameters.length() > 0) {
        parameters.append(',');
      }
      parameters.append(layer.kind() == LayerSpec.Kind.DENSE
          ? layer.activationParameter() : layer.rate());
    }
    String[][] entries = {
        {NAME, spec.name()},
        {LOSS, spec.loss().name()},
        {PRECISION, spec.precision().name()},
        {SEED, Long.toString(spec.seed())},
        {LAYER_PARAMETERS, parameters.toString()},
    };
    if (spec.huberDelta() == Loss.DEFAULT_HUBER_DELTA) {
      return entries;
    }
    String[][] withDelta = Arrays.copyOf(entries, entries.length + 1);
    withDelta[entries.length] = new String[] {HUBER_DELTA, Double.toString(spec.huberDelta())};
    return withDelta;
  }

  /** Returns the recorded Huber delta, or the default when none is recorded. */
  static double huberDelta(Map<String, String> meta) throws OnnxException {
    if (!meta.containsKey(HUBER_DELTA)) {
      return Loss.DEFAULT_HUBER_DELTA;
    }
    try {
      return Double.parseDouble(meta.get(HUBER_DELTA));
    } catch (NumberFormatException e) {
      throw bad(HUBER_DELTA, meta);
    }
  }

  static Loss loss(Map<String, String> meta) throws OnnxException {
    try {
      return Loss.valueOf(meta.get(LOSS));
    } catch (IllegalArgumentException e) {
      throw bad(LOSS, meta);
    }
  }

  static Precision precision(Map<String, String> meta) throws OnnxException {
    try {
      return Precision.valueOf(meta.get(PRECISION));
    } catch (IllegalArgumentException e) {
      throw bad(PRECISION, meta);
    }
  }

  static long seed(Map<String, String> meta) throws OnnxException {
    try {
      return Long.parseLong(meta.get(SEED));
    } catch (NumberFormatException e) {
      throw bad(SEED, meta);
    }
  }

  /** Returns the recorded layer parameters, or null if absent or not one per layer. */
  static double[] layerParameters(Map<String, String> meta, int layers) throws OnnxException {
    String value = meta.get(LAYER_PARAMETERS);
    if (value == null) {
      return null;
    }
    String[] parts = value.split(",", -1);
    if (parts.length != layers) {
      return null; // the graph was edited after Neurite wrote it: trust the graph
    }
    double[] parameters = new double[layers];
    try {
      for (int l = 0; l < layers; l++) {
        parameters[l] = Double.parseDouble(parts[l]);
      }
    } catch (NumberFormatException e) {
      throw bad(LAYER_PARAMETERS, meta);
    }
    return parameters;
  }

  private static OnnxException bad(String key, Map<String, String> meta) {
    return new OnnxException("metadata '" + key + "' has the value '" + meta.get(key)
        + "', which Neurite did not write; remove it or correct it");
  }
}
