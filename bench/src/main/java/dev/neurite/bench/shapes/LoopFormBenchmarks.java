package dev.neurite.bench.shapes;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The loop forms a dense layer can take, on a square layer and W4's first (out x in), so the
 * code generator can choose by measurement. {@code flat*} index one parameter array as the
 * first generated classes did ({@code p[row + i]}); {@code rows*} keep one array per weight row
 * (or per column, {@code T}), so that every array in the inner loop shares its index.
 * Forward forms compute {@code y = W x + b}; {@code propagate*} {@code dx = W^T d};
 * {@code gradient*} {@code g += d x^T}; {@code batch*} the forward pass of 32 samples (score per
 * sample).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LoopFormBenchmarks {
  private static final int BATCH = 32;

  /** Outputs x inputs: a square layer, then W4's first layer. */
  @Param({"64x64", "256x784"})
  public String layer;

  private int in;
  private int out;
  /** Weights row-major then biases, at an offset, as in the generated classes. */
  private float[] p;
  private int weights;
  private int biases;
  private float[][] rows;
  private float[][] columns;
  private float[] columnsFlat;
  private float[] bias;
  private float[] x;
  private float[] y;
  private float[] d;
  private float[] dx;
  private double[] gFlat;
  private float[] gFlatFloat;
  private float[][] gRows;
  private float[][] gColumns;
  private float[][] xs;
  private float[][] ys;

  /** Seeded weights and inputs, the same values in every layout. */
  @Setup
  public void setUp() {
    String[] sizes = layer.split("x");
    out = Integer.parseInt(sizes[0]);
    in = Integer.parseInt(sizes[1]);
    SplittableRandom random = new SplittableRandom(9);
    weights = 3;
    biases = weights + out * in;
    p = new float[biases + out];
    rows = new float[out][in];
    columns = new float[in][out];
    columnsFlat = new float[in * out];
    bias = new float[out];
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        float w = (float) random.nextDouble(-0.1, 0.1);
        p[weights + o * in + i] = w;
        rows[o][i] = w;
        columns[i][o] = w;
        columnsFlat[i * out + o] = w;
      }
      bias[o] = p[biases + o] = (float) random.nextDouble(-0.1, 0.1);
    }
    x = random(random, in);
    d = random(random, out);
    y = new float[out];
    dx = new float[in];
    gFlat = new double[p.length];
    gFlatFloat = new float[p.length];
    gRows = new float[out][in];
    gColumns = new float[in][out];
    xs = new float[BATCH][];
    ys = new float[BATCH][out];
    for (int b = 0; b < BATCH; b++) {
      xs[b] = random(random, in);
    }
  }

  private static float[] random(SplittableRandom random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextDouble(-1, 1);
    }
    return v;
  }

  /** The first generated LOOP forward: one accumulator, flat array. */
  @Benchmark
  public float[] flatDot() {
    for (int o = 0; o < out; o++) {
      int row = weights + o * in;
      float s = p[biases + o];
      for (int i = 0; i < in; i++) {
        s += p[row + i] * x[i];
      }
      y[o] = s;
    }
    return y;
  }

  /** Four independent accumulators, flat array. */
  @Benchmark
  public float[] flatDot4() {
    for (int o = 0; o < out; o++) {
      int row = weights + o * in;
      float s0 = 0;
      float s1 = 0;
      float s2 = 0;
      float s3 = 0;
      int i = 0;
      for (; i + 3 < in; i += 4) {
        s0 += p[row + i] * x[i];
        s1 += p[row + i + 1] * x[i + 1];
        s2 += p[row + i + 2] * x[i + 2];
        s3 += p[row + i + 3] * x[i + 3];
      }
      for (; i < in; i++) {
        s0 += p[row + i] * x[i];
      }
      y[o] = p[biases + o] + (s0 + s1) + (s2 + s3);
    }
    return y;
  }

  /** One accumulator, one array per row. */
  @Benchmark
  public float[] rowsDot() {
    for (int o = 0; o < out; o++) {
      float[] w = rows[o];
      float s = bias[o];
      for (int i = 0; i < in; i++) {
        s += w[i] * x[i];
      }
      y[o] = s;
    }
    return y;
  }

  /** Axpy over transposed rows (one array per input): y[o] += wt_i[o] * x_i. */
  @Benchmark
  public float[] rowsAxpyT() {
    System.arraycopy(bias, 0, y, 0, out);
    for (int i = 0; i < in; i++) {
      float[] w = columns[i];
      float xi = x[i];
      for (int o = 0; o < out; o++) {
        y[o] += w[o] * xi;
      }
    }
    return y;
  }

  /** Axpy over one flat transposed array: y[o] += wt[i * out + o] * x_i. */
  @Benchmark
  public float[] flatAxpyT() {
    System.arraycopy(bias, 0, y, 0, out);
    for (int i = 0; i < in; i++) {
      int column = i * out;
      float xi = x[i];
      for (int o = 0; o < out; o++) {
        y[o] += columnsFlat[column + o] * xi;
      }
    }
    return y;
  }

  /** The first generated LOOP propagate: dx[i] += p[row + i] * d_o. */
  @Benchmark
  public float[] propagateFlat() {
    for (int i = 0; i < in; i++) {
      dx[i] = 0;
    }
    for (int o = 0; o < out; o++) {
      float g = d[o];
      int row = weights + o * in;
      for (int i = 0; i < in; i++) {
        dx[i] += p[row + i] * g;
      }
    }
    return dx;
  }

  /** Propagate with one array per row: dx[i] += w_o[i] * d_o. */
  @Benchmark
  public float[] propagateRows() {
    java.util.Arrays.fill(dx, 0);
    for (int o = 0; o < out; o++) {
      float[] w = rows[o];
      float g = d[o];
      for (int i = 0; i < in; i++) {
        dx[i] += w[i] * g;
      }
    }
    return dx;
  }

  /**
   * Propagate over the forward pass's per-column arrays, as dot products with 8 accumulators
   * (no second layout needed): dx[i] = sum_o wt_i[o] * d_o.
   */
  @Benchmark
  public float[] propagateColumnsDot8() {
    for (int i = 0; i < in; i++) {
      float[] w = columns[i];
      float s0 = 0;
      float s1 = 0;
      float s2 = 0;
      float s3 = 0;
      float s4 = 0;
      float s5 = 0;
      float s6 = 0;
      float s7 = 0;
      int o = 0;
      for (; o + 7 < out; o += 8) {
        s0 += w[o] * d[o];
        s1 += w[o + 1] * d[o + 1];
        s2 += w[o + 2] * d[o + 2];
        s3 += w[o + 3] * d[o + 3];
        s4 += w[o + 4] * d[o + 4];
        s5 += w[o + 5] * d[o + 5];
        s6 += w[o + 6] * d[o + 6];
        s7 += w[o + 7] * d[o + 7];
      }
      for (; o < out; o++) {
        s0 += w[o] * d[o];
      }
      dx[i] = (s0 + s1) + (s2 + s3) + ((s4 + s5) + (s6 + s7));
    }
    return dx;
  }

  /** Gradient into float per-column arrays: gt_i[o] += x_i * d_o (axpy over o). */
  @Benchmark
  public float[][] gradientColumns() {
    for (int i = 0; i < in; i++) {
      float[] g = gColumns[i];
      float xi = x[i];
      for (int o = 0; o < out; o++) {
        g[o] += xi * d[o];
      }
    }
    return gColumns;
  }

  /** The generated LOOP gradient (as of 04:45): into the runtime's flat double gradient. */
  @Benchmark
  public double[] gradientFlatDouble() {
    for (int o = 0; o < out; o++) {
      float g = d[o];
      int row = weights + o * in;
      for (int i = 0; i < in; i++) {
        gFlat[row + i] += g * x[i];
      }
    }
    return gFlat;
  }

  /** The same into a flat float gradient. */
  @Benchmark
  public float[] gradientFlatFloat() {
    for (int o = 0; o < out; o++) {
      float g = d[o];
      int row = weights + o * in;
      for (int i = 0; i < in; i++) {
        gFlatFloat[row + i] += g * x[i];
      }
    }
    return gFlatFloat;
  }

  /** Into one float array per row. */
  @Benchmark
  public float[][] gradientRows() {
    for (int o = 0; o < out; o++) {
      float[] gr = gRows[o];
      float g = d[o];
      for (int i = 0; i < in; i++) {
        gr[i] += g * x[i];
      }
    }
    return gRows;
  }

  /** 32 samples, each by {@link #rowsAxpyT}'s loops. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public float[][] batchAxpyT() {
    for (int b = 0; b < BATCH; b++) {
      float[] yb = ys[b];
      float[] xb = xs[b];
      System.arraycopy(bias, 0, yb, 0, out);
      for (int i = 0; i < in; i++) {
        float[] w = columns[i];
        float xi = xb[i];
        for (int o = 0; o < out; o++) {
          yb[o] += w[o] * xi;
        }
      }
    }
    return ys;
  }

  /** 32 samples, four at a time: each weight column is loaded once for four samples. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public float[][] batchAxpyT4() {
    for (int b = 0; b < BATCH; b += 4) {
      float[] y0 = ys[b];
      float[] y1 = ys[b + 1];
      float[] y2 = ys[b + 2];
      float[] y3 = ys[b + 3];
      System.arraycopy(bias, 0, y0, 0, out);
      System.arraycopy(bias, 0, y1, 0, out);
      System.arraycopy(bias, 0, y2, 0, out);
      System.arraycopy(bias, 0, y3, 0, out);
      for (int i = 0; i < in; i++) {
        float[] w = columns[i];
        float x0 = xs[b][i];
        float x1 = xs[b + 1][i];
        float x2 = xs[b + 2][i];
        float x3 = xs[b + 3][i];
        for (int o = 0; o < out; o++) {
          float wo = w[o];
          y0[o] += wo * x0;
          y1[o] += wo * x1;
          y2[o] += wo * x2;
          y3[o] += wo * x3;
        }
      }
    }
    return ys;
  }
}
