package dev.neurite.bench.workloads;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * Workload W4: 784-256-128-10 ReLU/softmax, an MNIST-sized classifier.
 * Compiled by Neurite into {@code W4Net}.
 */
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
@Input(784)
@Dense(units = 256, activation = Activation.RELU)
@Dense(units = 128, activation = Activation.RELU)
@Dense(units = 10, activation = Activation.SOFTMAX)
final class W4 {
  private W4() {}
}
