package dev.neurite.samples.xor;

import dev.neurite.dsl.Network;
import dev.neurite.dsl.Networks;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;

/**
 * The XOR network of {@link Xor} declared the other way, with the fluent builder. The processor
 * reads the chain at compile time and generates {@code XorBuilderNet}; at run time the field is
 * an ordinary {@link NetworkSpec} that can be printed, interpreted and trained without any
 * generated code.
 */
public final class XorModels {
  /** 2-4-1, tanh then sigmoid, binary cross-entropy, seed 7: the same network as {@link Xor}. */
  @Network
  public static final NetworkSpec XOR = Networks.sequential("XorBuilderNet")
      .input(2)
      .dense(4, Activation.TANH)
      .dense(1, Activation.SIGMOID)
      .loss(Loss.BINARY_CROSS_ENTROPY)
      .seed(7)
      .build();

  private XorModels() {}
}
