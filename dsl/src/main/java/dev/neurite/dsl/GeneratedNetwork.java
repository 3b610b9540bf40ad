package dev.neurite.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that the Neurite processor generated, naming the declaration it came from; not
 * for users to write.
 *
 * <p>It lets the processor tell its own earlier output (a stale generated source or class left
 * by a build without {@code clean}) from a user's type that really takes the generated name. It
 * is kept in class files ({@link RetentionPolicy#CLASS}) so that both forms carry it, and is not
 * needed at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface GeneratedNetwork {
  /** The qualified name of the declaration the class was generated from. */
  String value();
}
