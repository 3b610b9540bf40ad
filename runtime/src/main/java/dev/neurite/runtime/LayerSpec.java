package dev.neurite.runtime;

/**
 * One layer of a {@link NetworkSpec}: an immutable value, checked when the network is built.
 *
 * <p>A dense layer is fully connected: each of its {@link #units()} neurons weights every output
 * of the previous layer, adds its bias and applies the activation. A dropout layer zeroes each
 * value with probability {@link #rate()} while training and passes values through at inference.
 */
public final class LayerSpec {
  /** What a layer does. */
  public enum Kind {
    /** A fully connected layer of neurons. */
    DENSE,
    /** Random zeroing of values while training; the identity at inference. */
    DROPOUT
  }

  private final Kind kind;
  private final int units;
  private final Activation activation;
  private final double activationParameter;
  private final boolean bias;
  private final double rate;

  private LayerSpec(
      Kind kind, int units, Activation activation, double parameter, boolean bias, double rate) {
    this.kind = kind;
    this.units = units;
    this.activation = activation;
    this.activationParameter = parameter;
    this.bias = bias;
    this.rate = rate;
  }

  /** Returns a dense layer with a bias and the activation's default parameter. */
  public static LayerSpec dense(int units, Activation activation) {
    return dense(units, activation, activation == null ? 0 : activation.defaultParameter(), true);
  }

  /** Returns a dense layer with an explicit activation parameter and bias choice. */
  public static LayerSpec dense(
      int units, Activation activation, double activationParameter, boolean bias) {
    return new LayerSpec(Kind.DENSE, units, activation, activationParameter, bias, 0);
  }

  /** Returns a dropout layer that zeroes each value with probability {@code rate} in training. */
  public static LayerSpec dropout(double rate) {
    return new LayerSpec(Kind.DROPOUT, 0, Activation.IDENTITY, 0, false, rate);
  }

  /** Returns what this layer does. */
  public Kind kind() {
    return kind;
  }

  /** Returns the number of neurons of a dense layer (0 for dropout, which keeps its input size). */
  public int units() {
    return units;
  }

  /** Returns the activation of a dense layer ({@link Activation#IDENTITY} for dropout). */
  public Activation activation() {
    return activation;
  }

  /** Returns the activation's parameter (slope or alpha); 0 when the activation has none. */
  public double activationParameter() {
    return activationParameter;
  }

  /** Returns whether a dense layer adds a bias to each neuron. */
  public boolean hasBias() {
    return bias;
  }

  /** Returns the dropout probability of a dropout layer (0 for dense). */
  public double rate() {
    return rate;
  }

  /** Returns the number of trainable parameters of this layer given its input size. */
  public int parameterCount(int inputSize) {
    return kind == Kind.DENSE ? units * inputSize + (bias ? units : 0) : 0;
  }

  /** Returns this layer's output size given its input size. */
  public int outputSize(int inputSize) {
    return kind == Kind.DENSE ? units : inputSize;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LayerSpec)) {
      return false;
    }
    LayerSpec that = (LayerSpec) o;
    return kind == that.kind
        && units == that.units
        && activation == that.activation
        && Double.compare(activationParameter, that.activationParameter) == 0
        && bias == that.bias
        && Double.compare(rate, that.rate) == 0;
  }

  @Override
  public int hashCode() {
    int h = kind.hashCode();
    h = 31 * h + units;
    h = 31 * h + (activation == null ? 0 : activation.hashCode());
    h = 31 * h + Double.hashCode(activationParameter);
    h = 31 * h + (bias ? 1 : 0);
    return 31 * h + Double.hashCode(rate);
  }

  @Override
  public String toString() {
    if (kind == Kind.DROPOUT) {
      return "Dropout(" + rate + ")";
    }
    StringBuilder s = new StringBuilder("Dense(").append(units).append(", ").append(activation);
    if (activation != null && activation.hasParameter()) {
      s.append('(').append(activationParameter).append(')');
    }
    return s.append(bias ? "" : ", no bias").append(')').toString();
  }
}
