package dev.neurite.bench.shapes;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/** One 64x64 ReLU layer, generated fully unrolled (compiled with -Aneurite.unrollLimit=1000000). */
@Network(loss = Loss.MEAN_SQUARED_ERROR)
@Input(64)
@Dense(units = 64, activation = Activation.RELU)
final class U64 {
  private U64() {}
}
