package dev.neurite.processor.read;

import com.sun.source.util.TreePath;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where in the source a diagnostic belongs: an element, and where known the annotation on it and
 * the value within that annotation; or, where the element API cannot point precisely (a
 * {@code @Dense} inside the container javac synthesizes for repeated annotations, a builder
 * call), the exact source tree.
 *
 * @param element the declaration at fault
 * @param annotation the annotation at fault, or {@code null}
 * @param value the annotation value at fault, or {@code null}
 * @param tree the exact source tree at fault, or {@code null} when unknown or not on javac
 */
public record Location(
    Element element, AnnotationMirror annotation, AnnotationValue value, TreePath tree) {

  /** Returns a location on {@code element} as a whole. */
  public static Location of(Element element) {
    return new Location(element, null, null, null);
  }

  /** Returns a location on an annotation, or on one of its values. */
  public static Location of(Element element, AnnotationMirror annotation, AnnotationValue value) {
    return new Location(element, annotation, value, null);
  }
}
