package dev.neurite.runtime.corpus;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.TrainableModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small random networks for the corpus tests, drawn from a seeded generator. */
final class RandomNetworks {
  private static final Activation[] HIDDEN = {
      Activation.RELU, Activation.TANH, Activation.SIGMOID, Activation.IDENTITY, Activation.ELU};

  private RandomNetworks() {}

  /** Returns a 1- to 3-layer network of 1 to 5 inputs, with or without dropout and biases. */
  static NetworkSpec spec(SplittableRandom random) {
    List<LayerSpec> layers = new ArrayList<>();
    int hidden = random.nextInt(3);
    for (int l = 0; l < hidden; l++) {
      if (random.nextInt(4) == 0) {
        layers.add(LayerSpec.dropout(0.1 + 0.4 * random.nextDouble()));
      }
      Activation activation = HIDDEN[random.nextInt(HIDDEN.length)];
      layers.add(LayerSpec.dense(1 + random.nextInt(6), activation,
          activation.defaultParameter(), random.nextBoolean()));
    }
    boolean softmax = random.nextBoolean();
    int outputs = softmax ? 2 + random.nextInt(3) : 1 + random.nextInt(3);
    layers.add(LayerSpec.dense(outputs, softmax ? Activation.SOFTMAX : Activation.IDENTITY));
    return NetworkSpec.of("Net" + random.nextInt(1000), 1 + random.nextInt(5), layers,
        softmax ? Loss.CATEGORICAL_CROSS_ENTROPY : Loss.MEAN_SQUARED_ERROR,
        random.nextBoolean() ? Precision.FLOAT : Precision.DOUBLE, random.nextLong());
  }

  /** Returns the interpreter of {@code spec} with parameters drawn from {@code random}. */
  static TrainableModel model(NetworkSpec spec, SplittableRandom random) {
    TrainableModel model = new ReferenceNetwork(spec);
    double[] parameters = new double[model.parameterCount()];
    for (int i = 0; i < parameters.length; i++) {
      parameters[i] = random.nextDouble(-2, 2);
    }
    model.setParameters(parameters);
    return model;
  }

  /** Returns the parameters of {@code model} as raw bits, so equality means bit for bit. */
  static long[] bits(TrainableModel model) {
    double[] p = new double[model.parameterCount()];
    model.getParameters(p);
    long[] bits = new long[p.length];
    for (int i = 0; i < p.length; i++) {
      bits[i] = Double.doubleToRawLongBits(p[i]);
    }
    return bits;
  }
}
