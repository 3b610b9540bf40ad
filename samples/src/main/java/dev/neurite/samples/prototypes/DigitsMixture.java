package dev.neurite.samples.prototypes;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * A network that reads an 8x8 digit (64 pixels in [0, 1]) and gives the weights of a mix of 16
 * prototype images that should redraw it: 32 tanh units, then a softmax, so the weights are
 * non-negative and sum to 1. It is trained only through {@link MixtureCost}; the declared loss
 * (every network declares one) is never used. Compiled by Neurite into {@code DigitsMixtureNet}.
 */
@Network(seed = 5, loss = Loss.CATEGORICAL_CROSS_ENTROPY)
@Input(64)
@Dense(units = 32, activation = Activation.TANH)
@Dense(units = PrototypeMixtureSample.PROTOTYPES, activation = Activation.SOFTMAX)
final class DigitsMixture {
  private DigitsMixture() {}
}
