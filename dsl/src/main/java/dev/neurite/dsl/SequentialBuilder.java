package dev.neurite.dsl;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.InvalidSpecException;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the parts of a network, layer after layer, and checks them all at {@link #build()}
 * against the same rules, with the same messages, as the annotation processor.
 *
 * <p>Each call maps to one part of the annotated form: {@link #input(int)} to {@link Input},
 * each {@code dense} call to one {@link Dense}, {@link #loss}, {@link #precision} and
 * {@link #seed} to the attributes of {@link Network}. Unlike the annotated form, the loss has no
 * default: a builder must say what it trains against. The annotation processor replays these
 * calls from source by name and number of arguments, so no two public methods share both.
 */
public final class SequentialBuilder {
  private final String name;
  private final List<LayerSpec> layers = new ArrayList<>();
  private int inputSize;
  private boolean inputSet;
  private Loss loss;
  private double huberDelta = Loss.DEFAULT_HUBER_DELTA;
  private Precision precision = Precision.FLOAT;
  private long seed = NetworkSpec.DEFAULT_SEED;

  SequentialBuilder(String name) {
    this.name = name;
  }

  /**
   * Sets the input layer: the number of features of one sample. Call it once.
   *
   * @throws IllegalStateException if the input size was already set
   */
  public SequentialBuilder input(int size) {
    if (inputSet) {
      throw new IllegalStateException(
          "input(int) may be called once, but the input size is already " + inputSize);
    }
    inputSet = true;
    inputSize = size;
    return this;
  }

  /** Adds a fully connected layer of {@code units} neurons, with a bias. */
  public SequentialBuilder dense(int units, Activation activation) {
    return dense(units, activation, Double.NaN);
  }

  /**
   * Adds a fully connected layer with the activation's parameter: the negative slope of
   * {@link Activation#LEAKY_RELU}, the alpha of {@link Activation#ELU}. {@code NaN} means the
   * activation's default, as in {@link Dense#alpha()}.
   */
  public SequentialBuilder dense(int units, Activation activation, double alpha) {
    return addDense(units, activation, alpha, true);
  }

  /** Adds a fully connected layer whose neurons have no bias. */
  public SequentialBuilder denseWithoutBias(int units, Activation activation) {
    return denseWithoutBias(units, activation, Double.NaN);
  }

  /** Adds a fully connected layer without bias, with the activation's parameter. */
  public SequentialBuilder denseWithoutBias(int units, Activation activation, double alpha) {
    return addDense(units, activation, alpha, false);
  }

  /** Adds a dropout layer that zeroes each value with probability {@code rate} in training. */
  public SequentialBuilder dropout(double rate) {
    layers.add(LayerSpec.dropout(rate));
    return this;
  }

  /** Sets the loss the network is trained against; required. */
  public SequentialBuilder loss(Loss loss) {
    this.loss = loss;
    return this;
  }

  /**
   * Sets the delta of {@link Loss#HUBER}, where its squares turn linear; 1 by default. Checked
   * by {@link #build()}: finite and positive, and set only with that loss.
   */
  public SequentialBuilder huberDelta(double delta) {
    this.huberDelta = delta;
    return this;
  }

  /**
   * Sets the floating-point type of the generated class; {@link Precision#FLOAT} by default.
   *
   * @throws IllegalArgumentException if {@code precision} is null
   */
  public SequentialBuilder precision(Precision precision) {
    if (precision == null) {
      throw new IllegalArgumentException("precision must be FLOAT or DOUBLE, but was null");
    }
    this.precision = precision;
    return this;
  }

  /** Sets the seed of weight initialization; {@link NetworkSpec#DEFAULT_SEED} by default. */
  public SequentialBuilder seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Returns how many layers after the input were added so far (dropout included). */
  public int layerCount() {
    return layers.size();
  }

  /**
   * Returns the layers added so far, in order (dropout included): what {@link #build()} would
   * check, also when it refuses them.
   */
  public List<LayerSpec> layers() {
    return Collections.unmodifiableList(new ArrayList<>(layers));
  }

  /**
   * Returns the network declared so far; the builder stays usable.
   *
   * @throws InvalidSpecException listing every broken rule, with the processor's messages
   */
  public NetworkSpec build() {
    return NetworkSpec.of(name, inputSize, layers, loss, huberDelta, precision, seed);
  }

  private SequentialBuilder addDense(
      int units, Activation activation, double alpha, boolean bias) {
    double parameter = !Double.isNaN(alpha) ? alpha
        : activation == null ? 0 : activation.defaultParameter();
    layers.add(LayerSpec.dense(units, activation, parameter, bias));
    return this;
  }
}
