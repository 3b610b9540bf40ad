package dev.neurite.runtime.train;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.TrainableModel;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Small known problems shared by the trainer tests. */
final class Fixtures {
  private Fixtures() {}

  /** XOR, 2-8-1, tanh then sigmoid, binary cross-entropy. */
  static ReferenceNetwork xorNetwork(long seed) {
    return new ReferenceNetwork(NetworkSpec.of("Xor", 2, Arrays.asList(
        LayerSpec.dense(8, Activation.TANH), LayerSpec.dense(1, Activation.SIGMOID)),
        Loss.BINARY_CROSS_ENTROPY, Precision.DOUBLE, seed));
  }

  static Dataset xor() {
    return Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
        new double[][] {{0}, {1}, {1}, {0}});
  }

  /** XOR with every label flipped: learning XOR makes the loss on it grow. */
  static Dataset antiXor() {
    return Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
        new double[][] {{1}, {0}, {0}, {1}});
  }

  /** One linear neuron, 3 inputs, mean squared error. */
  static ReferenceNetwork linearNetwork(long seed) {
    return new ReferenceNetwork(NetworkSpec.of("Linear", 3,
        Arrays.asList(LayerSpec.dense(1, Activation.IDENTITY)), Loss.MEAN_SQUARED_ERROR,
        Precision.DOUBLE, seed));
  }

  /** {@code y = x0 - 2 x1 + 3 x2 + 1} on 40 random points. */
  static Dataset linear() {
    SplittableRandom random = new SplittableRandom(17);
    double[][] x = new double[40][];
    double[][] y = new double[40][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {random.nextDouble(-1, 1), random.nextDouble(-1, 1),
          random.nextDouble(-1, 1)};
      y[i] = new double[] {x[i][0] - 2 * x[i][1] + 3 * x[i][2] + 1};
    }
    return Dataset.of(x, y);
  }

  static double[] parameters(TrainableModel model) {
    double[] p = new double[model.parameterCount()];
    model.getParameters(p);
    return p;
  }
}
