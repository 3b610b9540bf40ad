package dev.neurite.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a frozen class next to a declared network: its inference with the trained weights of
 * a model file inside, a class that imports nothing outside {@code java.*}, runs on Java 8,
 * uses no reflection and allocates nothing per call. The processor reads the model file when
 * it compiles the declaration and writes the frozen class in the same compilation, in the
 * declaration's package.
 *
 * <pre>{@code
 * @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY)
 * @Input(64)
 * @Dense(units = 32, activation = Activation.RELU)
 * @Dense(units = 10, activation = Activation.SOFTMAX)
 * @Frozen(model = "digits.nrt", name = "DigitsModel")
 * class Digits {}
 * }</pre>
 *
 * <p>The file is looked up as {@link Class#getResource} would from the declaration's class:
 * relative to its package, or from the root with a leading {@code /}; on javac's source path,
 * then its class path (Maven copies {@code src/main/resources} there before compiling). A file
 * that is missing, damaged, or holds a network of another shape than the declaration is a
 * compiler error on {@link #model()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Frozen {
  /** The trained model file as a resource name: {@code "digits.nrt"}, {@code "/models/d.nrt"}. */
  String model();

  /**
   * The simple name of the frozen class; by default the generated network's name followed by
   * {@code Frozen}, such as {@code DigitsNetFrozen}.
   */
  String name() default "";
}
