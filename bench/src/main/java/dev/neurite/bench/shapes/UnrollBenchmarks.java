package dev.neurite.bench.shapes;

import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.train.TrainableModel;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The unroll threshold: one n x n ReLU layer as the processor generates it, fully unrolled
 * ({@code U}n, from {@code src/unrolled}) and as loops ({@code L}n, from {@code src/loops}).
 * The planner splits unrolled code into methods under its byte budget.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UnrollBenchmarks {
  private static final Map<String, Supplier<FloatModel>> LAYERS = Map.ofEntries(
      Map.entry("U4", U4Net::new), Map.entry("L4", L4Net::new),
      Map.entry("U8", U8Net::new), Map.entry("L8", L8Net::new),
      Map.entry("U16", U16Net::new), Map.entry("L16", L16Net::new),
      Map.entry("U32x10", U32x10Net::new), Map.entry("L32x10", L32x10Net::new),
      Map.entry("U32", U32Net::new), Map.entry("L32", L32Net::new),
      Map.entry("U64", U64Net::new), Map.entry("L64", L64Net::new));

  /** U or L, then the layer's size: n for n x n, or inputs x units. */
  @Param({"U4", "L4", "U8", "L8", "U16", "L16", "U32x10", "L32x10", "U32", "L32", "U64", "L64"})
  public String layer;

  private FloatModel model;
  private TrainableModel trainable;
  private float[] input;
  private float[] output;
  private double[] inputs;
  private double[] target;
  private double[] gradient;

  /** Builds the layer and a seeded sample. */
  @Setup
  public void setUp() {
    model = LAYERS.get(layer).get();
    trainable = (TrainableModel) model; // every generated class implements both contracts
    int n = model.inputSize();
    SplittableRandom random = new SplittableRandom(5);
    input = new float[n];
    inputs = new double[n];
    for (int i = 0; i < n; i++) {
      inputs[i] = random.nextDouble(-1, 1);
      input[i] = (float) inputs[i];
    }
    target = new double[model.outputSize()];
    for (int o = 0; o < target.length; o++) {
      target[o] = random.nextDouble(-1, 1);
    }
    output = new float[model.outputSize()];
    gradient = new double[model.parameterCount()];
  }

  /** Forward pass: the float {@code predict}. */
  @Benchmark
  public void predict(Blackhole bh) {
    model.predict(input, output);
    bh.consume(output);
  }

  /** Forward and backward pass of one sample, through the runtime's double contract. */
  @Benchmark
  public double forwardBackward() {
    return trainable.forwardBackward(inputs, target, gradient);
  }
}
