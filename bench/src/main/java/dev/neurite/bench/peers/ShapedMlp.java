package dev.neurite.bench.peers;

import dev.neurite.runtime.optim.Sgd;

/**
 * The hand-written MLP again, in the loop shapes that the shape benchmarks found fastest, to
 * show what generated code in those shapes can reach through the runtime's contract.
 *
 * <p>Each layer keeps its weights twice, as float arrays that every inner loop indexes with its
 * own loop variable only (so C2 vectorizes them): one array per input column
 * ({@code wt[i][o]}) for the forward axpy {@code y += wt[i] * x[i]}, and one per output row
 * ({@code w[o][i]}) for the backward axpy {@code dx += w[o] * d[o]}. Gradients accumulate in
 * float rows over the minibatch and go into the runtime's double gradient once per batch; the
 * runtime's {@link Sgd} steps the double master weights, which are then copied back into both
 * float layouts, as a generated {@code setParameters} would.
 */
final class ShapedMlp {
  private final int[] sizes;
  private final HandWrittenMlp.Act[] acts;
  private final float[][][] w;
  private final float[][][] wt;
  private final float[][] b;
  private final float[][][] gw;
  private final float[][] gb;
  private final float[][] a;
  private final float[][] delta;
  private final double[] parameters;
  private final double[] gradient;
  private final Sgd sgd;

  ShapedMlp(int[] sizes, HandWrittenMlp.Act[] acts, double[] initial, double rate) {
    this.sizes = sizes.clone();
    this.acts = acts.clone();
    int layers = sizes.length - 1;
    w = new float[layers][][];
    wt = new float[layers][][];
    gw = new float[layers][][];
    b = new float[layers][];
    gb = new float[layers][];
    a = new float[layers + 1][];
    delta = new float[layers][];
    a[0] = new float[sizes[0]];
    for (int l = 0; l < layers; l++) {
      w[l] = new float[sizes[l + 1]][sizes[l]];
      gw[l] = new float[sizes[l + 1]][sizes[l]];
      wt[l] = new float[sizes[l]][sizes[l + 1]];
      b[l] = new float[sizes[l + 1]];
      gb[l] = new float[sizes[l + 1]];
      a[l + 1] = new float[sizes[l + 1]];
      delta[l] = new float[sizes[l + 1]];
    }
    parameters = initial.clone();
    gradient = new double[initial.length];
    sgd = new Sgd(rate);
    setParameters(parameters);
  }

  int parameterCount() {
    return parameters.length;
  }

  /** Loads the flat layout into both float layouts. */
  private void setParameters(double[] flat) {
    int at = 0;
    for (int l = 0; l < w.length; l++) {
      for (int o = 0; o < sizes[l + 1]; o++) {
        float[] row = w[l][o];
        for (int i = 0; i < row.length; i++) {
          row[i] = (float) flat[at++];
        }
      }
      for (int o = 0; o < sizes[l + 1]; o++) {
        b[l][o] = (float) flat[at++];
      }
      transpose(w[l], wt[l]);
    }
  }

  private static void transpose(float[][] rows, float[][] columns) {
    for (int o = 0; o < rows.length; o++) {
      float[] row = rows[o];
      for (int i = 0; i < row.length; i++) {
        columns[i][o] = row[i];
      }
    }
  }

  void predict(float[] x, float[] y) {
    System.arraycopy(x, 0, a[0], 0, sizes[0]);
    forward();
    System.arraycopy(a[w.length], 0, y, 0, y.length);
  }

  private void forward() {
    for (int l = 0; l < w.length; l++) {
      float[] x = a[l];
      float[] y = a[l + 1];
      float[][] columns = wt[l];
      System.arraycopy(b[l], 0, y, 0, y.length);
      for (int i = 0; i < x.length; i++) {
        float[] column = columns[i];
        float xi = x[i];
        for (int o = 0; o < y.length; o++) {
          y[o] += column[o] * xi;
        }
      }
      activate(acts[l], y);
    }
  }

  private static void activate(HandWrittenMlp.Act act, float[] y) {
    switch (act) {
      case TANH:
        for (int o = 0; o < y.length; o++) {
          y[o] = (float) (1 - 2 / (Math.exp(2.0 * y[o]) + 1));
        }
        break;
      case SIGMOID:
        for (int o = 0; o < y.length; o++) {
          y[o] = (float) (1 / (1 + Math.exp(-y[o])));
        }
        break;
      case RELU:
        for (int o = 0; o < y.length; o++) {
          y[o] = Math.max(0, y[o]);
        }
        break;
      default:
        HandWrittenMlp.softmax(y);
    }
  }

  /** One minibatch: float gradients, one flush into the double gradient, one SGD step. */
  void trainBatch(float[][] xs, float[][] ts, int count) {
    for (int k = 0; k < count; k++) {
      System.arraycopy(xs[k], 0, a[0], 0, sizes[0]);
      forward();
      backward(ts[k]);
    }
    flushGradient(1.0 / count);
    sgd.step(parameters, gradient);
    setParameters(parameters);
  }

  private void backward(float[] t) {
    int last = w.length - 1;
    float[] top = a[last + 1];
    for (int o = 0; o < top.length; o++) {
      delta[last][o] = top[o] - t[o];
    }
    for (int l = last; l >= 0; l--) {
      float[] x = a[l];
      float[] d = delta[l];
      for (int o = 0; o < d.length; o++) {
        float[] g = gw[l][o];
        float dO = d[o];
        for (int i = 0; i < x.length; i++) {
          g[i] += dO * x[i];
        }
        gb[l][o] += dO;
      }
      if (l > 0) {
        propagate(l, d);
      }
    }
  }

  /** {@code delta[l - 1] = (W^T d) * f'(a[l])}, as axpy over the weight rows. */
  private void propagate(int l, float[] d) {
    float[] dx = delta[l - 1];
    java.util.Arrays.fill(dx, 0);
    for (int o = 0; o < d.length; o++) {
      float[] row = w[l][o];
      float dO = d[o];
      for (int i = 0; i < dx.length; i++) {
        dx[i] += row[i] * dO;
      }
    }
    float[] y = a[l];
    HandWrittenMlp.Act act = acts[l - 1];
    for (int i = 0; i < dx.length; i++) {
      dx[i] *= act == HandWrittenMlp.Act.RELU ? (y[i] > 0 ? 1 : 0)
          : act == HandWrittenMlp.Act.TANH ? 1 - y[i] * y[i] : y[i] * (1 - y[i]);
    }
  }

  /** Writes the averaged float gradients into the flat double gradient and clears them. */
  private void flushGradient(double scale) {
    int at = 0;
    for (int l = 0; l < w.length; l++) {
      for (float[] row : gw[l]) {
        for (int i = 0; i < row.length; i++) {
          gradient[at++] = row[i] * scale;
        }
        java.util.Arrays.fill(row, 0);
      }
      for (int o = 0; o < gb[l].length; o++) {
        gradient[at++] = gb[l][o] * scale;
      }
      java.util.Arrays.fill(gb[l], 0);
    }
  }
}
