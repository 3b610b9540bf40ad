package dev.neurite.samples.regression;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * A surface over the plane, {@code z = sin(x) cos(y)}: two inputs, two tanh layers, one linear
 * output. Compiled by Neurite into {@code SurfaceNet}.
 */
@Network(loss = Loss.MEAN_SQUARED_ERROR, seed = 2)
@Input(2)
@Dense(units = 32, activation = Activation.TANH)
@Dense(units = 32, activation = Activation.TANH)
@Dense(units = 1, activation = Activation.IDENTITY)
final class Surface {
  private Surface() {}
}
