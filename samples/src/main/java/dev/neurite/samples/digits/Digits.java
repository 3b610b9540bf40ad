package dev.neurite.samples.digits;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * Handwritten digits: the 64 pixels of an 8x8 image in, one probability per digit out, through
 * one hidden layer of 32 ReLU neurons. Compiled by Neurite into {@code DigitsNet}.
 */
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, seed = 42)
@Input(64)
@Dense(units = 32, activation = Activation.RELU)
@Dense(units = 10, activation = Activation.SOFTMAX)
final class Digits {
  private Digits() {}
}
