package dev.neurite.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the parts of a network against every {@link SpecRule} and returns all problems at once,
 * so that a user sees every mistake in one compile or one {@code build()}.
 */
public final class SpecValidator {
  /** The most parameters a network may have: the largest array length every JVM allows. */
  public static final int MAX_PARAMETERS = Integer.MAX_VALUE - 8;

  private SpecValidator() {}

  /** Returns every problem of the given parts, with the default Huber delta. */
  public static List<SpecProblem> validate(
      String name, int inputSize, List<LayerSpec> layers, Loss loss) {
    return validate(name, inputSize, layers, loss, Loss.DEFAULT_HUBER_DELTA);
  }

  /** Returns every problem of the given parts; an empty list means they form a valid network. */
  public static List<SpecProblem> validate(
      String name, int inputSize, List<LayerSpec> layers, Loss loss, double huberDelta) {
    List<SpecProblem> problems = new ArrayList<>();
    NetworkNames.check(name, problems);
    if (inputSize <= 0) {
      add(problems, SpecRule.INPUT_SIZE, SpecProblem.NETWORK, "input", inputSize);
    }
    if (layers.isEmpty()) {
      add(problems, SpecRule.NO_LAYERS, SpecProblem.NETWORK, "layers");
    }
    for (int i = 0; i < layers.size(); i++) {
      checkLayer(problems, layers.get(i), i, i == layers.size() - 1);
    }
    checkParameterCount(problems, inputSize, layers);
    checkLoss(problems, layers, loss);
    checkHuberDelta(problems, loss, huberDelta);
    return problems;
  }

  /**
   * Returns the problems of training a network of these layers: a network that is trained must
   * not use an activation through which no gradient flows ({@link Activation#isTrainable()}).
   * Not part of {@link #validate}, since an inference-only network may use one; front ends call
   * it for networks that are declared trainable.
   */
  public static List<SpecProblem> trainingProblems(List<LayerSpec> layers) {
    List<SpecProblem> problems = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Activation activation = layers.get(i).activation();
      if (activation != null && !activation.isTrainable()) {
        add(problems, SpecRule.UNTRAINABLE_ACTIVATION, i, "activation", activation, i);
      }
    }
    return problems;
  }

  /** Counts in long, so that absurd sizes are reported instead of overflowing the layout. */
  private static void checkParameterCount(
      List<SpecProblem> problems, int inputSize, List<LayerSpec> layers) {
    long count = 0;
    long inputs = Math.max(inputSize, 0);
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec layer = layers.get(i);
      if (layer.kind() == LayerSpec.Kind.DENSE && layer.units() > 0) {
        count += (long) layer.units() * inputs + (layer.hasBias() ? layer.units() : 0);
        inputs = layer.units();
      }
      if (count > MAX_PARAMETERS) {
        add(problems, SpecRule.PARAMETER_COUNT, i, "units", MAX_PARAMETERS, i, count);
        return;
      }
    }
  }

  private static void checkLayer(List<SpecProblem> problems, LayerSpec layer, int i, boolean last) {
    if (layer.kind() == LayerSpec.Kind.DROPOUT) {
      if (!(layer.rate() >= 0 && layer.rate() < 1)) {
        add(problems, SpecRule.DROPOUT_RATE, i, "rate", layer.rate());
      }
      if (last) {
        add(problems, SpecRule.DROPOUT_LAST, i, "rate");
      }
      return;
    }
    if (layer.units() <= 0) {
      add(problems, SpecRule.DENSE_UNITS, i, "units", layer.units());
    }
    Activation activation = layer.activation();
    if (activation == null) {
      add(problems, SpecRule.ACTIVATION_MISSING, i, "activation");
      return;
    }
    double parameter = layer.activationParameter();
    if (activation.hasParameter() && !(parameter >= 0 && parameter < Double.POSITIVE_INFINITY)) {
      add(problems, SpecRule.ACTIVATION_PARAMETER, i, "activationParameter", activation, parameter);
    }
    if (!activation.hasParameter() && Double.compare(parameter, 0.0) != 0) {
      add(problems, SpecRule.ACTIVATION_PARAMETER_UNUSED, i, "activationParameter", activation, i,
          parameter);
    }
    if (activation == Activation.SOFTMAX && !last) {
      add(problems, SpecRule.SOFTMAX_NOT_LAST, i, "activation", i);
    }
    if (activation == Activation.SOFTMAX && last && layer.units() == 1) {
      add(problems, SpecRule.SOFTMAX_UNITS, i, "units", layer.units());
    }
  }

  /** A delta only for HUBER (the default elsewhere), and one that is finite and positive. */
  private static void checkHuberDelta(List<SpecProblem> problems, Loss loss, double delta) {
    boolean huber = loss == Loss.HUBER;
    if (huber ? !(delta > 0 && delta < Double.POSITIVE_INFINITY)
        : delta != Loss.DEFAULT_HUBER_DELTA) {
      add(problems, SpecRule.HUBER_DELTA, SpecProblem.NETWORK, "huberDelta", delta, loss);
    }
  }

  private static void checkLoss(List<SpecProblem> problems, List<LayerSpec> layers, Loss loss) {
    Activation output = outputActivation(layers);
    if (loss == null) {
      String hint = output == null ? "e.g. MEAN_SQUARED_ERROR" : "for a " + output
          + " output use " + suggestLoss(output);
      add(problems, SpecRule.LOSS_MISSING, SpecProblem.NETWORK, "loss", hint);
      return;
    }
    Activation needed = loss.fusedActivation();
    if (needed != null && output != null && output != needed) {
      add(problems, SpecRule.LOSS_MISMATCH, SpecProblem.NETWORK, "loss",
          loss, needed, output, suggestLoss(output));
    }
  }

  /** Returns the loss that fits an output activation best. */
  static Loss suggestLoss(Activation output) {
    switch (output) {
      case SOFTMAX:
        return Loss.CATEGORICAL_CROSS_ENTROPY;
      case SIGMOID:
        return Loss.BINARY_CROSS_ENTROPY;
      default:
        return Loss.MEAN_SQUARED_ERROR;
    }
  }

  private static Activation outputActivation(List<LayerSpec> layers) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (layers.get(i).kind() == LayerSpec.Kind.DENSE) {
        return layers.get(i).activation();
      }
    }
    return null;
  }

  private static void add(
      List<SpecProblem> problems, SpecRule rule, int layer, String attribute, Object... values) {
    problems.add(new SpecProblem(rule, layer, attribute, rule.format(values)));
  }
}
