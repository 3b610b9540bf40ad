package dev.neurite.bench.workloads;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * Workload W2: 4-16-3 ReLU/softmax, an Iris-sized classifier.
 * Compiled by Neurite into {@code W2Net}.
 */
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
@Input(4)
@Dense(units = 16, activation = Activation.RELU)
@Dense(units = 3, activation = Activation.SOFTMAX)
final class W2 {
  private W2() {}
}
