package dev.neurite.processor.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The planner's choices of shape and its partition of unrolled code into methods. */
class PlannerTest {
  private static NetworkSpec network(int... sizes) {
    List<LayerSpec> layers = new ArrayList<>();
    for (int l = 1; l < sizes.length; l++) {
      layers.add(LayerSpec.dense(sizes[l], Activation.TANH));
    }
    return NetworkSpec.of("Net", sizes[0], layers, Loss.MEAN_SQUARED_ERROR, Precision.FLOAT, 1);
  }

  private static List<LayerPlan> plan(int unrollLimit, int... sizes) {
    return new Planner(unrollLimit).plan("p", "p.Net", network(sizes)).layers();
  }

  @Test
  void theDefaultLimitUnrollsUpTo16MultiplyAddsInclusive() {
    List<LayerPlan> layers = plan(Planner.DEFAULT_UNROLL_LIMIT, 4, 4, 5, 1);
    assertEquals(Shape.UNROLLED, layers.get(0).shape()); // 16
    assertEquals(Shape.LOOP, layers.get(1).shape()); // 20
    assertEquals(Shape.UNROLLED, layers.get(2).shape()); // 5
  }

  @Test
  void aZeroLimitWritesOnlyLoopsInOneMethodPerPass() {
    for (LayerPlan layer : plan(0, 2, 2, 1)) {
      assertEquals(Shape.LOOP, layer.shape());
      assertEquals(List.of(new Part(0, layer.outputs())), layer.forwardParts());
      assertEquals(List.of(new Part(0, layer.inputs())), layer.propagateParts());
    }
  }

  @Test
  void aUnitWhoseStatementAloneWouldOverflowAMethodIsNeverUnrolled() {
    // One gradient unit of 300 inputs costs 300 * 17 + 40 bytes, over the budget.
    assertEquals(Shape.LOOP, plan(Integer.MAX_VALUE, 300, 1).get(0).shape());
    int widest = (Budget.METHOD_BYTES - Budget.METHOD - Budget.UNIT) / Budget.GRADIENT_TERM;
    assertEquals(Shape.UNROLLED, plan(Integer.MAX_VALUE, widest, 1).get(0).shape());
    assertEquals(Shape.LOOP, plan(Integer.MAX_VALUE, widest + 1, 1).get(0).shape());
  }

  @Test
  void unrolledCodeIsCappedPerClassForTheConstantPool() {
    // 128x128 = 16384 fills the class's share; the next layer, however small, is a loop.
    List<LayerPlan> layers = plan(Integer.MAX_VALUE, 128, 128, 2);
    assertEquals(Shape.UNROLLED, layers.get(0).shape());
    assertEquals(Shape.LOOP, layers.get(1).shape());
  }

  @ParameterizedTest(name = "{0} units of {1} bytes")
  @CsvSource({"1, 3960", "2, 1980", "3, 1980", "100, 40", "99, 40", "101, 40", "7, 3961",
      "1000, 1"})
  void partsCoverEveryUnitOnceAndStayWithinTheBudget(int count, long unitCost) {
    List<Part> parts = Planner.partition(count, unitCost);
    int next = 0;
    for (Part part : parts) {
      assertEquals(next, part.from());
      assertTrue(part.size() >= 1);
      assertTrue(part.size() == 1
          || Budget.METHOD + part.size() * unitCost <= Budget.METHOD_BYTES, part.toString());
      next = part.to();
    }
    assertEquals(count, next);
  }

  @Test
  void partitionBoundariesFallWhereTheBudgetIsFull() {
    long perMethod = (Budget.METHOD_BYTES - Budget.METHOD) / 40; // 99 units of 40 bytes
    assertEquals(1, Planner.partition((int) perMethod, 40).size());
    assertEquals(2, Planner.partition((int) perMethod + 1, 40).size());
    assertEquals(List.of(new Part(0, 50), new Part(50, 100)), Planner.partition(100, 40));
    // A unit over the budget still gets a method of its own (the planner never unrolls those).
    assertEquals(3, Planner.partition(3, Budget.METHOD_BYTES).size());
  }

  @Test
  void largeUnrolledLayersSplitEveryPass() {
    LayerPlan layer = plan(4096, 64, 32).get(0);
    assertEquals(Shape.UNROLLED, layer.shape());
    // forward: 64 * 12 + 40 = 808 bytes per unit, 4 units per method, 32 units in 8 methods
    assertEquals(8, layer.forwardParts().size());
    // gradient: 64 * 17 + 40 = 1128 bytes per unit, 3 per method: 11 methods
    assertEquals(11, layer.gradientParts().size());
    // propagate: 32 * 13 + 40 = 456 bytes per input, 8 per method: 8 methods
    assertEquals(8, layer.propagateParts().size());
  }

  @Test
  void dropoutLayersHaveNoWeights() {
    NetworkSpec spec = NetworkSpec.of("Net", 4, List.of(LayerSpec.dense(8, Activation.RELU),
            LayerSpec.dropout(0.5), LayerSpec.dense(1, Activation.SIGMOID)),
        Loss.BINARY_CROSS_ENTROPY, Precision.FLOAT, 1);
    NetworkPlan plan = new Planner(256).plan("p", "p.Net", spec);
    assertEquals(Shape.DROPOUT, plan.layers().get(1).shape());
    assertEquals(0, plan.layers().get(1).multiplyAdds());
    assertTrue(plan.hasDropout());
  }
}
