package dev.neurite.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every optimizer on a small known problem, and the round trip of its state. */
class OptimizerTest {
  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("Sgd", (Supplier<Optimizer>) () -> new Sgd(0.05)),
        Arguments.of("Momentum", (Supplier<Optimizer>) Momentum::new),
        Arguments.of("Nesterov", (Supplier<Optimizer>) Nesterov::new),
        Arguments.of("AdaGrad", (Supplier<Optimizer>) () -> new AdaGrad(0.5, 1e-8)),
        Arguments.of("RmsProp", (Supplier<Optimizer>) () -> new RmsProp(0.02, 0.9, 1e-8)),
        Arguments.of("Adam", (Supplier<Optimizer>) () -> new Adam(0.05)),
        Arguments.of("AdamW", (Supplier<Optimizer>) () -> new AdamW(0.05, 1e-4)));
  }

  /** y = 2 x0 - 3 x1 + 0.5 plus nothing: a linear neuron can fit it exactly. */
  private static final double[][] INPUTS = linearInputs();

  private static double[][] linearInputs() {
    SplittableRandom random = new SplittableRandom(3);
    double[][] x = new double[64][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
    }
    return x;
  }

  private static double[] target(double[] x) {
    return new double[] {2 * x[0] - 3 * x[1] + 0.5};
  }

  private static ReferenceNetwork linearNeuron() {
    return new ReferenceNetwork(NetworkSpec.of("Linear", 2,
        Arrays.asList(LayerSpec.dense(1, Activation.IDENTITY)), Loss.MEAN_SQUARED_ERROR,
        Precision.DOUBLE, 5));
  }

  /** Runs full-batch steps and returns the mean loss before the last one. */
  private static double train(ReferenceNetwork net, Optimizer optimizer, int steps) {
    double[] p = new double[net.parameterCount()];
    double[] g = new double[p.length];
    net.getParameters(p);
    double loss = 0;
    for (int s = 0; s < steps; s++) {
      Arrays.fill(g, 0);
      loss = 0;
      for (double[] x : INPUTS) {
        loss += net.forwardBackward(x, target(x), g);
      }
      for (int i = 0; i < g.length; i++) {
        g[i] /= INPUTS.length;
      }
      optimizer.step(p, g);
      net.setParameters(p);
    }
    return loss / INPUTS.length;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void reducesTheLossOfLinearRegressionHundredfold(String name, Supplier<Optimizer> make) {
    double initial = train(linearNeuron(), make.get(), 1);
    double trained = train(linearNeuron(), make.get(), 300);
    assertTrue(trained < initial / 100,
        name + " took the loss from " + initial + " only to " + trained);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void restoredStateContinuesBitForBit(String name, Supplier<Optimizer> make) {
    ReferenceNetwork original = linearNeuron();
    Optimizer first = make.get();
    train(original, first, 10);
    ReferenceNetwork copy = linearNeuron();
    double[] p = new double[copy.parameterCount()];
    original.getParameters(p);
    copy.setParameters(p);
    Optimizer second = make.get();
    second.restoreState(first.state());
    train(original, first, 10);
    train(copy, second, 10);
    double[] a = new double[p.length];
    double[] b = new double[p.length];
    original.getParameters(a);
    copy.getParameters(b);
    assertTrue(Arrays.equals(a, b), name + ": " + Arrays.toString(a) + " vs "
        + Arrays.toString(b));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void resetForgetsTheState(String name, Supplier<Optimizer> make) {
    Optimizer used = make.get();
    train(linearNeuron(), used, 5);
    used.reset();
    Optimizer fresh = make.get();
    assertEquals(fresh.state().length, used.state().length, name);
    for (int i = 0; i < fresh.state().length; i++) {
      assertArrayEquals(fresh.state()[i], used.state()[i], name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void refusesStateOfAnotherLayout(String name, Supplier<Optimizer> make) {
    Optimizer optimizer = make.get();
    double[][] wrong = new double[optimizer.state().length + 1][0];
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> optimizer.restoreState(wrong));
    assertTrue(e.getMessage().contains("state must have"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void refusesParametersOfAnotherLength(String name, Supplier<Optimizer> make) {
    Optimizer optimizer = make.get();
    assertThrows(IllegalArgumentException.class,
        () -> optimizer.step(new double[3], new double[2]));
  }
}
