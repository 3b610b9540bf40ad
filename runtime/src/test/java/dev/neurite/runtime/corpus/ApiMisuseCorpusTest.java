package dev.neurite.runtime.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.data.Standardizer;
import dev.neurite.runtime.optim.AdaGrad;
import dev.neurite.runtime.optim.Adam;
import dev.neurite.runtime.optim.AdamW;
import dev.neurite.runtime.optim.Momentum;
import dev.neurite.runtime.optim.Nesterov;
import dev.neurite.runtime.optim.RmsProp;
import dev.neurite.runtime.optim.Sgd;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.runtime.train.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A seeded corpus of API misuse: calls to a model with null or wrong-length arrays and bad
 * batch ranges, bad hyper-parameters, training data holding NaN or infinities, columns a
 * standardizer cannot represent. Each must be refused with an {@link IllegalArgumentException}
 * that names what is wrong, leaving the model and the caller's arrays as they were. The counts
 * are quoted in the README.
 */
class ApiMisuseCorpusTest {
  static final int MODEL_CALLS = 1500;
  static final int EMPTY_RANGES = 100;
  static final int HYPER_PARAMETERS = 400;
  static final int DATA_WITH_NAN = 200;
  static final int UNREPRESENTABLE_COLUMNS = 100;
  private static final double[] NOT_POSITIVE = {0, -1e-300, -1, Double.NEGATIVE_INFINITY};
  private static final double[] NOT_FINITE = {
      Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

  private final SplittableRandom random = new SplittableRandom(ModelFileCorpusTest.SEED + 20);

  @Test
  void modelCallsWithBadArgumentsAreRefusedByName() {
    for (int i = 0; i < MODEL_CALLS; i++) {
      new MisusedCall(random).assertRefused("case " + i);
    }
  }

  @Test
  void anEmptyBatchRangeReturnsZeroAndChangesNothing() {
    for (int i = 0; i < EMPTY_RANGES; i++) {
      NetworkSpec spec = RandomNetworks.spec(random);
      TrainableModel model = RandomNetworks.model(spec, random);
      Dataset data = MisusedCall.dataset(spec, 1 + random.nextInt(5), random);
      int[] order = new int[data.size()];
      int from = random.nextInt(order.length + 1);
      double[] gradient = MisusedCall.values(model.parameterCount(), random);
      double[] before = gradient.clone();
      assertEquals(0.0, model.forwardBackwardBatch(data, order, from, from, gradient));
      assertArrayEquals(before, gradient, 0);
    }
  }

  @Test
  void badHyperParametersAreRefusedNamingTheValue() {
    List<Misuse> misuses = hyperParameterMisuses();
    for (int i = 0; i < HYPER_PARAMETERS; i++) {
      Misuse misuse = misuses.get(random.nextInt(misuses.size()));
      double value = misuse.badValues[random.nextInt(misuse.badValues.length)];
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> misuse.call.accept(value), misuse.name + " = " + value);
      assertTrue(e.getMessage().startsWith(misuse.name + " must ")
          && e.getMessage().contains("but was " + format(value, misuse.integral)), e.getMessage());
    }
  }

  @Test
  void trainingDataWithNanOrInfinityIsRefusedNamingRowAndColumn() {
    for (int i = 0; i < DATA_WITH_NAN; i++) {
      NetworkSpec spec = RandomNetworks.spec(random);
      TrainableModel model = RandomNetworks.model(spec, random);
      Dataset data = MisusedCall.dataset(spec, 1 + random.nextInt(40), random);
      int row = random.nextInt(data.size());
      boolean input = random.nextBoolean();
      double[] values = input ? data.input(row) : data.target(row);
      int column = random.nextInt(values.length);
      values[column] = NOT_FINITE[random.nextInt(NOT_FINITE.length)];
      long[] before = RandomNetworks.bits(model);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Trainer.builder().epochs(1).build().fit(model, data));
      assertEquals("the training data must hold finite numbers, but row " + row + " has "
          + values[column] + " in " + (input ? "input" : "target") + " column " + column
          + ": remove that row or fill in the value before training", e.getMessage());
      assertArrayEquals(before, RandomNetworks.bits(model));
    }
  }

  /** Columns whose mean or deviation overflows (values of 1e155 and up) name the column. */
  @Test
  void aColumnTheStandardizerCannotRepresentIsRefusedByNumber() {
    for (int i = 0; i < UNREPRESENTABLE_COLUMNS; i++) {
      int columns = 1 + random.nextInt(6);
      int column = random.nextInt(columns);
      double scale = Math.pow(10, 155 + random.nextInt(153));
      double[][] inputs = new double[2 + random.nextInt(30)][columns];
      for (double[] row : inputs) {
        for (int c = 0; c < columns; c++) {
          row[c] = random.nextDouble(-1, 1) * (c == column ? scale : 10);
        }
      }
      Dataset data = Dataset.of(inputs, new double[inputs.length][1]);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(data));
      assertTrue(e.getMessage().startsWith("column " + column + " cannot be standardized: its "),
          e.getMessage());
    }
  }

  /** A setter or constructor taking one bad value, and values it must refuse. */
  private static final class Misuse {
    final String name;
    final boolean integral;
    final double[] badValues;
    final DoubleConsumer call;

    Misuse(String name, boolean integral, double[] badValues, DoubleConsumer call) {
      this.name = name;
      this.integral = integral;
      this.badValues = badValues;
      this.call = call;
    }
  }

  private static List<Misuse> hyperParameterMisuses() {
    double[] notPositiveOrFinite = concat(NOT_POSITIVE, NOT_FINITE);
    double[] outsideUnit = {1, 1.5, -0.1, Double.NaN, Double.POSITIVE_INFINITY};
    double[] negativeOrNotFinite = concat(new double[] {-1e-9, -3}, NOT_FINITE);
    double[] notPositiveInt = {0, -1, Integer.MIN_VALUE};
    List<Misuse> all = new ArrayList<>();
    all.add(new Misuse("epochs", true, notPositiveInt,
        v -> Trainer.builder().epochs((int) v)));
    all.add(new Misuse("batch size", true, notPositiveInt,
        v -> Trainer.builder().batchSize((int) v)));
    all.add(new Misuse("patience", true, notPositiveInt,
        v -> Trainer.builder().earlyStopping((int) v, 0, false)));
    all.add(new Misuse("validation split", false, concat(new double[] {0, 1, -0.5, 2},
        NOT_FINITE), v -> Trainer.builder().validationSplit(v)));
    all.add(new Misuse("L2 coefficient", false, negativeOrNotFinite,
        v -> Trainer.builder().l2(v)));
    all.add(new Misuse("L1 coefficient", false, negativeOrNotFinite,
        v -> Trainer.builder().l1(v)));
    all.add(new Misuse("minimum improvement", false, negativeOrNotFinite,
        v -> Trainer.builder().earlyStopping(5, v, false)));
    all.add(new Misuse("maximum gradient norm", false, notPositiveOrFinite,
        v -> Trainer.builder().clipGradientNorm(v)));
    all.add(new Misuse("learning rate", false, notPositiveOrFinite, v -> new Sgd(v)));
    all.add(new Misuse("learning rate", false, notPositiveOrFinite, v -> new Adam(v)));
    all.add(new Misuse("momentum", false, outsideUnit, v -> new Momentum(0.1, v)));
    all.add(new Misuse("momentum", false, outsideUnit, v -> new Nesterov(0.1, v)));
    all.add(new Misuse("beta1", false, outsideUnit, v -> new Adam(0.1, v, 0.999, 1e-8)));
    all.add(new Misuse("beta2", false, outsideUnit, v -> new Adam(0.1, 0.9, v, 1e-8)));
    all.add(new Misuse("rho", false, outsideUnit, v -> new RmsProp(0.1, v, 1e-8)));
    all.add(new Misuse("epsilon", false, notPositiveOrFinite, v -> new AdaGrad(0.1, v)));
    all.add(new Misuse("weight decay", false, negativeOrNotFinite, v -> new AdamW(0.1, v)));
    return all;
  }

  private static String format(double value, boolean integral) {
    return integral ? String.valueOf((int) value) : String.valueOf(value);
  }

  private static double[] concat(double[] a, double[] b) {
    double[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** Asserts {@code call} is refused with a message starting with {@code argument}. */
  static void assertRefusedNaming(String argument, Executable call, String context) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, context);
    assertTrue(e.getMessage().startsWith(argument + " "), context + ": " + e.getMessage());
  }
}
