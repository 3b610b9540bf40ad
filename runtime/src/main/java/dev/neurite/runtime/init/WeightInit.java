package dev.neurite.runtime.init;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.NetworkSpec;
import java.util.SplittableRandom;

/**
 * How a dense layer's weights are drawn before training; biases start at zero.
 *
 * <p>Each scheme scales the spread by the layer's fan-in and fan-out so that signals neither
 * vanish nor explode through depth. Everything is drawn from a {@link SplittableRandom} seeded
 * by the caller, so the same seed gives bit-identical weights on every JVM.
 */
public enum WeightInit {
  /** Glorot/Xavier uniform: U(-l, l) with {@code l = sqrt(6 / (fanIn + fanOut))}. */
  GLOROT_UNIFORM {
    @Override double draw(SplittableRandom r, int fanIn, int fanOut) {
      return uniform(r, Math.sqrt(6.0 / (fanIn + fanOut)));
    }
  },
  /** Glorot/Xavier normal: N(0, 2 / (fanIn + fanOut)). */
  GLOROT_NORMAL {
    @Override double draw(SplittableRandom r, int fanIn, int fanOut) {
      return gaussian(r) * Math.sqrt(2.0 / (fanIn + fanOut));
    }
  },
  /** He/Kaiming uniform, for the ReLU family: U(-l, l) with {@code l = sqrt(6 / fanIn)}. */
  HE_UNIFORM {
    @Override double draw(SplittableRandom r, int fanIn, int fanOut) {
      return uniform(r, Math.sqrt(6.0 / fanIn));
    }
  },
  /** He/Kaiming normal: N(0, 2 / fanIn). */
  HE_NORMAL {
    @Override double draw(SplittableRandom r, int fanIn, int fanOut) {
      return gaussian(r) * Math.sqrt(2.0 / fanIn);
    }
  },
  /** LeCun uniform: U(-l, l) with {@code l = sqrt(3 / fanIn)}. */
  LECUN_UNIFORM {
    @Override double draw(SplittableRandom r, int fanIn, int fanOut) {
      return uniform(r, Math.sqrt(3.0 / fanIn));
    }
  },
  /** LeCun normal, the partner of SELU: N(0, 1 / fanIn). */
  LECUN_NORMAL {
    @Override double draw(SplittableRandom r, int fanIn, int fanOut) {
      return gaussian(r) * Math.sqrt(1.0 / fanIn);
    }
  };

  abstract double draw(SplittableRandom random, int fanIn, int fanOut);

  /** Returns the scheme that suits an activation: He for the ReLU family, LeCun for SELU. */
  public static WeightInit defaultFor(Activation activation) {
    switch (activation) {
      case RELU:
      case LEAKY_RELU:
      case ELU:
      case SILU:
      case GELU:
      case GELU_TANH:
        return HE_UNIFORM;
      case SELU:
        return LECUN_NORMAL;
      default:
        return GLOROT_UNIFORM;
    }
  }

  /** Returns fresh parameters for {@code spec}, each layer drawn with its default scheme. */
  public static double[] initialize(NetworkSpec spec, long seed) {
    double[] parameters = new double[spec.parameterCount()];
    SplittableRandom random = new SplittableRandom(seed);
    for (int l = 0; l < spec.layerCount(); l++) {
      LayerSpec layer = spec.layer(l);
      if (layer.kind() == LayerSpec.Kind.DENSE) {
        defaultFor(layer.activation()).fill(spec, l, parameters, random);
      }
    }
    return parameters;
  }

  /** Draws the weights of dense layer {@code l} of {@code spec} into {@code parameters}. */
  public void fill(NetworkSpec spec, int l, double[] parameters, SplittableRandom random) {
    int fanIn = spec.inputSizeOf(l);
    int fanOut = spec.outputSizeOf(l);
    int start = spec.weightOffset(l);
    for (int k = 0; k < fanIn * fanOut; k++) {
      parameters[start + k] = draw(random, fanIn, fanOut);
    }
  }

  static double uniform(SplittableRandom random, double limit) {
    return (2 * random.nextDouble() - 1) * limit;
  }

  /**
   * A standard normal by the Box-Muller transform (SplittableRandom has none on Java 8), with
   * StrictMath so that every JVM draws the same bits (Math may differ in the last place).
   */
  static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u))
        * StrictMath.cos(2 * Math.PI * random.nextDouble());
  }
}
