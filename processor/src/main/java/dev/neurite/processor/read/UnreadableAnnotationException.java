package dev.neurite.processor.read;

/**
 * An annotation value the compiler could not resolve (an unknown constant, say): the compiler
 * reports why itself, so the processor skips the declaration instead of adding noise.
 */
public final class UnreadableAnnotationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code attribute}, which holds {@code value}. */
  public UnreadableAnnotationException(String attribute, Object value) {
    super("cannot read " + attribute + " = " + value);
  }
}
