package dev.neurite.processor.read;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where in the source a diagnostic belongs: an element, and where known the annotation on it and
 * the value within that annotation.
 *
 * @param element the declaration at fault
 * @param annotation the annotation at fault, or {@code null}
 * @param value the annotation value at fault, or {@code null}
 */
public record Location(Element element, AnnotationMirror annotation, AnnotationValue value) {
  /** Returns a location on {@code element} as a whole. */
  public static Location of(Element element) {
    return new Location(element, null, null);
  }
}
