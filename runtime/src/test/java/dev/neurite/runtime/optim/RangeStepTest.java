package dev.neurite.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** A step split into ranges, as training threads take it, equals the whole step bit for bit. */
class RangeStepTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.neurite.runtime.optim.OptimizerTest#optimizers")
  void rangesInAnyOrderGiveTheWholeStep(String name, Supplier<Optimizer> factory) {
    Optimizer whole = factory.get();
    Optimizer split = factory.get();
    assertTrue(split.stepsInRanges(), name);
    SplittableRandom random = new SplittableRandom(11);
    double[] p = new double[101];
    for (int i = 0; i < p.length; i++) {
      p[i] = random.nextDouble(-1, 1);
    }
    double[] q = p.clone();
    for (int step = 0; step < 5; step++) {
      double[] g = new double[p.length];
      for (int i = 0; i < g.length; i++) {
        g[i] = random.nextDouble(-2, 2);
      }
      whole.step(p, g);
      split.beginStep(q, g);
      split.stepRange(q, g, 60, 101);
      split.stepRange(q, g, 0, 33);
      split.stepRange(q, g, 33, 60);
    }
    assertArrayEquals(p, q, name);
    assertArrayEquals(whole.state(), split.state(), name);
  }

  @Test
  void aRangeOutsideTheParametersIsRefused() {
    Optimizer adam = new Adam();
    double[] p = new double[4];
    adam.beginStep(p, new double[4]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> adam.stepRange(p, new double[4], 2, 5));
    assertEquals("the range [2, 5) must lie within the 4 parameters", e.getMessage());
  }

  @Test
  void anOptimizerOfItsOwnDoesNotSplitByDefault() {
    Optimizer own = new Optimizer() {
      @Override public void step(double[] parameters, double[] gradient) {}
      @Override public double learningRate() { return 1; }
      @Override public void setLearningRate(double learningRate) {}
      @Override public double[][] state() { return new double[0][]; }
      @Override public void restoreState(double[][] state) {}
      @Override public void reset() {}
    };
    assertFalse(own.stepsInRanges());
    assertThrows(UnsupportedOperationException.class,
        () -> own.beginStep(new double[1], new double[1]));
  }
}
