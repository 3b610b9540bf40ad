package dev.neurite.processor;

import dev.neurite.processor.read.AnnotatedClassReader;
import dev.neurite.processor.read.AnnotationTrees;
import dev.neurite.processor.read.Annotations;
import dev.neurite.processor.read.BuilderChainReader;
import dev.neurite.processor.read.Declaration;
import dev.neurite.processor.validate.BuilderChainValidator;
import dev.neurite.processor.validate.Problem;
import dev.neurite.processor.validate.ProcessorRule;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/** Reads a {@code @Network} element in either form into a {@link Declaration}. */
final class Declarations {
  /**
   * A declaration as read, or null when it was refused, and the problems found while reading.
   *
   * @param declaration the declaration, or null
   * @param problems what reading found wrong (not yet reported)
   */
  record Reading(Declaration declaration, List<Problem> problems) {}

  private Declarations() {}

  /**
   * Reads either form: a class's annotations, or a field's builder chain (replayed on the real
   * builder); any other element kind is a problem.
   */
  static Reading read(Element element, Elements elements, AnnotationTrees trees) {
    if (element.getKind() == ElementKind.CLASS) {
      return new Reading(new AnnotatedClassReader(elements, trees).read((TypeElement) element),
          List.of());
    }
    if (element.getKind() == ElementKind.FIELD) {
      BuilderChainValidator.Result result = new BuilderChainValidator().validate(
          new BuilderChainReader(elements, trees).read((VariableElement) element));
      return new Reading(result.declaration(), result.problems());
    }
    return new Reading(null, List.of(new Problem(
        ProcessorRule.ELEMENT_KIND.format(Annotations.describe(element)),
        Annotations.locate(element, Annotations.NETWORK))));
  }
}
