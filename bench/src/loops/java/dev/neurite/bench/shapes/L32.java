package dev.neurite.bench.shapes;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;

/** One 32x32 ReLU layer, generated as loops (compiled with -Aneurite.unrollLimit=0). */
@Network
@Input(32)
@Dense(units = 32, activation = Activation.RELU)
final class L32 {
  private L32() {}
}
