package dev.neurite.samples.regression;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * {@code y = sin(x)} on one period: one input, two small tanh layers, one linear output (a
 * regression output must be able to take any value). Compiled by Neurite into {@code SineNet}.
 */
@Network(loss = Loss.MEAN_SQUARED_ERROR, seed = 1)
@Input(1)
@Dense(units = 16, activation = Activation.TANH)
@Dense(units = 16, activation = Activation.TANH)
@Dense(units = 1, activation = Activation.IDENTITY)
final class Sine {
  private Sine() {}
}
