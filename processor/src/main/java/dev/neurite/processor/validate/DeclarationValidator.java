package dev.neurite.processor.validate;

import dev.neurite.processor.read.Declaration;
import dev.neurite.processor.read.Location;
import dev.neurite.runtime.SpecProblem;
import dev.neurite.runtime.SpecRule;
import dev.neurite.runtime.SpecValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.SourceVersion;

/**
 * Checks a declaration against the runtime's rules of a network and the processor's own rules,
 * and returns every problem, each pinned to the annotation value that caused it.
 */
public final class DeclarationValidator {
  private final Function<String, Optional<ExistingType>> existing;

  /**
   * Creates a validator that asks {@code existing} what already exists under a qualified type
   * name (in the compilation, or generated earlier in this run).
   */
  public DeclarationValidator(Function<String, Optional<ExistingType>> existing) {
    this.existing = existing;
  }

  /** Returns all problems of {@code declaration}; an empty list means code may be generated. */
  public List<Problem> validate(Declaration declaration) {
    List<Problem> problems = new ArrayList<>();
    for (SpecProblem p : SpecValidator.validate(declaration.name(), declaration.inputSize(),
        declaration.layers(), declaration.loss())) {
      problems.add(fromSpec(declaration, p));
    }
    if (declaration.trainable()) {
      for (SpecProblem p : SpecValidator.trainingProblems(declaration.layers())) {
        problems.add(fromSpec(declaration, p));
      }
    }
    if (SourceVersion.isKeyword(declaration.name())) {
      problems.add(new Problem(SpecRule.NAME.format(declaration.name()),
          declaration.locate(SpecProblem.NETWORK, "name")));
    }
    if (problems.isEmpty()) {
      checkName(declaration, problems);
    }
    return problems;
  }

  /** A missing {@code @Input} reads as size 0: say what is missing rather than "was 0". */
  private static Problem fromSpec(Declaration declaration, SpecProblem p) {
    Location at = declaration.locate(p.layer(), p.attribute());
    if (p.rule() == SpecRule.INPUT_SIZE && !declaration.locations().containsKey("input")) {
      return new Problem(ProcessorRule.INPUT_MISSING.format(), at);
    }
    return new Problem(p.message(), at);
  }

  /**
   * The generated name must be free; a type generated earlier from this very declaration (a
   * stale output of a build without clean) is not a clash, since it is being regenerated.
   */
  private void checkName(Declaration declaration, List<Problem> problems) {
    String generated = declaration.generatedName();
    Optional<ExistingType> type = existing.apply(generated);
    if (type.isEmpty() || declaration.sourceName().equals(type.get().generatedFrom())) {
      return;
    }
    Location at = declaration.locate(SpecProblem.NETWORK, "name");
    problems.add(new Problem(type.get().generatedFrom() == null
        ? ProcessorRule.NAME_CLASH.format(generated)
        : ProcessorRule.NAME_DUPLICATE.format(generated, type.get().generatedFrom()), at));
  }
}
