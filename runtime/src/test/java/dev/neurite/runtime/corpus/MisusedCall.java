package dev.neurite.runtime.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.train.TrainableModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.function.Executable;

/**
 * One random call to a random model with exactly one bad argument: a null or wrong-length array,
 * or for the batched pass a null dataset or order, a bad range, an index outside the dataset or
 * rows of the wrong size. It knows which argument the refusal must name.
 */
final class MisusedCall {
  private final TrainableModel model;
  private final double[] input;
  private final double[] output;
  private final double[] gradient;
  private final Dataset data;
  private final int[] order;
  private final String argument;
  private final Executable call;
  /** For a bad index in {@code order}: where it is. */
  private int badIndexPosition;

  MisusedCall(SplittableRandom random) {
    NetworkSpec spec = RandomNetworks.spec(random);
    model = RandomNetworks.model(spec, random);
    input = values(model.inputSize(), random);
    output = values(model.outputSize(), random);
    gradient = values(model.parameterCount(), random);
    data = dataset(spec, 1 + random.nextInt(6), random);
    order = new int[data.size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = random.nextInt(data.size());
    }
    int kind = random.nextInt(8);
    String[] names = {"input", "output", "target", "gradient", "outputGradient", "source",
        "destination"};
    if (kind < 7) {
      argument = names[kind];
      call = arrayCall(argument, random);
    } else {
      String[] batch = {"data", "order", "gradient", "from", "order[", "wrong rows"};
      String which = batch[random.nextInt(batch.length)];
      call = batchCall(which, random);
      argument = which.equals("order[") ? "order[" + badIndexPosition : which.equals(
          "wrong rows") ? "data" : which;
    }
  }

  /** Runs the call and checks it is refused naming its argument, with nothing changed. */
  void assertRefused(String context) {
    long[] parameters = RandomNetworks.bits(model);
    double[] in = input.clone();
    double[] out = output.clone();
    double[] grad = gradient.clone();
    ApiMisuseCorpusTest.assertRefusedNaming(argument.startsWith("order[") ? argument + "]"
        : argument, call, context + " (" + model.spec() + ")");
    assertArrayEquals(parameters, RandomNetworks.bits(model), context);
    assertArrayEquals(in, input, 0, context);
    assertArrayEquals(out, output, 0, context);
    assertArrayEquals(grad, gradient, 0, context);
  }

  private Executable arrayCall(String name, SplittableRandom random) {
    double[] in = name.equals("input") ? bad(input.length, random) : input;
    double[] out = name.equals("output") || name.equals("target")
        || name.equals("outputGradient") ? bad(output.length, random) : output;
    double[] grad = name.equals("gradient") ? bad(gradient.length, random) : gradient;
    switch (name) {
      case "input":
        return random.nextBoolean() ? () -> model.predict(in, output)
            : random.nextBoolean() ? () -> model.forward(in, output)
            : () -> model.forwardBackward(in, output, gradient);
      case "output":
        return random.nextBoolean() ? () -> model.predict(input, out)
            : () -> model.forward(input, out);
      case "target":
        return () -> model.forwardBackward(input, out, gradient);
      case "gradient":
        return random.nextBoolean() ? () -> model.forwardBackward(input, output, grad)
            : () -> model.backward(output, grad);
      case "outputGradient":
        return () -> model.backward(out, gradient);
      case "source":
        return () -> model.setParameters(bad(gradient.length, random));
      default:
        return () -> model.getParameters(bad(gradient.length, random));
    }
  }

  private Executable batchCall(String which, SplittableRandom random) {
    int from = random.nextInt(order.length + 1);
    int to = from + random.nextInt(order.length - from + 1);
    switch (which) {
      case "data":
        return () -> model.forwardBackwardBatch(null, order, from, to, gradient);
      case "order":
        return () -> model.forwardBackwardBatch(data, null, from, to, gradient);
      case "gradient":
        return () -> model.forwardBackwardBatch(data, order, from, to,
            bad(gradient.length, random));
      case "from":
        int[] range = badRange(random);
        return () -> model.forwardBackwardBatch(data, order, range[0], range[1], gradient);
      case "order[":
        int[] holes = order.clone();
        badIndexPosition = random.nextInt(holes.length);
        holes[badIndexPosition] = random.nextBoolean() ? -1 - random.nextInt(3)
            : data.size() + random.nextInt(3);
        int start = random.nextInt(badIndexPosition + 1);
        return () -> model.forwardBackwardBatch(data, holes, start, holes.length, gradient);
      default:
        Dataset wrong = random.nextBoolean()
            ? Dataset.of(new double[][] {values(input.length + 1, random)},
                new double[][] {values(output.length, random)})
            : Dataset.of(new double[][] {values(input.length, random)},
                new double[][] {values(output.length + 1, random)});
        return () -> model.forwardBackwardBatch(wrong, new int[] {0}, 0, 1, gradient);
    }
  }

  /** {@code from < 0}, {@code to > order.length} or {@code from > to}. */
  private int[] badRange(SplittableRandom random) {
    int n = order.length;
    switch (random.nextInt(3)) {
      case 0:
        return new int[] {-1 - random.nextInt(Integer.MAX_VALUE), random.nextInt(n + 1)};
      case 1:
        return new int[] {random.nextInt(n + 1), n + 1 + random.nextInt(Integer.MAX_VALUE - n)};
      default:
        int to = random.nextInt(n + 1);
        return new int[] {to + 1 + random.nextInt(Integer.MAX_VALUE - to), to};
    }
  }

  /** Null, or an array of a length other than {@code length}. */
  private static double[] bad(int length, SplittableRandom random) {
    if (random.nextInt(3) == 0) {
      return null;
    }
    int other = random.nextBoolean() && length > 0 ? random.nextInt(length)
        : length + 1 + random.nextInt(3);
    return new double[other];
  }

  static double[] values(int n, SplittableRandom random) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextDouble(-1, 1);
    }
    return values;
  }

  static Dataset dataset(NetworkSpec spec, int rows, SplittableRandom random) {
    double[][] inputs = new double[rows][];
    double[][] targets = new double[rows][];
    for (int r = 0; r < rows; r++) {
      inputs[r] = values(spec.inputSize(), random);
      targets[r] = values(spec.outputSize(), random);
    }
    return Dataset.of(inputs, targets);
  }
}
