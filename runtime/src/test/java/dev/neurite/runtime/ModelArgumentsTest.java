package dev.neurite.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.TrainableModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The bad-argument contract of {@link Model} and {@link TrainableModel}, on the interpreter and
 * the default batched pass: an {@link IllegalArgumentException} naming the argument, with nothing
 * changed.
 */
class ModelArgumentsTest {
  private final ReferenceNetwork model = new ReferenceNetwork(NetworkSpec.of("Net", 2,
      Arrays.asList(LayerSpec.dense(3, Activation.TANH), LayerSpec.dense(2, Activation.SOFTMAX)),
      Loss.CATEGORICAL_CROSS_ENTROPY, Precision.DOUBLE, 5));
  private final int parameters = model.parameterCount();
  private final Dataset data = Dataset.of(
      new double[][] {{0, 1}, {1, 0}, {0.5, -2}},
      new double[][] {{1, 0}, {0, 1}, {1, 0}});
  private final int[] order = {2, 0, 1};
  private final double[] gradient = new double[parameters];

  @Test
  void nullArraysAreRefusedByName() {
    double[] in = new double[2];
    double[] out = new double[2];
    refused("input", () -> model.predict(null, out));
    refused("output", () -> model.predict(in, null));
    refused("input", () -> model.forward(null, out));
    refused("input", () -> model.forwardBackward(null, out, gradient));
    refused("target", () -> model.forwardBackward(in, null, gradient));
    refused("gradient", () -> model.forwardBackward(in, out, null));
    refused("outputGradient", () -> model.backward(null, gradient));
    refused("gradient", () -> model.backward(out, null));
    refused("source", () -> model.setParameters(null));
    refused("destination", () -> model.getParameters(null));
  }

  @Test
  void shortOrLongArraysAreRefusedByName() {
    double[] in = new double[2];
    double[] out = new double[2];
    refused("input", () -> model.predict(new double[3], out));
    refused("output", () -> model.predict(in, new double[1]));
    refused("target", () -> model.forwardBackward(in, new double[3], gradient));
    // A short gradient once reached the fused output path unchecked.
    refused("gradient", () -> model.forwardBackward(in, out, new double[parameters - 1]));
    refused("outputGradient", () -> model.backward(new double[1], gradient));
    refused("source", () -> model.setParameters(new double[parameters + 1]));
    refused("destination", () -> model.getParameters(new double[0]));
  }

  @Test
  void badBatchArgumentsAreRefusedByName() {
    refused("data", () -> model.forwardBackwardBatch(null, order, 0, 3, gradient));
    refused("order", () -> model.forwardBackwardBatch(data, null, 0, 3, gradient));
    refused("gradient", () -> model.forwardBackwardBatch(data, order, 0, 3, null));
    refused("gradient", () -> model.forwardBackwardBatch(data, order, 0, 3, new double[1]));
    refused("from", () -> model.forwardBackwardBatch(data, order, -1, 2, gradient));
    refused("from", () -> model.forwardBackwardBatch(data, order, 0, 4, gradient));
    refused("from", () -> model.forwardBackwardBatch(data, order, 3, 1, gradient));
    refused("order[1]", () -> model.forwardBackwardBatch(data, new int[] {0, 7}, 0, 2, gradient));
    refused("order[0]", () -> model.forwardBackwardBatch(data, new int[] {-1}, 0, 1, gradient));
    Dataset wide = Dataset.of(new double[][] {{1, 2, 3}}, new double[][] {{1, 0}});
    refused("data", () -> model.forwardBackwardBatch(wide, new int[] {0}, 0, 1, gradient));
  }

  @Test
  void anEmptyRangeReturnsZeroAndLeavesTheGradient() {
    Arrays.fill(gradient, 0.25);
    assertEquals(0, model.forwardBackwardBatch(data, order, 2, 2, gradient));
    assertEquals(0, model.forwardBackwardBatch(data, order, 3, 3, gradient));
    double[] quarters = new double[parameters];
    Arrays.fill(quarters, 0.25);
    assertArrayEquals(quarters, gradient);
  }

  @Test
  void floatArraysFollowTheSameRule() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelArguments.requireLength("input", (float[]) null, 2));
    assertEquals("input must have length 2, but was null", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ModelArguments.requireLength("output", new float[3], 2));
    assertEquals("output must have length 2, but had length 3", e.getMessage());
  }

  /** Asserts the call is refused naming {@code argument}, and changed nothing. */
  private void refused(String argument, Executable call) {
    double[] before = new double[parameters];
    model.getParameters(before);
    Arrays.fill(gradient, 0.5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(argument + " "), e.getMessage());
    double[] after = new double[parameters];
    model.getParameters(after);
    assertArrayEquals(before, after, 0);
    for (double g : gradient) {
      assertEquals(0.5, g, 0);
    }
  }
}
