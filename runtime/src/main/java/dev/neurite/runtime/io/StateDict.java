package dev.neurite.runtime.io;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.train.TrainableModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A network's weights and biases as PyTorch's {@code state_dict} holds them: per dense layer
 * {@code "<k>.weight"} of shape {@code [units][inputs]} and {@code "<k>.bias"} of shape
 * {@code [units]}, where {@code k} is the layer's index in the {@code torch.nn.Sequential} that
 * mirrors the network (each dense layer a {@code Linear}, followed by its activation's module
 * unless the activation is the identity; each dropout layer a {@code Dropout}). So a Python user
 * loads them with {@code numpy.load} and {@code load_state_dict}.
 *
 * <p>Arrays are float32 for a float network and float64 for a double one. Reading matches the
 * layers by order (prefixes sorted numerically), not by index, so a state dict of a
 * {@code Sequential} with other modules in between reads too; shapes must match exactly.
 */
public final class StateDict {
  private static final String WEIGHT = ".weight";
  private static final String BIAS = ".bias";

  private StateDict() {}

  /** Returns {@code model}'s parameters by state-dict name, in layer order. */
  public static Map<String, NpyArray> of(TrainableModel model) {
    double[] parameters = new double[model.parameterCount()];
    model.getParameters(parameters);
    return of(model.spec(), parameters);
  }

  /** Returns {@code parameters} (the flat layout of {@code spec}) by state-dict name. */
  public static Map<String, NpyArray> of(NetworkSpec spec, double[] parameters) {
    if (parameters.length != spec.parameterCount()) {
      throw new IllegalArgumentException("parameters has " + parameters.length + " values but "
          + spec.name() + " has " + spec.parameterCount());
    }
    boolean float32 = spec.precision() == Precision.FLOAT;
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    int module = 0;
    for (int l = 0; l < spec.layerCount(); l++) {
      LayerSpec layer = spec.layer(l);
      if (layer.kind() == LayerSpec.Kind.DENSE) {
        int units = layer.units();
        int inputs = spec.inputSizeOf(l);
        arrays.put(module + WEIGHT, new NpyArray(Arrays.copyOfRange(parameters,
            spec.weightOffset(l), spec.weightOffset(l) + units * inputs), float32, units, inputs));
        if (layer.hasBias()) {
          arrays.put(module + BIAS, new NpyArray(Arrays.copyOfRange(parameters,
              spec.biasOffset(l), spec.biasOffset(l) + units), float32, units));
        }
        module += layer.activation() == Activation.IDENTITY ? 1 : 2;
      } else {
        module++;
      }
    }
    return arrays;
  }

  /** Writes {@code model}'s parameters to {@code npz}, one array per state-dict name. */
  public static void save(TrainableModel model, Path npz) throws IOException {
    Npz.write(of(model), npz);
  }

  /** Writes one {@code <name>.npy} per state-dict name into {@code directory} (created). */
  public static void saveLayers(TrainableModel model, Path directory) throws IOException {
    Files.createDirectories(directory);
    for (Map.Entry<String, NpyArray> e : of(model).entrySet()) {
      Npy.write(e.getValue(), directory.resolve(e.getKey() + ".npy"));
    }
  }

  /** Reads the state dict in {@code npz} into {@code model}, whose layers it must fit. */
  public static void load(Path npz, TrainableModel model) throws IOException {
    model.setParameters(parameters(model.spec(), Npz.read(npz), npz.toString()));
  }

  /**
   * Returns the flat parameters of {@code spec} read from {@code arrays}: the i-th
   * {@code .weight} (by numeric order of its prefix) and its {@code .bias} go to the i-th dense
   * layer.
   *
   * @throws NumpyFormatException naming the array that is missing, extra or of the wrong shape
   */
  public static double[] parameters(NetworkSpec spec, Map<String, NpyArray> arrays,
      String source) throws NumpyFormatException {
    List<String> prefixes = weightPrefixes(arrays);
    List<Integer> dense = new ArrayList<>();
    for (int l = 0; l < spec.layerCount(); l++) {
      if (spec.layer(l).kind() == LayerSpec.Kind.DENSE) {
        dense.add(l);
      }
    }
    if (prefixes.size() != dense.size()) {
      throw new NumpyFormatException(source + " holds " + prefixes.size() + " weights "
          + prefixes + " but " + spec.name() + " has " + dense.size() + " dense layers");
    }
    double[] flat = new double[spec.parameterCount()];
    int used = 0;
    for (int d = 0; d < dense.size(); d++) {
      used += copyLayer(spec, dense.get(d), prefixes.get(d), arrays, source, flat);
    }
    if (used != arrays.size()) {
      throw new NumpyFormatException(source + " holds arrays that are not weights or biases of "
          + spec.name() + "'s layers: " + unused(arrays, prefixes));
    }
    return flat;
  }

  private static int copyLayer(NetworkSpec spec, int l, String prefix,
      Map<String, NpyArray> arrays, String source, double[] flat) throws NumpyFormatException {
    LayerSpec layer = spec.layer(l);
    int units = layer.units();
    int inputs = spec.inputSizeOf(l);
    NpyArray weight = arrays.get(prefix + WEIGHT);
    expectShape(weight, prefix + WEIGHT, source, l, units, inputs);
    System.arraycopy(weight.values(), 0, flat, spec.weightOffset(l), units * inputs);
    NpyArray bias = arrays.get(prefix + BIAS);
    if (layer.hasBias() != (bias != null)) {
      throw new NumpyFormatException(source + ": layer " + (l + 1) + " of " + spec.name()
          + (layer.hasBias() ? " has a bias but '" + prefix + BIAS + "' is missing"
          : " has no bias but '" + prefix + BIAS + "' is there"));
    }
    if (bias != null) {
      expectShape(bias, prefix + BIAS, source, l, units);
      System.arraycopy(bias.values(), 0, flat, spec.biasOffset(l), units);
    }
    return bias == null ? 1 : 2;
  }

  private static void expectShape(NpyArray array, String name, String source, int layer,
      int... shape) throws NumpyFormatException {
    if (!Arrays.equals(array.shape(), shape)) {
      throw new NumpyFormatException(source + ": '" + name + "' has shape "
          + Arrays.toString(array.shape()) + " but layer " + (layer + 1) + " needs "
          + Arrays.toString(shape) + (shape.length == 2 ? " ([units][inputs], as PyTorch)" : ""));
    }
  }

  private static List<String> weightPrefixes(Map<String, NpyArray> arrays) {
    TreeSet<String> prefixes = new TreeSet<>(StateDict::compareNames);
    for (String name : arrays.keySet()) {
      if (name.endsWith(WEIGHT)) {
        prefixes.add(name.substring(0, name.length() - WEIGHT.length()));
      }
    }
    return new ArrayList<>(prefixes);
  }

  /**
   * Orders dotted names segment by segment, numbers by value: {@code 2 < 10}, {@code a.2 < a.10}.
   */
  static int compareNames(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = isNumber(x[i]) && isNumber(y[i])
          ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> unused(Map<String, NpyArray> arrays, List<String> prefixes) {
    List<String> unused = new ArrayList<>();
    for (String name : arrays.keySet()) {
      String prefix = name.substring(0, Math.max(0, name.lastIndexOf('.')));
      if (!(name.endsWith(WEIGHT) || name.endsWith(BIAS)) || !prefixes.contains(prefix)) {
        unused.add(name);
      }
    }
    return unused;
  }
}
