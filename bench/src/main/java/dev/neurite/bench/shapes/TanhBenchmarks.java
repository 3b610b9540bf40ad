package dev.neurite.bench.shapes;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code Math.tanh} against the exp-based forms of {@link FastTanh}, and the sigmoid the
 * generated code uses, over 1024 pre-activations in [-3, 3]: the score is ns per value.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(TanhBenchmarks.N)
public class TanhBenchmarks {
  static final int N = 1024;

  private final float[] z = new float[N];
  private final float[] y = new float[N];

  /** Seeded pre-activations. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < N; i++) {
      z[i] = (float) random.nextDouble(-3, 3);
    }
  }

  /** What generated code does today: {@code (float) Math.tanh(z)}. */
  @Benchmark
  public float[] mathTanh() {
    for (int i = 0; i < N; i++) {
      y[i] = (float) Math.tanh(z[i]);
    }
    return y;
  }

  /** {@link FastTanh#tanh}. */
  @Benchmark
  public float[] expTanh() {
    for (int i = 0; i < N; i++) {
      y[i] = FastTanh.tanh(z[i]);
    }
    return y;
  }

  /** {@link FastTanh#tanhBranchFree}. */
  @Benchmark
  public float[] expTanhBranchFree() {
    for (int i = 0; i < N; i++) {
      y[i] = FastTanh.tanhBranchFree(z[i]);
    }
    return y;
  }

  /** {@link FastTanh#tanhSmallPolynomial}, the form generated float code uses. */
  @Benchmark
  public float[] expTanhSmallPolynomial() {
    for (int i = 0; i < N; i++) {
      y[i] = FastTanh.tanhSmallPolynomial(z[i]);
    }
    return y;
  }

  /** The generated sigmoid, {@code (float) (1 / (1 + Math.exp(-z)))}, for scale. */
  @Benchmark
  public float[] sigmoid() {
    for (int i = 0; i < N; i++) {
      y[i] = (float) (1 / (1 + Math.exp(-z[i])));
    }
    return y;
  }
}
