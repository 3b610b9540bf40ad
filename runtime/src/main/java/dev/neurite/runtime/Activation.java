package dev.neurite.runtime;

/**
 * The function a neuron applies to the weighted sum of its inputs.
 *
 * <p>Each constant keeps its forward rule and its derivative side by side, in double precision:
 * this table is the meaning of every activation, used by the reference interpreter and checked
 * against the generated code. Some activations take a parameter ({@link #LEAKY_RELU}'s slope,
 * {@link #ELU}'s alpha); the others ignore it.
 */
public enum Activation {
  /** {@code x}: a linear neuron. A network of linear layers can only fit linear functions. */
  IDENTITY(0) {
    @Override public double apply(double z, double a) { return z; }
    @Override public double derivative(double z, double y, double a) { return 1; }
  },
  /** The logistic function {@code 1 / (1 + e^-x)}, with values in (0, 1). */
  SIGMOID(0) {
    @Override public double apply(double z, double a) { return 1 / (1 + Math.exp(-z)); }
    @Override public double derivative(double z, double y, double a) { return y * (1 - y); }
  },
  /** The hyperbolic tangent, with values in (-1, 1). */
  TANH(0) {
    @Override public double apply(double z, double a) { return Math.tanh(z); }
    @Override public double derivative(double z, double y, double a) { return 1 - y * y; }
  },
  /** The rectified linear unit {@code max(0, x)}. */
  RELU(0) {
    @Override public double apply(double z, double a) { return z > 0 ? z : 0; }
    @Override public double derivative(double z, double y, double a) { return z > 0 ? 1 : 0; }
  },
  /** {@code x} for positive inputs, {@code slope * x} otherwise; the slope defaults to 0.01. */
  LEAKY_RELU(0.01) {
    @Override public double apply(double z, double a) { return z > 0 ? z : a * z; }
    @Override public double derivative(double z, double y, double a) { return z > 0 ? 1 : a; }
  },
  /** The exponential linear unit: {@code x} if positive, else {@code alpha * (e^x - 1)}. */
  ELU(1.0) {
    @Override public double apply(double z, double a) { return z > 0 ? z : a * Math.expm1(z); }
    @Override public double derivative(double z, double y, double a) { return z > 0 ? 1 : y + a; }
  },
  /** The self-normalizing ELU with the fixed constants of Klambauer et al. (2017). */
  SELU(0) {
    @Override public double apply(double z, double a) {
      return SELU_SCALE * (z > 0 ? z : SELU_ALPHA * Math.expm1(z));
    }
    @Override public double derivative(double z, double y, double a) {
      return z > 0 ? SELU_SCALE : y + SELU_SCALE * SELU_ALPHA;
    }
  },
  /** {@code ln(1 + e^x)}, a smooth ReLU. */
  SOFTPLUS(0) {
    @Override public double apply(double z, double a) {
      return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
    @Override public double derivative(double z, double y, double a) {
      return 1 / (1 + Math.exp(-z));
    }
  },
  /** {@code x / (1 + |x|)}. */
  SOFTSIGN(0) {
    @Override public double apply(double z, double a) { return z / (1 + Math.abs(z)); }
    @Override public double derivative(double z, double y, double a) {
      double d = 1 + Math.abs(z);
      return 1 / (d * d);
    }
  },
  /** SiLU, also called swish: {@code x * sigmoid(x)}. */
  SILU(0) {
    @Override public double apply(double z, double a) { return z / (1 + Math.exp(-z)); }
    @Override public double derivative(double z, double y, double a) {
      double s = 1 / (1 + Math.exp(-z));
      return s * (1 + z * (1 - s));
    }
  },
  /**
   * GELU, {@code x Phi(x)} with {@code Phi} the standard normal distribution function: the exact
   * form, PyTorch's {@code nn.GELU()} and Keras's default. {@code Phi(x) = erfc(-x / sqrt 2) / 2}
   * keeps its relative accuracy for negative {@code x} too.
   */
  GELU(0) {
    @Override public double apply(double z, double a) {
      return z * normalCdf(z);
    }
    @Override public double derivative(double z, double y, double a) {
      return normalCdf(z) + z * Math.exp(-0.5 * z * z) * INV_SQRT_2PI;
    }
  },
  /**
   * GELU in its tanh approximation, {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}:
   * PyTorch's {@code nn.GELU(approximate='tanh')}; within 4.7e-4 of {@link #GELU}.
   */
  GELU_TANH(0) {
    @Override public double apply(double z, double a) {
      return 0.5 * z * (1 + Math.tanh(GELU_C * (z + 0.044715 * z * z * z)));
    }
    @Override public double derivative(double z, double y, double a) {
      double t = Math.tanh(GELU_C * (z + 0.044715 * z * z * z));
      double dInner = GELU_C * (1 + 3 * 0.044715 * z * z);
      return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * dInner;
    }
  },
  /** A piecewise-linear sigmoid: {@code clamp(x / 6 + 1/2, 0, 1)}. */
  HARD_SIGMOID(0) {
    @Override public double apply(double z, double a) {
      return Math.max(0, Math.min(1, z / 6 + 0.5));
    }
    @Override public double derivative(double z, double y, double a) {
      return z > -3 && z < 3 ? 1.0 / 6 : 0;
    }
  },
  /**
   * Normalized exponentials over the whole layer, giving a probability distribution; only on the
   * output layer. {@link #apply} and {@link #derivative} are the per-unit parts; the layer-wide
   * rule is {@link #softmax(double[], double[], int)}.
   */
  SOFTMAX(0) {
    @Override public double apply(double z, double a) { return Math.exp(z); }
    @Override public double derivative(double z, double y, double a) { return y * (1 - y); }
  },
  /** 1 for positive inputs, else 0: for inference only, since its derivative is zero. */
  BINARY_STEP(0) {
    @Override public double apply(double z, double a) { return z > 0 ? 1 : 0; }
    @Override public double derivative(double z, double y, double a) { return 0; }
  };

  static final double SELU_ALPHA = 1.6732632423543772;
  static final double SELU_SCALE = 1.0507009873554805;
  static final double GELU_C = 0.7978845608028654; // sqrt(2 / pi)
  static final double SQRT1_2 = 0.7071067811865476; // 1 / sqrt(2)
  static final double INV_SQRT_2PI = 0.3989422804014327; // 1 / sqrt(2 pi)

  private final double defaultParameter;

  Activation(double defaultParameter) {
    this.defaultParameter = defaultParameter;
  }

  /** Returns the activation of pre-activation {@code z}, with parameter {@code a} where used. */
  public abstract double apply(double z, double a);

  /**
   * Returns the derivative at pre-activation {@code z}, whose activation is {@code y}; both are
   * given so that each rule can use the cheaper form.
   */
  public abstract double derivative(double z, double y, double a);

  /** Returns the parameter used when a declaration does not set one (0 when unused). */
  public double defaultParameter() {
    return defaultParameter;
  }

  /** Returns whether this activation reads its parameter (slope or alpha). */
  public boolean hasParameter() {
    return defaultParameter != 0;
  }

  /** Returns whether each unit's output depends on its own input only (all but softmax). */
  public boolean isElementwise() {
    return this != SOFTMAX;
  }

  /** Returns whether gradients can flow through this activation, so a network using it trains. */
  public boolean isTrainable() {
    return this != BINARY_STEP;
  }

  /** The standard normal distribution function, {@code erfc(-x / sqrt 2) / 2}. */
  static double normalCdf(double x) {
    return 0.5 * Erf.erfc(-x * SQRT1_2);
  }

  /**
   * Writes the softmax of {@code z[0..n)} into {@code y}, shifted by the maximum so that no
   * exponential overflows.
   */
  public static void softmax(double[] z, double[] y, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, z[i]);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      y[i] = Math.exp(z[i] - max);
      sum += y[i];
    }
    for (int i = 0; i < n; i++) {
      y[i] /= sum;
    }
  }
}
