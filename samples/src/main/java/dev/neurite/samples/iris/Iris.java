package dev.neurite.samples.iris;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * Fisher's irises: four measurements in, one probability per species out. Sixteen ReLU neurons
 * are plenty for three classes of which one is linearly separable and two overlap a little.
 * Compiled by Neurite into {@code IrisNet}.
 */
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, seed = 42)
@Input(4)
@Dense(units = 16, activation = Activation.RELU)
@Dense(units = 3, activation = Activation.SOFTMAX)
final class Iris {
  private Iris() {}
}
