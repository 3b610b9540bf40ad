package dev.neurite.spark;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.Precision;

/**
 * {@link Blobs} in double precision ({@code PreciseBlobsNet}), so that comparisons of training
 * runs see the order of additions, not float rounding.
 */
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, precision = Precision.DOUBLE, seed = 7)
@Input(4)
@Dense(units = 8, activation = Activation.TANH)
@Dense(units = 3, activation = Activation.SOFTMAX)
final class PreciseBlobs {
  private PreciseBlobs() {}
}
