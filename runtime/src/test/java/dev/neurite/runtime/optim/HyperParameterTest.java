package dev.neurite.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad hyper-parameters are refused in constructors, with messages naming value and range. */
class HyperParameterTest {
  static Stream<Arguments> badConstructions() {
    return Stream.of(
        bad(() -> new Sgd(0), "learning rate must be positive and finite, but was 0.0"),
        bad(() -> new Sgd(Double.NaN), "learning rate must be positive and finite, but was NaN"),
        bad(() -> new Momentum(-1, 0.9),
            "learning rate must be positive and finite, but was -1.0"),
        bad(() -> new Momentum(0.1, 1), "momentum must be in [0, 1), but was 1.0"),
        bad(() -> new Nesterov(0.1, -0.5), "momentum must be in [0, 1), but was -0.5"),
        bad(() -> new AdaGrad(0.1, 0), "epsilon must be positive and finite, but was 0.0"),
        bad(() -> new RmsProp(0.1, 1.5, 1e-8), "rho must be in [0, 1), but was 1.5"),
        bad(() -> new Adam(Double.POSITIVE_INFINITY),
            "learning rate must be positive and finite, but was Infinity"),
        bad(() -> new Adam(0.1, 1, 0.999, 1e-8), "beta1 must be in [0, 1), but was 1.0"),
        bad(() -> new Adam(0.1, 0.9, -0.1, 1e-8), "beta2 must be in [0, 1), but was -0.1"),
        bad(() -> new AdamW(0.1, -0.01),
            "weight decay must be zero or positive and finite, but was -0.01"),
        bad(() -> LearningRateSchedule.step(0, 0.5),
            "step schedule period must be positive, but was 0"),
        bad(() -> LearningRateSchedule.step(10, 2),
            "step schedule factor must be in (0, 1], but was 2.0"),
        bad(() -> LearningRateSchedule.exponential(0),
            "exponential schedule gamma must be in (0, 1], but was 0.0"),
        bad(() -> LearningRateSchedule.cosine(-3, 0),
            "cosine schedule length must be positive, but was -3"));
  }

  private static Arguments bad(Executable construction, String message) {
    return Arguments.of(message, construction);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConstructions")
  void isRefusedWithItsMessage(String message, Executable construction) {
    assertEquals(message,
        assertThrows(IllegalArgumentException.class, construction).getMessage());
  }

  @Test
  void defaultsAreTheUsualOnes() {
    Adam adam = new Adam();
    assertEquals(0.001, adam.learningRate());
    assertEquals(0.001, new AdamW().learningRate());
    assertEquals(0.001, new RmsProp().learningRate());
    assertEquals(0.01, new Sgd().learningRate());
  }

  @Test
  void schedulesGiveTheirDocumentedRates() {
    assertEquals(0.1, LearningRateSchedule.constant().rate(0.1, 50));
    LearningRateSchedule step = LearningRateSchedule.step(10, 0.5);
    assertEquals(1.0, step.rate(1, 10));
    assertEquals(0.5, step.rate(1, 11));
    assertEquals(0.25, step.rate(1, 21));
    assertEquals(0.81, LearningRateSchedule.exponential(0.9).rate(1, 3), 1e-15);
    LearningRateSchedule cosine = LearningRateSchedule.cosine(10, 0.1);
    assertEquals(1.0, cosine.rate(1, 1));
    assertEquals(0.55, cosine.rate(1, 6), 1e-15);
    assertEquals(0.1, cosine.rate(1, 11), 1e-15);
    assertEquals(0.1, cosine.rate(1, 40), 1e-15);
  }
}
