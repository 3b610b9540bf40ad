package dev.neurite.runtime;

import java.util.Locale;

/**
 * The catalogue of rules a {@link NetworkSpec} must follow, each with a stable id and a message
 * that says what must hold, what was found, and what to do.
 *
 * <p>The same messages reach users of the builder (as an exception at {@code build()}) and users
 * of the annotation processor (as compiler errors on the offending annotation value).
 */
public enum SpecRule {
  /** The network needs a name that can be a Java class name. */
  NAME("NeuriteName", "the network name must be a Java identifier, but was \"%s\""),
  /** Words javac refuses as a class name: keywords, literals and restricted identifiers. */
  NAME_RESERVED("NeuriteNameReserved",
      "the network name must not be \"%s\", which %s; choose another name, e.g. \"%sNet\""),
  /**
   * Characters that make a name invisible, ambiguous or unusable as a file name: characters
   * javac ignores in identifiers (zero-width space, soft hyphen, byte order mark, control
   * characters such as NUL), and {@code $}, which the compiler reserves for nested classes.
   */
  NAME_CHARACTER("NeuriteNameCharacter",
      "the network name must not contain %s, but \"%s\" does at index %s; %s"),
  /** The generated class file must fit the 255-byte file names of common file systems. */
  NAME_LENGTH("NeuriteNameLength",
      "the network name must be at most %s bytes in UTF-8, so that its class file %s fits the "
          + "255-byte file names of common file systems, but it has %s; choose a shorter name"),
  /** The input layer needs a positive size. */
  INPUT_SIZE("NeuriteInputSize",
      "the input size must be positive, but was %s; give the number of features, e.g. 4"),
  /** A network needs at least one layer after the input. */
  NO_LAYERS("NeuriteNoLayers",
      "a network must have at least one layer after its input; add a dense output layer"),
  /** Dense layers need at least one neuron. */
  DENSE_UNITS("NeuriteDenseUnits", "dense units must be positive, but was %s"),
  /** Dense layers need an activation. */
  ACTIVATION_MISSING("NeuriteActivation", "a dense layer must have an activation"),
  /** Softmax normalizes the outputs, so it belongs to the output layer only. */
  SOFTMAX_NOT_LAST("NeuriteSoftmaxPlacement",
      "softmax must only be the activation of the last layer, but layer %s is hidden; "
          + "use RELU or TANH for hidden layers"),
  /** Softmax over one unit is the constant 1. */
  SOFTMAX_UNITS("NeuriteSoftmaxUnits",
      "softmax needs at least 2 units, but the layer has %s; for one output use SIGMOID with "
          + "BINARY_CROSS_ENTROPY"),
  /** The activation parameter must be a finite number. */
  ACTIVATION_PARAMETER("NeuriteActivationParameter",
      "the %s parameter must be finite and non-negative, but was %s"),
  /**
   * An activation without a parameter must not be given one: it would be ignored, and would
   * make two identical networks look different.
   */
  ACTIVATION_PARAMETER_UNUSED("NeuriteActivationParameterUnused",
      "%s takes no parameter, but layer %s gives it %s; remove alpha, or use an activation that "
          + "has one (LEAKY_RELU, ELU)"),
  /** Dropout needs a probability in [0, 1). */
  DROPOUT_RATE("NeuriteDropoutRate", "dropout rate must be in [0, 1), but was %s"),
  /** Dropout after the last dense layer would drop outputs. */
  DROPOUT_LAST("NeuriteDropoutLast",
      "dropout must be followed by a dense layer, but it is the last layer; move it before the "
          + "output layer"),
  /**
   * Every parameter lives in one array, so the network must have fewer parameters than the
   * largest Java array holds (about 2^31).
   */
  PARAMETER_COUNT("NeuriteParameterCount",
      "a network must have at most %s parameters (the largest Java array), but layer %s brings "
          + "the count to %s; use fewer units"),
  /**
   * An activation whose derivative is zero everywhere stops every gradient, so a network that is
   * trained must not use it; it is fine in an inference-only network whose weights are set.
   */
  UNTRAINABLE_ACTIVATION("NeuriteUntrainableActivation",
      "%s has a zero derivative, so a trained network must not use it, but layer %s does; use "
          + "SIGMOID or RELU, or declare the network inference-only (trainable = false) and set "
          + "its weights with setParameters"),
  /** A network needs a loss to be trained against targets. */
  LOSS_MISSING("NeuriteLossMissing",
      "the network must have a loss; %s"),
  /** Cross-entropy losses read the output as probabilities, so the output must produce them. */
  HUBER_DELTA("NeuriteHuberDelta",
      "the Huber delta must be finite and positive, and set only with loss HUBER, but was %s "
          + "with loss %s"),

  LOSS_MISMATCH("NeuriteLossMismatch",
      "%s needs a %s output layer, but the output activation is %s; did you mean %s?");

  private final String id;
  private final String template;

  SpecRule(String id, String template) {
    this.id = id;
    this.template = template;
  }

  /** Returns the stable id that starts every message of this rule, without brackets. */
  public String id() {
    return id;
  }

  /** Returns the full message for the given values: {@code [Id] text}. */
  public String format(Object... values) {
    return "[" + id + "] " + String.format(Locale.ROOT, template, values);
  }
}
