package dev.neurite.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one description of a network, shared by the builder, the annotation processor, the
 * reference interpreter, the trainer and the model file.
 *
 * <p>An immutable value that always satisfies every {@link SpecRule}. Its parameters are laid
 * out in one flat array, layer by layer: the weights of a dense layer row by row (row {@code o}
 * holds the weights of neuron {@code o} for each input, at {@code weightOffset(l) + o * inputs +
 * i}), then its biases. The input layer is not counted: input, hidden, output is a two-layer
 * network.
 */
public final class NetworkSpec {
  /** The seed used when a declaration does not give one. */
  public static final long DEFAULT_SEED = 42;

  private final String name;
  private final int inputSize;
  private final List<LayerSpec> layers;
  private final Loss loss;
  private final double huberDelta;
  private final Precision precision;
  private final long seed;
  private final int[] layerInputs;
  private final int[] offsets;

  private NetworkSpec(String name, int inputSize, List<LayerSpec> layers, Loss loss,
      double huberDelta, Precision precision, long seed) {
    this.name = name;
    this.inputSize = inputSize;
    this.layers = Collections.unmodifiableList(new ArrayList<>(layers));
    this.loss = loss;
    this.huberDelta = huberDelta;
    this.precision = precision;
    this.seed = seed;
    this.layerInputs = new int[layers.size() + 1];
    this.offsets = new int[layers.size() + 1];
    layerInputs[0] = inputSize;
    for (int l = 0; l < layers.size(); l++) {
      layerInputs[l + 1] = layers.get(l).outputSize(layerInputs[l]);
      offsets[l + 1] = offsets[l] + layers.get(l).parameterCount(layerInputs[l]);
    }
  }

  /**
   * Returns the network made of these parts.
   *
   * @throws InvalidSpecException listing every broken rule, if any
   */
  public static NetworkSpec of(
      String name, int inputSize, List<LayerSpec> layers, Loss loss, Precision precision,
      long seed) {
    return of(name, inputSize, layers, loss, Loss.DEFAULT_HUBER_DELTA, precision, seed);
  }

  /**
   * Returns the network made of these parts, trained against {@link Loss#HUBER} with
   * {@code huberDelta} (any other loss needs the default, {@link Loss#DEFAULT_HUBER_DELTA}).
   *
   * @throws InvalidSpecException listing every broken rule, if any
   */
  public static NetworkSpec of(String name, int inputSize, List<LayerSpec> layers, Loss loss,
      double huberDelta, Precision precision, long seed) {
    List<SpecProblem> problems =
        SpecValidator.validate(name, inputSize, layers, loss, huberDelta);
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
    if (precision == null) {
      throw new IllegalArgumentException("precision must not be null");
    }
    return new NetworkSpec(name, inputSize, layers, loss, huberDelta, precision, seed);
  }

  /** Returns the network's name, which is also the simple name of its generated class. */
  public String name() {
    return name;
  }

  /** Returns the number of inputs (features) of one sample. */
  public int inputSize() {
    return inputSize;
  }

  /** Returns the number of outputs of one sample. */
  public int outputSize() {
    return layerInputs[layers.size()];
  }

  /** Returns the layers after the input, in order. */
  public List<LayerSpec> layers() {
    return layers;
  }

  /** Returns the layer at {@code index} (0 = first after the input). */
  public LayerSpec layer(int index) {
    return layers.get(index);
  }

  /** Returns the number of layers, the input layer not counted. */
  public int layerCount() {
    return layers.size();
  }

  /** Returns the loss the network is trained against. */
  public Loss loss() {
    return loss;
  }

  /** Returns {@link Loss#HUBER}'s delta; {@link Loss#DEFAULT_HUBER_DELTA} for other losses. */
  public double huberDelta() {
    return huberDelta;
  }

  /** Returns the loss of output {@code y} against target {@code t}, with this network's delta. */
  public double lossValue(double[] y, double[] t) {
    return loss.value(y, t, y.length, huberDelta);
  }

  /** Returns the precision of the generated class. */
  public Precision precision() {
    return precision;
  }

  /** Returns the seed of weight initialization and of everything random in training. */
  public long seed() {
    return seed;
  }

  /** Returns the number of values entering layer {@code index}. */
  public int inputSizeOf(int index) {
    return layerInputs[index];
  }

  /** Returns the number of values leaving layer {@code index}. */
  public int outputSizeOf(int index) {
    return layerInputs[index + 1];
  }

  /** Returns the total number of trainable parameters. */
  public int parameterCount() {
    return offsets[layers.size()];
  }

  /** Returns where layer {@code index}'s weights start in the flat parameter array. */
  public int weightOffset(int index) {
    return offsets[index];
  }

  /** Returns where layer {@code index}'s biases start (after its weights). */
  public int biasOffset(int index) {
    return offsets[index] + layers.get(index).units() * layerInputs[index];
  }

  /**
   * Returns a table of the layers in the Keras style (layer, type, output size, parameters),
   * the total of parameters, and the layer count the classic way: the input layer is shown but
   * not counted, so input, hidden, output is a 2-layer network.
   */
  public String summary() {
    return SpecSummary.of(this);
  }

  /** Returns a copy of this network with another precision. */
  public NetworkSpec withPrecision(Precision newPrecision) {
    return of(name, inputSize, layers, loss, huberDelta, newPrecision, seed);
  }

  /** Returns a copy of this network with another seed. */
  public NetworkSpec withSeed(long newSeed) {
    return of(name, inputSize, layers, loss, huberDelta, precision, newSeed);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof NetworkSpec)) {
      return false;
    }
    NetworkSpec that = (NetworkSpec) o;
    return name.equals(that.name)
        && inputSize == that.inputSize
        && layers.equals(that.layers)
        && loss == that.loss
        && Double.compare(huberDelta, that.huberDelta) == 0
        && precision == that.precision
        && seed == that.seed;
  }

  @Override
  public int hashCode() {
    int h = name.hashCode();
    h = 31 * h + inputSize;
    h = 31 * h + layers.hashCode();
    h = 31 * h + loss.hashCode();
    h = 31 * h + Double.hashCode(huberDelta);
    h = 31 * h + precision.hashCode();
    return 31 * h + Long.hashCode(seed);
  }

  @Override
  public String toString() {
    String delta = huberDelta == Loss.DEFAULT_HUBER_DELTA ? "" : " delta " + huberDelta;
    return name + "(input " + inputSize + ", " + layers + ", " + loss + delta + ", " + precision
        + ", seed " + seed + ")";
  }
}
