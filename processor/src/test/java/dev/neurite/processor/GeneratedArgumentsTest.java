package dev.neurite.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.Model;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.train.TrainableModel;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated classes keep the {@link Model} contract for bad arguments, as the interpreter does:
 * an IllegalArgumentException naming the argument for a null or wrong-length array and for a bad
 * range of {@code forwardBackwardBatch}, nothing changed by a refused call, and 0 for an empty
 * range. Unrolled layers (limit 16) and loop layers trained in groups (limit 0) both.
 */
class GeneratedArgumentsTest {
  @ParameterizedTest(name = "unroll limit {0}")
  @ValueSource(ints = {16, 0})
  void badArgumentsAreRefusedByName(int unrollLimit) {
    Object generated = Compiled.instance("test.Xor", ProcessorTest.XOR, "test.XorNet",
        Object.class, "-Aneurite.unrollLimit=" + unrollLimit);
    TrainableModel model = (TrainableModel) generated;
    FloatModel floats = (FloatModel) generated;
    double[] before = parameters(model);
    double[] two = new double[2];
    double[] one = new double[1];
    double[] gradient = new double[model.parameterCount()];
    refused("input", m -> m.predict(null, one), model);
    refused("input", m -> m.predict(new double[3], one), model);
    refused("output", m -> m.predict(two, null), model);
    refused("input", m -> floats.predict((float[]) null, new float[1]), model);
    refused("output", m -> floats.predict(new float[2], new float[2]), model);
    refused("source", m -> m.setParameters(null), model);
    refused("destination", m -> m.getParameters(new double[1]), model);
    refused("input", m -> m.forwardBackward(null, one, gradient), model);
    refused("target", m -> m.forwardBackward(two, null, gradient), model);
    refused("gradient", m -> m.forwardBackward(two, one, new double[2]), model);
    refused("outputGradient", m -> m.backward(null, gradient), model);
    Dataset data = Dataset.of(new double[][] {{0, 1}, {1, 0}}, new double[][] {{1}, {1}});
    int[] order = {0, 1};
    refused("data", m -> m.forwardBackwardBatch(null, order, 0, 2, gradient), model);
    refused("order", m -> m.forwardBackwardBatch(data, null, 0, 2, gradient), model);
    refused("from and to", m -> m.forwardBackwardBatch(data, order, 1, 0, gradient), model);
    refused("from and to", m -> m.forwardBackwardBatch(data, order, -1, 2, gradient), model);
    refused("from and to", m -> m.forwardBackwardBatch(data, order, 0, 3, gradient), model);
    refused("order[1]", m -> m.forwardBackwardBatch(data, new int[] {0, 7}, 0, 2, gradient),
        model);
    refused("gradient", m -> m.forwardBackwardBatch(data, order, 0, 2, null), model);
    assertEquals(0.0, model.forwardBackwardBatch(data, order, 1, 1, gradient));
    assertArrayEquals(new double[gradient.length], gradient, "an empty range adds nothing");
    assertArrayEquals(before, parameters(model), "a refused call changes nothing");
  }

  private static void refused(
      String argument, Consumer<TrainableModel> call, TrainableModel model) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> call.accept(model));
    assertTrue(e.getMessage().startsWith(argument + " "), e.getMessage());
  }

  private static double[] parameters(TrainableModel model) {
    double[] p = new double[model.parameterCount()];
    model.getParameters(p);
    return p;
  }
}
