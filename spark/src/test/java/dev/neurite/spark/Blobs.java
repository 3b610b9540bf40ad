package dev.neurite.spark;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/** Three classes of points in four dimensions, in float: compiled into {@code BlobsNet}. */
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, seed = 7)
@Input(4)
@Dense(units = 8, activation = Activation.TANH)
@Dense(units = 3, activation = Activation.SOFTMAX)
final class Blobs {
  private Blobs() {}
}
