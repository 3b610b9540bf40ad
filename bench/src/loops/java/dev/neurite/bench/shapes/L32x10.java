package dev.neurite.bench.shapes;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * W3's output layer shape, 32 inputs to 10 ReLU units (320 multiply-adds, just over the default
 * limit), generated as loops (compiled with -Aneurite.unrollLimit=0).
 */
@Network(loss = Loss.MEAN_SQUARED_ERROR)
@Input(32)
@Dense(units = 10, activation = Activation.RELU)
final class L32x10 {
  private L32x10() {}
}
