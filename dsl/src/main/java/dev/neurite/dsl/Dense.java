package dev.neurite.dsl;

import dev.neurite.runtime.Activation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected layer of a {@link Network}: each neuron weights every output of the previous
 * layer, adds a bias, and applies the activation. Repeat it for each layer, in order.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Dense.List.class)
public @interface Dense {
  /** The number of neurons; must be positive. */
  int units();

  /** The activation applied to each neuron's weighted sum. */
  Activation activation();

  /**
   * The activation's parameter: the negative slope of {@link Activation#LEAKY_RELU}, the alpha of
   * {@link Activation#ELU}. {@code NaN}, the default, means the activation's own default.
   */
  double alpha() default Double.NaN;

  /** Whether each neuron adds a trainable bias. */
  boolean bias() default true;

  /**
   * The probability, in [0, 1), with which each of this layer's outputs is zeroed while training
   * (inverted dropout: the others are scaled by {@code 1 / (1 - rate)}); 0, the default, means no
   * dropout. Dropout never acts at inference, and must not follow the output layer.
   */
  double dropout() default 0;

  /** Holds repeated {@link Dense} annotations; written by the compiler, not by users. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The layers, in source order. */
    Dense[] value();
  }
}
