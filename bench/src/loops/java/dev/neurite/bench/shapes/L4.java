package dev.neurite.bench.shapes;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/** One 4x4 ReLU layer, generated as loops (compiled with -Aneurite.unrollLimit=0). */
@Network(loss = Loss.MEAN_SQUARED_ERROR)
@Input(4)
@Dense(units = 4, activation = Activation.RELU)
final class L4 {
  private L4() {}
}
