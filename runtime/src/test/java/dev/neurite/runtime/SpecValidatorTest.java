package dev.neurite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules about size and trainability, at their boundaries. */
class SpecValidatorTest {
  @Test
  void theLargestArrayOfParametersIsAllowedAndOneMoreIsNot() {
    // 1 input, no bias: the parameter count equals the units.
    assertTrue(validate(1, LayerSpec.dense(SpecValidator.MAX_PARAMETERS, Activation.IDENTITY,
        0, false)).isEmpty());
    List<SpecProblem> problems = validate(2, LayerSpec.dense(SpecValidator.MAX_PARAMETERS / 2 + 1,
        Activation.IDENTITY, 0, false));
    assertEquals(1, problems.size());
    assertEquals(SpecRule.PARAMETER_COUNT, problems.get(0).rule());
    assertEquals(0, problems.get(0).layer());
    assertEquals("units", problems.get(0).attribute());
  }

  @Test
  void anOverflowingLayerIsReportedOnceAtTheLayerThatCrossesTheLimit() {
    List<SpecProblem> problems = validate(2, LayerSpec.dense(4, Activation.TANH),
        LayerSpec.dense(2_000_000_000, Activation.TANH), LayerSpec.dense(3, Activation.SOFTMAX));
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(1, problems.get(0).layer());
    assertEquals(SpecRule.PARAMETER_COUNT.format(SpecValidator.MAX_PARAMETERS, 1,
        4L * 2 + 4 + 2_000_000_000L * 4 + 2_000_000_000L), problems.get(0).message());
  }

  @Test
  void binaryStepIsValidButNotTrainable() {
    List<LayerSpec> layers = Arrays.asList(LayerSpec.dense(3, Activation.BINARY_STEP),
        LayerSpec.dense(1, Activation.SIGMOID));
    assertTrue(SpecValidator.validate("Net", 2, layers, Loss.BINARY_CROSS_ENTROPY).isEmpty());
    List<SpecProblem> problems = SpecValidator.trainingProblems(layers);
    assertEquals(1, problems.size());
    assertEquals(SpecRule.UNTRAINABLE_ACTIVATION, problems.get(0).rule());
    assertEquals(0, problems.get(0).layer());
    assertEquals("activation", problems.get(0).attribute());
  }

  @Test
  void everyOtherActivationTrains() {
    for (Activation activation : Activation.values()) {
      boolean reported = !SpecValidator.trainingProblems(
          Arrays.asList(LayerSpec.dense(2, activation))).isEmpty();
      assertEquals(activation == Activation.BINARY_STEP, reported, activation.name());
    }
  }

  @Test
  void aParameterOnAnActivationWithoutOneIsAnError() {
    List<SpecProblem> problems = validate(2, LayerSpec.dense(3, Activation.RELU,
        Double.POSITIVE_INFINITY, true), LayerSpec.dense(1, Activation.TANH, 0.5, true));
    assertEquals(2, problems.size(), problems.toString());
    assertEquals(SpecRule.ACTIVATION_PARAMETER_UNUSED, problems.get(0).rule());
    assertEquals("activationParameter", problems.get(0).attribute());
    assertEquals("[NeuriteActivationParameterUnused] TANH takes no parameter, but layer 1 gives "
        + "it 0.5; remove alpha, or use an activation that has one (LEAKY_RELU, ELU)",
        problems.get(1).message());
    assertTrue(validate(2, LayerSpec.dense(1, Activation.TANH, 0, true)).isEmpty());
  }

  private static List<SpecProblem> validate(int inputs, LayerSpec... layers) {
    return SpecValidator.validate("Net", inputs, Arrays.asList(layers), Loss.MEAN_SQUARED_ERROR);
  }
}
