package dev.neurite.dsl;

import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a network that the Neurite annotation processor compiles into a specialized class.
 *
 * <p>On a class, the network is described by the class's {@link Input} and {@link Dense}
 * annotations, layers in source order:
 *
 * <pre>{@code
 * @Network(loss = Loss.BINARY_CROSS_ENTROPY)
 * @Input(2)
 * @Dense(units = 4, activation = Activation.TANH)
 * @Dense(units = 1, activation = Activation.SIGMOID)
 * class Xor {}
 * }</pre>
 *
 * <p>generates {@code XorNet}, in the same package, implementing the runtime's model contract.
 *
 * <p>On a {@code static final NetworkSpec} field, the network is the field's builder chain (see
 * {@link Networks}), whose arguments must be compile-time constants; the annotation then takes
 * no attribute but {@link #trainable()}, and the class generated in the field's package is
 * named by the builder:
 *
 * <pre>{@code
 * @Network
 * static final NetworkSpec XOR = Networks.sequential("XorNet")
 *     .input(2)
 *     .dense(4, Activation.TANH)
 *     .dense(1, Activation.SIGMOID)
 *     .loss(Loss.BINARY_CROSS_ENTROPY)
 *     .build();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface Network {
  /**
   * The simple name of the generated class; by default the annotated class's name followed by
   * {@code Net}.
   */
  String name() default "";

  /**
   * The loss the network is trained against: exactly one, written {@code loss = Loss.NAME}.
   * Required on a class, as the builder's {@code loss(...)} is: a network trained against a
   * default it was not given would learn the wrong thing without a word. (An array only so
   * that a missing loss can be told from a given one; the processor refuses none and two.)
   */
  Loss[] loss() default {};

  /**
   * The delta of {@link Loss#HUBER}, where its squares turn linear; finite and positive, and set
   * only with that loss.
   */
  double huberDelta() default Loss.DEFAULT_HUBER_DELTA;

  /** The floating-point type of the generated class. */
  Precision precision() default Precision.FLOAT;

  /** The seed of weight initialization; the same seed gives bit-identical weights. */
  long seed() default NetworkSpec.DEFAULT_SEED;

  /**
   * Whether the network is trained. An inference-only network ({@code false}) may use
   * activations no gradient flows through, such as {@code BINARY_STEP}, and gets its weights
   * through {@code setParameters}; a trained network must not use them.
   */
  boolean trainable() default true;
}
