package dev.neurite.processor.read;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Frozen;
import dev.neurite.dsl.GeneratedNetwork;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.processor.validate.ExistingType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The annotation types of the DSL by name, and the questions about them that the entry point
 * asks before a declaration is read: where is an annotation, and who made an existing type.
 */
public final class Annotations {
  /** {@link Network}. */
  public static final String NETWORK = Network.class.getCanonicalName();
  /** {@link Input}. */
  public static final String INPUT = Input.class.getCanonicalName();
  /** {@link Dense}. */
  public static final String DENSE = Dense.class.getCanonicalName();
  /** The container javac writes for repeated {@link Dense}. */
  public static final String DENSE_LIST = Dense.List.class.getCanonicalName();
  /** The marker on every generated class. */
  public static final String MARKER = GeneratedNetwork.class.getCanonicalName();
  /** {@link Frozen}, which the frozen-class processor alone reads and claims. */
  public static final String FROZEN = Frozen.class.getCanonicalName();
  /** Every annotation of the DSL but {@link Frozen}: the processor reads them, claims them all. */
  public static final List<String> ALL = List.of(NETWORK, INPUT, DENSE, DENSE_LIST, MARKER);

  private Annotations() {}

  /** Returns the annotation of type {@code qualifiedName} on {@code element}, if present. */
  public static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (qualifiedName(mirror).equals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** Returns a location on the annotation of type {@code qualifiedName}, else the element. */
  public static Location locate(Element element, String qualifiedName) {
    return Location.of(element, find(element, qualifiedName).orElse(null), null);
  }

  /**
   * Returns a location on the value of {@code attribute} of the annotation
   * {@code qualifiedName} on {@code element} when written, else on the annotation.
   */
  public static Location attribute(Element element, String qualifiedName, String attribute) {
    AnnotationMirror mirror = find(element, qualifiedName).orElse(null);
    return Location.of(element, mirror, mirror == null ? null : explicitValue(mirror, attribute));
  }

  /** Returns the value of {@code attribute} as written on {@code mirror}, or null if not. */
  public static AnnotationValue explicitValue(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * Returns where {@code element}'s first layer annotation ({@code @Input} or {@code @Dense}) is
   * written: repeated {@code @Dense} sit in a synthesized container, so the tree is needed.
   */
  public static Location firstLayerAnnotation(Element element, AnnotationTrees trees) {
    Optional<AnnotationMirror> input = find(element, INPUT);
    if (input.isPresent()) {
      return Location.of(element, input.get(), null);
    }
    Location dense = locate(element, find(element, DENSE).isPresent() ? DENSE : DENSE_LIST);
    List<com.sun.source.util.TreePath> denseTrees = trees.annotations(element, DENSE);
    return denseTrees.isEmpty() ? dense
        : new Location(element, dense.annotation(), null, denseTrees.get(0));
  }

  /** Returns what exists under {@code qualifiedName}, telling Neurite's output by its marker. */
  public static Optional<ExistingType> existing(Elements elements, String qualifiedName) {
    TypeElement type = elements.getTypeElement(qualifiedName);
    if (type == null) {
      return Optional.empty();
    }
    String origin = find(type, MARKER).map(Annotations::markerValue).orElse(null);
    return Optional.of(new ExistingType(origin));
  }

  /**
   * Returns the record component that {@code element} stands for (its field or its accessor,
   * which have no source of their own), or {@code null}.
   */
  public static RecordComponentElement recordComponentOf(Element element) {
    Element enclosing = element.getEnclosingElement();
    if (enclosing == null || enclosing.getKind() != ElementKind.RECORD) {
      return null;
    }
    for (RecordComponentElement c : ((TypeElement) enclosing).getRecordComponents()) {
      boolean field = element.getKind() == ElementKind.FIELD
          && c.getSimpleName().equals(element.getSimpleName());
      if (field || element.equals(c.getAccessor())) {
        return c;
      }
    }
    return null;
  }

  /** Returns how a diagnostic names {@code element}: its kind, then its name. */
  public static String describe(Element element) {
    String kind = element.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ');
    return kind + " " + element.getSimpleName();
  }

  private static String markerValue(AnnotationMirror marker) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : marker.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("value")) {
        return String.valueOf(e.getValue().getValue());
      }
    }
    return "";
  }

  static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }
}
