package dev.neurite.samples.quickstart;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/** Iris species from four measurements: the README's multiclass example ({@code SpeciesNet}). */
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, seed = 7)
@Input(4)
@Dense(units = 16, activation = Activation.RELU)
@Dense(units = 3, activation = Activation.SOFTMAX)
final class Species {
  private Species() {}
}
