package dev.neurite.bench.workloads;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * Workload W3 again, for the Vector API variant: 64-32-10 ReLU/softmax, a digits-sized classifier.
 * Compiled by Neurite a second time, with {@code -Aneurite.vectorApi=true}, into
 * {@code W3VecNet}: its loop layers in the incubating Vector API.
 */
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
@Input(64)
@Dense(units = 32, activation = Activation.RELU)
@Dense(units = 10, activation = Activation.SOFTMAX)
final class W3Vec {
  private W3Vec() {}
}
