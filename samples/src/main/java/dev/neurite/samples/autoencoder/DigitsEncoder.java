package dev.neurite.samples.autoencoder;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * The encoder half of {@link DigitsAutoencoder}, declared on its own so that its output is the
 * bottleneck: the same input and first two layers. It is never trained; it receives the trained
 * autoencoder's first parameters. Compiled by Neurite into {@code DigitsEncoderNet}.
 */
@Network(loss = Loss.MEAN_SQUARED_ERROR)
@Input(64)
@Dense(units = 32, activation = Activation.TANH)
@Dense(units = 10, activation = Activation.IDENTITY)
final class DigitsEncoder {
  private DigitsEncoder() {}
}
