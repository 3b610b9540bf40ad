package dev.neurite.bench.workloads;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * Workload W1: 2-4-1 tanh/sigmoid, the XOR-sized network.
 * Compiled by Neurite into {@code W1Net}.
 */
@Network(loss = Loss.BINARY_CROSS_ENTROPY)
@Input(2)
@Dense(units = 4, activation = Activation.TANH)
@Dense(units = 1, activation = Activation.SIGMOID)
final class W1 {
  private W1() {}
}
