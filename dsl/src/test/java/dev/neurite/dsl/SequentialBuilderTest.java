package dev.neurite.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.InvalidSpecException;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.SpecProblem;
import dev.neurite.runtime.SpecRule;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fluent builder: what it builds, and the errors it reports at build(). */
class SequentialBuilderTest {
  @Test
  void buildsTheSameSpecAsTheRuntimeFactory() {
    NetworkSpec built = Networks.sequential("IrisNet")
        .input(4)
        .dense(16, Activation.RELU)
        .dropout(0.25)
        .denseWithoutBias(8, Activation.LEAKY_RELU, 0.2)
        .dense(3, Activation.SOFTMAX)
        .loss(Loss.CATEGORICAL_CROSS_ENTROPY)
        .precision(Precision.DOUBLE)
        .seed(7)
        .build();
    NetworkSpec expected = NetworkSpec.of("IrisNet", 4, Arrays.asList(
        LayerSpec.dense(16, Activation.RELU), LayerSpec.dropout(0.25),
        LayerSpec.dense(8, Activation.LEAKY_RELU, 0.2, false),
        LayerSpec.dense(3, Activation.SOFTMAX)),
        Loss.CATEGORICAL_CROSS_ENTROPY, Precision.DOUBLE, 7);
    assertEquals(expected, built);
  }

  @Test
  void defaultsMatchTheAnnotatedForm() {
    NetworkSpec spec = Networks.sequential("Xor").input(2).dense(4, Activation.ELU)
        .dense(1, Activation.SIGMOID).loss(Loss.BINARY_CROSS_ENTROPY).build();
    assertEquals(Precision.FLOAT, spec.precision());
    assertEquals(NetworkSpec.DEFAULT_SEED, spec.seed());
    assertEquals(LayerSpec.dense(4, Activation.ELU, 1.0, true), spec.layer(0));
  }

  @Test
  void nanAlphaMeansTheActivationsDefaultAsInTheAnnotation() throws NoSuchMethodException {
    assertTrue(Double.isNaN((Double) Dense.class.getMethod("alpha").getDefaultValue()));
    NetworkSpec spec = Networks.sequential("Leaky").input(2)
        .dense(3, Activation.LEAKY_RELU, Double.NaN).dense(1, Activation.IDENTITY)
        .loss(Loss.MEAN_SQUARED_ERROR).build();
    assertEquals(0.01, spec.layer(0).activationParameter());
  }

  @Test
  void buildReportsEveryBrokenRuleWithTheProcessorsMessages() {
    SequentialBuilder builder = Networks.sequential("Bad")
        .input(0)
        .dense(16, Activation.SOFTMAX)
        .dense(0, Activation.RELU);
    InvalidSpecException e = assertThrows(InvalidSpecException.class, builder::build);
    List<SpecProblem> problems = e.problems();
    assertEquals(Arrays.asList(SpecRule.INPUT_SIZE, SpecRule.SOFTMAX_NOT_LAST,
        SpecRule.DENSE_UNITS, SpecRule.LOSS_MISSING), rules(problems));
    assertEquals(SpecRule.SOFTMAX_NOT_LAST.format(0), problems.get(1).message());
    assertEquals(0, problems.get(1).layer());
    assertEquals("[NeuriteLossMissing] the network must have a loss; for a RELU output use"
        + " MEAN_SQUARED_ERROR", problems.get(3).message());
    assertTrue(e.getMessage().contains("[NeuriteDenseUnits] dense units must be positive, but"
        + " was 0"), e.getMessage());
  }

  @Test
  void lossMismatchAndBadNameUseTheRuntimeCatalogue() {
    InvalidSpecException e = assertThrows(InvalidSpecException.class, () ->
        Networks.sequential("not a name").input(3).dense(2, Activation.SIGMOID)
            .loss(Loss.CATEGORICAL_CROSS_ENTROPY).build());
    assertEquals(Arrays.asList(SpecRule.NAME, SpecRule.LOSS_MISMATCH), rules(e.problems()));
    assertEquals("[NeuriteName] the network name must be a Java identifier, but was"
        + " \"not a name\"", e.problems().get(0).message());
  }

  @Test
  void inputTwiceIsRefusedAtTheSecondCall() {
    SequentialBuilder builder = Networks.sequential("Twice").input(3);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder.input(4));
    assertEquals("input(int) may be called once, but the input size is already 3",
        e.getMessage());
  }

  @Test
  void nullPrecisionIsRefusedAtTheCall() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Networks.sequential("N").precision(null));
    assertEquals("precision must be FLOAT or DOUBLE, but was null", e.getMessage());
  }

  @Test
  void builtSpecHasASummary() {
    NetworkSpec spec = Networks.sequential("IrisNet").input(4).dense(16, Activation.RELU)
        .dense(3, Activation.SOFTMAX).loss(Loss.CATEGORICAL_CROSS_ENTROPY).build();
    assertTrue(spec.summary().endsWith(
        "Layers: 2 (1 hidden + 1 output; the input layer is not counted)\n"), spec.summary());
  }

  /** The processor replays calls by name and number of arguments: that must be unambiguous. */
  @Test
  void noTwoPublicMethodsShareANameAndArity() {
    Set<String> seen = new HashSet<>();
    for (Method m : SequentialBuilder.class.getDeclaredMethods()) {
      if (java.lang.reflect.Modifier.isPublic(m.getModifiers())) {
        assertTrue(seen.add(m.getName() + "/" + m.getParameterCount()), m.toString());
      }
    }
  }

  private static List<SpecRule> rules(List<SpecProblem> problems) {
    SpecRule[] rules = new SpecRule[problems.size()];
    for (int i = 0; i < rules.length; i++) {
      rules[i] = problems.get(i).rule();
    }
    return Arrays.asList(rules);
  }
}
