package dev.neurite.runtime.io;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.TrainableModel;
import java.util.List;

/** Small networks for the model file tests. */
final class Networks {
  private Networks() {}

  /** A 4-hidden-3 classifier; the seed sets its initial weights. */
  static TrainableModel classifier(String name, int hidden, Activation activation, long seed) {
    return new ReferenceNetwork(NetworkSpec.of(name, 4,
        List.of(LayerSpec.dense(hidden, activation), LayerSpec.dense(3, Activation.SOFTMAX)),
        Loss.CATEGORICAL_CROSS_ENTROPY, Precision.DOUBLE, seed));
  }

  static TrainableModel iris(long seed) {
    return classifier("Iris", 16, Activation.RELU, seed);
  }

  static double[] parameters(TrainableModel model) {
    double[] p = new double[model.parameterCount()];
    model.getParameters(p);
    return p;
  }

  /** The raw bits of each parameter, so that equality means bit for bit. */
  static long[] bits(TrainableModel model) {
    double[] p = parameters(model);
    long[] bits = new long[p.length];
    for (int i = 0; i < p.length; i++) {
      bits[i] = Double.doubleToRawLongBits(p[i]);
    }
    return bits;
  }
}
