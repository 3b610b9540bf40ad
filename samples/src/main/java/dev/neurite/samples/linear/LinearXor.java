package dev.neurite.samples.linear;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * The XOR network with its hidden non-linearity taken away: the same 2-4-1 shape and output, but
 * IDENTITY hidden neurons. Compiled by Neurite into {@code LinearXorNet}.
 */
@Network(loss = Loss.BINARY_CROSS_ENTROPY, seed = 7)
@Input(2)
@Dense(units = 4, activation = Activation.IDENTITY)
@Dense(units = 1, activation = Activation.SIGMOID)
final class LinearXor {
  private LinearXor() {}
}
