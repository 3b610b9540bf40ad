package dev.neurite.bench.shapes;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;

/** One 4x4 ReLU layer, generated fully unrolled (compiled with -Aneurite.unrollLimit=1000000). */
@Network
@Input(4)
@Dense(units = 4, activation = Activation.RELU)
final class U4 {
  private U4() {}
}
