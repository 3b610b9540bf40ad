package dev.neurite.dsl;

/**
 * The fluent way to declare a network: the builder counterpart of {@link Network} on a class.
 *
 * <pre>{@code
 * @Network
 * static final NetworkSpec IRIS = Networks.sequential("IrisNet")
 *     .input(4)
 *     .dense(16, Activation.RELU)
 *     .dense(3, Activation.SOFTMAX)
 *     .loss(Loss.CATEGORICAL_CROSS_ENTROPY)
 *     .build();
 * }</pre>
 *
 * <p>At run time the field is a real {@link dev.neurite.runtime.NetworkSpec}: print its
 * {@code summary()}, interpret it with the reference interpreter, train it. With {@code @Network}
 * on a {@code static final} field and compile-time constant arguments, the annotation processor
 * also compiles it into a class named by the builder's name, in the field's package.
 */
public final class Networks {
  private Networks() {}

  /**
   * Starts a network whose layers follow each other in order.
   *
   * @param name the network's name: a Java identifier, also the simple name of the class the
   *     processor generates
   */
  public static SequentialBuilder sequential(String name) {
    return new SequentialBuilder(name);
  }
}
