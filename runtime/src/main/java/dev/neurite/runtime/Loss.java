package dev.neurite.runtime;

/**
 * The cost of one sample: how far the network's output {@code y} is from the target {@code t}.
 *
 * <p>Each constant keeps its value and its gradient with respect to the output side by side, in
 * double precision. Where the output activation and the loss cancel out
 * ({@link #BINARY_CROSS_ENTROPY} after {@link Activation#SIGMOID}, {@link
 * #CATEGORICAL_CROSS_ENTROPY} after {@link Activation#SOFTMAX}), {@link #fusedGradient} gives the
 * gradient with respect to the pre-activation directly, {@code y - t}, which is cheaper and never
 * divides by a saturated output, and {@link #fusedValue} the loss from the pre-activations too
 * (softplus and log-sum-exp forms), so that the value and the gradient agree where a probability
 * rounds to 0 or 1.
 *
 * <p>Reductions: {@link #MEAN_SQUARED_ERROR}, {@link #MEAN_ABSOLUTE_ERROR}, {@link #HUBER} and
 * {@link #BINARY_CROSS_ENTROPY} average over the outputs; {@link #CATEGORICAL_CROSS_ENTROPY}
 * sums over them. {@link #value} takes probabilities, so a cross-entropy there clamps them at
 * {@link #EPSILON} (a saturated output costs at most {@code -ln(1e-15)}, about 34.5, per term);
 * that is the loss of predictions alone, e.g. in evaluation. Training passes use the exact
 * {@link #fusedValue}.
 */
public enum Loss {
  /** Mean over the outputs of {@code (y - t)^2}: regression. */
  MEAN_SQUARED_ERROR {
    @Override double term(double y, double t, double p) { return (y - t) * (y - t); }
    @Override double termGradient(double y, double t, double p) { return 2 * (y - t); }
  },
  /** Mean over the outputs of {@code |y - t|}: regression that is robust to outliers. */
  MEAN_ABSOLUTE_ERROR {
    @Override double term(double y, double t, double p) { return Math.abs(y - t); }
    @Override double termGradient(double y, double t, double p) { return Math.signum(y - t); }
  },
  /**
   * Mean over the outputs of the Huber function with parameter delta (1 by default, as in Keras
   * and PyTorch): {@code d^2 / 2} for {@code |d| <= delta}, {@code delta (|d| - delta / 2)}
   * beyond, with {@code d = y - t}.
   */
  HUBER {
    @Override double term(double y, double t, double delta) {
      double d = Math.abs(y - t);
      return d <= delta ? 0.5 * d * d : delta * (d - 0.5 * delta);
    }
    @Override double termGradient(double y, double t, double delta) {
      return Math.max(-delta, Math.min(delta, y - t));
    }
  },
  /** Mean over the outputs of {@code -(t ln y + (1 - t) ln(1 - y))}: sigmoid outputs in (0, 1). */
  BINARY_CROSS_ENTROPY {
    @Override double term(double y, double t, double p) {
      return -(t * Math.log(clamp(y)) + (1 - t) * Math.log(clamp(1 - y)));
    }
    @Override double termGradient(double y, double t, double p) {
      return (y - t) / (clamp(y) * clamp(1 - y));
    }
  },
  /** {@code -sum(t ln y)} over the outputs: a softmax output against a class distribution. */
  CATEGORICAL_CROSS_ENTROPY {
    @Override double term(double y, double t, double p) {
      return t == 0 ? 0 : -t * Math.log(clamp(y));
    }
    @Override double termGradient(double y, double t, double p) { return -t / clamp(y); }
    @Override double scale(int n) { return 1; }
  };

  /** The Huber delta when a declaration does not set one. */
  public static final double DEFAULT_HUBER_DELTA = 1;

  /**
   * The smallest probability whose logarithm {@link #value} takes, so that a saturated output stays
   * finite; {@link #fusedValue} needs no clamp.
   */
  public static final double EPSILON = 1e-15;

  /** The loss of one output; {@code p} is HUBER's delta, which the other losses ignore. */
  abstract double term(double y, double t, double p);

  abstract double termGradient(double y, double t, double p);

  /** The factor applied to the sum of the terms: 1/n for the losses that average the outputs. */
  double scale(int n) {
    return 1.0 / n;
  }

  static double clamp(double p) {
    return Math.max(p, EPSILON);
  }

  /** Returns the loss of output {@code y[0..n)} against target {@code t[0..n)}; delta 1. */
  public double value(double[] y, double[] t, int n) {
    return value(y, t, n, DEFAULT_HUBER_DELTA);
  }

  /**
   * Returns the loss of output {@code y[0..n)} against target {@code t[0..n)}, with
   * {@link #HUBER}'s {@code delta} (the other losses ignore it).
   */
  public double value(double[] y, double[] t, int n, double delta) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += term(y[i], t[i], delta);
    }
    return sum * scale(n);
  }

  /** Writes the gradient with respect to each output {@code y[i]} into {@code g}; delta 1. */
  public void gradient(double[] y, double[] t, double[] g, int n) {
    gradient(y, t, g, n, DEFAULT_HUBER_DELTA);
  }

  /**
   * Writes the gradient of the loss with respect to each output {@code y[i]} into {@code g},
   * with {@link #HUBER}'s {@code delta} (the other losses ignore it).
   */
  public void gradient(double[] y, double[] t, double[] g, int n, double delta) {
    double s = scale(n);
    for (int i = 0; i < n; i++) {
      g[i] = s * termGradient(y[i], t[i], delta);
    }
  }

  /** Returns the output activation that this loss cancels with, or {@code null} if none. */
  public Activation fusedActivation() {
    switch (this) {
      case BINARY_CROSS_ENTROPY:
        return Activation.SIGMOID;
      case CATEGORICAL_CROSS_ENTROPY:
        return Activation.SOFTMAX;
      default:
        return null;
    }
  }

  /**
   * Returns the loss from the output layer's pre-activations {@code z[0..n)} when the output
   * activation is {@link #fusedActivation()}: the mean of {@code softplus(z) - t z} for binary
   * cross-entropy, {@code sum(t (logsumexp(z) - z))} for categorical. Exact where the
   * probabilities would round to 0 or 1, and {@link #fusedGradient} is its derivative.
   */
  public double fusedValue(double[] z, double[] t, int n) {
    if (this == CATEGORICAL_CROSS_ENTROPY) {
      return softmaxCrossEntropy(z, t, n);
    } else if (this == BINARY_CROSS_ENTROPY) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += sigmoidCrossEntropy(z[i], t[i]);
      }
      return sum / n;
    }
    throw new IllegalStateException(this + " has no fused value");
  }

  /** {@code softplus(z) - t z}, the binary cross-entropy of {@code sigmoid(z)}, without rounding. */
  private static double sigmoidCrossEntropy(double z, double t) {
    double linear = z > 0 ? (1 - t) * z : -t * z;
    return linear + Math.log1p(Math.exp(-Math.abs(z)));
  }

  /** {@code sum(t (logsumexp(z) - z))}, shifted by the maximum so that nothing overflows. */
  private static double softmaxCrossEntropy(double[] z, double[] t, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, z[i]);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Math.exp(z[i] - max);
    }
    double logSum = Math.log(sum);
    double loss = 0;
    for (int i = 0; i < n; i++) {
      if (t[i] != 0) {
        loss += t[i] * ((max - z[i]) + logSum);
      }
    }
    return loss;
  }

  /**
   * Writes the gradient with respect to the output layer's pre-activations when the output
   * activation is {@link #fusedActivation()}: {@code (y - t) / n} for binary cross-entropy,
   * {@code y * sum(t) - t} (that is {@code y - t} for a one-hot target) for categorical.
   */
  public void fusedGradient(double[] y, double[] t, double[] g, int n) {
    if (this == CATEGORICAL_CROSS_ENTROPY) {
      double sumT = 0;
      for (int i = 0; i < n; i++) {
        sumT += t[i];
      }
      for (int i = 0; i < n; i++) {
        g[i] = y[i] * sumT - t[i];
      }
    } else if (this == BINARY_CROSS_ENTROPY) {
      for (int i = 0; i < n; i++) {
        g[i] = (y[i] - t[i]) / n;
      }
    } else {
      throw new IllegalStateException(this + " has no fused gradient");
    }
  }
}
