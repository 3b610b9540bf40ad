package dev.neurite.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.neurite.runtime.data.Dataset;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad configuration and bad data are refused with messages naming what came. */
class TrainerArgumentsTest {
  static Stream<Arguments> refusals() {
    return Stream.of(
        refused(() -> Trainer.builder().epochs(0), "epochs must be positive, but was 0"),
        refused(() -> Trainer.builder().batchSize(-2), "batch size must be positive, but was -2"),
        refused(() -> Trainer.builder().validationSplit(1),
            "validation split must be in (0, 1), but was 1.0"),
        refused(() -> Trainer.builder().l2(-1),
            "L2 coefficient must be zero or positive and finite, but was -1.0"),
        refused(() -> Trainer.builder().l1(Double.NaN),
            "L1 coefficient must be zero or positive and finite, but was NaN"),
        refused(() -> Trainer.builder().clipGradientNorm(0),
            "maximum gradient norm must be positive and finite, but was 0.0"),
        refused(() -> Trainer.builder().earlyStopping(0, 0, true),
            "patience must be positive, but was 0"),
        refused(() -> Trainer.builder().targetLoss(Double.NaN),
            "target loss must be a number, but was NaN"),
        refused(() -> Trainer.builder().optimizer(null), "optimizer must not be null"),
        refused(() -> Trainer.builder().build().fit(Fixtures.xorNetwork(1), Fixtures.linear()),
            "the training data must have 2 inputs and 1 targets per sample for Xor, "
                + "but had 3 and 1"),
        refused(() -> Trainer.builder().build().fit(Fixtures.xorNetwork(1),
            Dataset.of(new double[0][], new double[0][])),
            "the training data must not be empty"),
        refused(() -> Trainer.builder().validationSplit(0.1).build()
            .fit(Fixtures.xorNetwork(1), Fixtures.xor()),
            "validation split 0.1 of 4 samples must leave at least one sample for training and "
                + "one for validation, but would hold out 0"),
        refused(() -> Trainer.builder().validationSplit(0.5).build()
            .fit(Fixtures.xorNetwork(1), Fixtures.xor(), Fixtures.xor()),
            "give either a validation split or a validation set, not both (the split is 0.5)"),
        refused(() -> Trainer.builder().build().fit(Fixtures.xorNetwork(1),
            Dataset.of(new double[][] {{0, 0}, {0, Double.NaN}}, new double[][] {{0}, {1}})),
            "the training data must hold finite numbers, but row 1 has NaN in input column 1: "
                + "remove that row or fill in the value before training"),
        refused(() -> Trainer.builder().build().fit(Fixtures.xorNetwork(1), Fixtures.xor(),
            Dataset.of(new double[][] {{0, 0}}, new double[][] {{Double.NEGATIVE_INFINITY}})),
            "the validation data must hold finite numbers, but row 0 has -Infinity in target "
                + "column 0: remove that row or fill in the value before training"));
  }

  private static Arguments refused(Executable call, String message) {
    return Arguments.of(message, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void isRefusedWithItsMessage(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }
}
