package dev.neurite.bench.peers;

/**
 * The baseline: a straightforward, generic multilayer perceptron in float, the way a
 * Java developer writes one by hand. Loops over layer arrays with sizes known only at run time,
 * one weight array per layer (row-major, {@code w[l][o * in + i]}), activations chosen by a
 * switch, softmax or sigmoid outputs with the cross-entropy gradient {@code y - t}.
 *
 * <p>Deliberately not tuned: it is what Neurite's generated code is compared against.
 */
public final class HandWrittenMlp {
  /** The activations this MLP knows. */
  public enum Act { TANH, SIGMOID, RELU, SOFTMAX }

  private final int[] sizes;
  private final Act[] acts;
  private final float[][] w;
  private final float[][] b;
  private final float[][] gw;
  private final float[][] gb;
  /** {@code a[0]} is the input, {@code a[l + 1]} the output of layer {@code l}. */
  private final float[][] a;
  private final float[][] delta;

  /** Creates an MLP with layer sizes {@code sizes} (input first) and one activation per layer. */
  public HandWrittenMlp(int[] sizes, Act[] acts) {
    this.sizes = sizes.clone();
    this.acts = acts.clone();
    int layers = sizes.length - 1;
    w = new float[layers][];
    b = new float[layers][];
    gw = new float[layers][];
    gb = new float[layers][];
    a = new float[layers + 1][];
    delta = new float[layers][];
    a[0] = new float[sizes[0]];
    for (int l = 0; l < layers; l++) {
      w[l] = new float[sizes[l] * sizes[l + 1]];
      gw[l] = new float[w[l].length];
      b[l] = new float[sizes[l + 1]];
      gb[l] = new float[sizes[l + 1]];
      a[l + 1] = new float[sizes[l + 1]];
      delta[l] = new float[sizes[l + 1]];
    }
  }

  /** Returns the number of weights and biases. */
  public int parameterCount() {
    int count = 0;
    for (int l = 0; l < w.length; l++) {
      count += w[l].length + b[l].length;
    }
    return count;
  }

  /** Loads parameters in Neurite's flat layout: per layer, weights row-major, then biases. */
  public void setParameters(double[] flat) {
    int at = 0;
    for (int l = 0; l < w.length; l++) {
      for (int j = 0; j < w[l].length; j++) {
        w[l][j] = (float) flat[at++];
      }
      for (int j = 0; j < b[l].length; j++) {
        b[l][j] = (float) flat[at++];
      }
    }
  }

  /** Computes the outputs for {@code x} into {@code y}. */
  public void predict(float[] x, float[] y) {
    System.arraycopy(x, 0, a[0], 0, sizes[0]);
    forward();
    System.arraycopy(a[w.length], 0, y, 0, y.length);
  }

  private void forward() {
    for (int l = 0; l < w.length; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      float[] x = a[l];
      float[] y = a[l + 1];
      for (int o = 0; o < out; o++) {
        float s = b[l][o];
        for (int i = 0; i < in; i++) {
          s += w[l][o * in + i] * x[i];
        }
        y[o] = s;
      }
      activate(acts[l], y);
    }
  }

  private static void activate(Act act, float[] y) {
    switch (act) {
      case TANH:
        for (int o = 0; o < y.length; o++) {
          y[o] = (float) Math.tanh(y[o]);
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
        softmax(y);
    }
  }

  /** Softmax of y in place, shifted by the maximum; the shaped MLP uses it too. */
  static void softmax(float[] y) {
    float max = y[0];
    for (int o = 1; o < y.length; o++) {
      max = Math.max(max, y[o]);
    }
    float sum = 0;
    for (int o = 0; o < y.length; o++) {
      y[o] = (float) Math.exp(y[o] - max);
      sum += y[o];
    }
    for (int o = 0; o < y.length; o++) {
      y[o] /= sum;
    }
  }

  /**
   * One step of minibatch SGD on samples {@code [0, count)}: forward and back propagate each,
   * average the gradients, and move every parameter by {@code -rate} times its gradient.
   */
  public void trainBatch(float[][] xs, float[][] ts, int count, float rate) {
    for (int l = 0; l < w.length; l++) {
      java.util.Arrays.fill(gw[l], 0);
      java.util.Arrays.fill(gb[l], 0);
    }
    for (int k = 0; k < count; k++) {
      System.arraycopy(xs[k], 0, a[0], 0, sizes[0]);
      forward();
      backward(ts[k]);
    }
    float step = rate / count;
    for (int l = 0; l < w.length; l++) {
      for (int j = 0; j < w[l].length; j++) {
        w[l][j] -= step * gw[l][j];
      }
      for (int j = 0; j < b[l].length; j++) {
        b[l][j] -= step * gb[l][j];
      }
    }
  }

  private void backward(float[] t) {
    int last = w.length - 1;
    for (int o = 0; o < sizes[last + 1]; o++) {
      delta[last][o] = a[last + 1][o] - t[o];
    }
    for (int l = last; l >= 0; l--) {
      int in = sizes[l];
      int out = sizes[l + 1];
      for (int o = 0; o < out; o++) {
        float d = delta[l][o];
        for (int i = 0; i < in; i++) {
          gw[l][o * in + i] += d * a[l][i];
        }
        gb[l][o] += d;
      }
      if (l > 0) {
        for (int i = 0; i < in; i++) {
          float s = 0;
          for (int o = 0; o < out; o++) {
            s += w[l][o * in + i] * delta[l][o];
          }
          delta[l - 1][i] = s * derivative(acts[l - 1], a[l][i]);
        }
      }
    }
  }

  private static float derivative(Act act, float y) {
    switch (act) {
      case TANH:
        return 1 - y * y;
      case SIGMOID:
        return y * (1 - y);
      case RELU:
        return y > 0 ? 1 : 0;
      default:
        throw new IllegalStateException("softmax is only an output activation here");
    }
  }
}
