package dev.neurite.samples.xor;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * Exclusive or, the classic function no linear network can fit: two inputs, a hidden layer of
 * four tanh neurons, one sigmoid output. Compiled by Neurite into {@code XorNet}.
 */
@Network(loss = Loss.BINARY_CROSS_ENTROPY, seed = 7)
@Input(2)
@Dense(units = 4, activation = Activation.TANH)
@Dense(units = 1, activation = Activation.SIGMOID)
final class Xor {
  private Xor() {}
}
