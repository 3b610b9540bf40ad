package dev.neurite.processor.validate;

import dev.neurite.processor.plan.Budget;
import dev.neurite.processor.read.Declaration;
import dev.neurite.processor.read.Location;
import dev.neurite.runtime.SpecProblem;
import dev.neurite.runtime.SpecRule;
import dev.neurite.runtime.SpecValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a declaration against the runtime's rules of a network and the processor's own rules,
 * and returns every problem, each pinned to the annotation value that caused it.
 */
public final class DeclarationValidator {
  private final Surroundings surroundings;

  /** Creates a validator that asks {@code surroundings} what the generated class would meet. */
  public DeclarationValidator(Surroundings surroundings) {
    this.surroundings = surroundings;
  }

  /** Returns all problems of {@code declaration}; an empty list means code may be generated. */
  public List<Problem> validate(Declaration declaration) {
    List<Problem> problems = new ArrayList<>();
    for (SpecProblem p : SpecValidator.validate(declaration.name(), declaration.inputSize(),
        declaration.layers(), declaration.loss(), declaration.huberDelta())) {
      if (p.rule() != SpecRule.LOSS_MISSING || declaration.losses().isEmpty()) {
        problems.add(fromSpec(declaration, p)); // two losses are not a missing one
      }
    }
    if (declaration.trainable()) {
      for (SpecProblem p : SpecValidator.trainingProblems(declaration.layers())) {
        problems.add(fromSpec(declaration, p));
      }
    }
    if (declaration.layers().size() > Budget.LAYERS) {
      problems.add(new Problem(ProcessorRule.LAYER_COUNT.format(Budget.LAYERS,
          declaration.layers().size()), declaration.locate(Budget.LAYERS, "layer")));
    }
    if (declaration.losses().size() > 1) {
      problems.add(new Problem(ProcessorRule.LOSS_COUNT.format(declaration.losses().size()),
          declaration.locate(SpecProblem.NETWORK, "loss")));
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
    Location at = declaration.locate(SpecProblem.NETWORK, "name");
    if (surroundings.isPackage(generated)) {
      problems.add(new Problem(ProcessorRule.NAME_PACKAGE.format(generated, generated), at));
      return;
    }
    Optional<ExistingType> type = surroundings.type(generated);
    if (type.isPresent() && !declaration.sourceName().equals(type.get().generatedFrom())) {
      problems.add(new Problem(type.get().generatedFrom() == null
          ? ProcessorRule.NAME_CLASH.format(generated)
          : ProcessorRule.NAME_DUPLICATE.format(generated, type.get().generatedFrom()), at));
      return;
    }
    checkHidden(declaration, problems, at);
  }

  /**
   * A class in the declaration's package hides every type of the same simple name that its
   * files import on demand: {@code test.Activation} would break the very file that imports
   * {@code dev.neurite.runtime.*}, and {@code test.Math} the generated code's {@code Math}.
   */
  private void checkHidden(Declaration declaration, List<Problem> problems, Location at) {
    for (String imported : surroundings.packagesImportedOnDemand(declaration)) {
      if (imported.equals(declaration.packageName())) {
        continue;
      }
      String hidden = imported + "." + declaration.name();
      if (surroundings.type(hidden).isPresent()) {
        String how = imported.equals("java.lang") ? "every Java file uses without an import"
            : "the declaring file imports with " + imported + ".*";
        problems.add(new Problem(ProcessorRule.NAME_HIDES.format(
            declaration.generatedName(), hidden, how), at));
        return;
      }
    }
  }
}
