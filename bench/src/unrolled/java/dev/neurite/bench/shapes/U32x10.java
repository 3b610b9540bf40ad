package dev.neurite.bench.shapes;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * W3's output layer shape, 32 inputs to 10 ReLU units (320 multiply-adds, just over the default
 * limit), generated fully unrolled (compiled with -Aneurite.unrollLimit=1000000).
 */
@Network(loss = Loss.MEAN_SQUARED_ERROR)
@Input(32)
@Dense(units = 10, activation = Activation.RELU)
final class U32x10 {
  private U32x10() {}
}
