package dev.neurite.bench.shapes;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/** One 16x16 ReLU layer, generated fully unrolled (compiled with -Aneurite.unrollLimit=1000000). */
@Network(loss = Loss.MEAN_SQUARED_ERROR)
@Input(16)
@Dense(units = 16, activation = Activation.RELU)
final class U16 {
  private U16() {}
}
