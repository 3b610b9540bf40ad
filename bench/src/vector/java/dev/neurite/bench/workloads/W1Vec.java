package dev.neurite.bench.workloads;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * Workload W1 again, for the Vector API variant: 2-4-1 tanh/sigmoid, the XOR-sized network.
 * Compiled by Neurite a second time, with {@code -Aneurite.vectorApi=true}, into
 * {@code W1VecNet}: its loop layers in the incubating Vector API.
 */
@Network(loss = Loss.BINARY_CROSS_ENTROPY)
@Input(2)
@Dense(units = 4, activation = Activation.TANH)
@Dense(units = 1, activation = Activation.SIGMOID)
final class W1Vec {
  private W1Vec() {}
}
