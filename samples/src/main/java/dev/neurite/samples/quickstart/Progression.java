package dev.neurite.samples.quickstart;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * Diabetes progression after one year from ten baseline measurements: the README's regression
 * example, one linear output ({@code ProgressionNet}).
 */
@Network(loss = Loss.MEAN_SQUARED_ERROR, seed = 7)
@Input(10)
@Dense(units = 8, activation = Activation.TANH)
@Dense(units = 1, activation = Activation.IDENTITY)
final class Progression {
  private Progression() {}
}
