package dev.neurite.samples.autoencoder;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * An autoencoder of 8x8 digits: the encoder (64 pixels, 32 tanh, a 10-value linear bottleneck)
 * then the decoder (32 tanh, 64 sigmoid pixels in [0, 1]), trained to redraw images. The
 * loss is binary cross-entropy, each pixel's intensity read as a probability: it trains the
 * sigmoid outputs faster than squared error, whose gradient fades where a sigmoid saturates.
 * Compiled by Neurite into {@code DigitsAutoencoderNet}.
 *
 * <p>Its first two layers must stay identical to {@link DigitsEncoder}'s.
 */
@Network(loss = Loss.BINARY_CROSS_ENTROPY, seed = 5)
@Input(64)
@Dense(units = 32, activation = Activation.TANH)
@Dense(units = 10, activation = Activation.IDENTITY)
@Dense(units = 32, activation = Activation.TANH)
@Dense(units = 64, activation = Activation.SIGMOID)
final class DigitsAutoencoder {
  private DigitsAutoencoder() {}
}
