package dev.neurite.samples.spark;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * Handwritten digits, as in the samples module: 64 pixels in, one probability per digit out,
 * through 32 ReLU neurons. Compiled by Neurite into {@code DigitsNet}, which Spark's executors
 * instantiate, one per partition.
 */
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, seed = 42)
@Input(64)
@Dense(units = 32, activation = Activation.RELU)
@Dense(units = 10, activation = Activation.SOFTMAX)
final class Digits {
  private Digits() {}
}
