package dev.neurite.processor.validate;

import dev.neurite.processor.read.Declaration;
import dev.neurite.runtime.SpecProblem;
import dev.neurite.runtime.SpecValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Checks a declaration against the runtime's rules of a network and the processor's own rules,
 * and returns every problem, each pinned to the annotation value that caused it.
 */
public final class DeclarationValidator {
  private final Predicate<String> typeExists;

  /** Creates a validator that asks {@code typeExists} whether a qualified type name is taken. */
  public DeclarationValidator(Predicate<String> typeExists) {
    this.typeExists = typeExists;
  }

  /** Returns all problems of {@code declaration}; an empty list means code may be generated. */
  public List<Problem> validate(Declaration declaration) {
    List<Problem> problems = new ArrayList<>();
    for (SpecProblem p : SpecValidator.validate(declaration.name(), declaration.inputSize(),
        declaration.layers(), declaration.loss())) {
      problems.add(new Problem(p.message(), declaration.locate(p.layer(), p.attribute())));
    }
    String generated = qualify(declaration.packageName(), declaration.name());
    if (problems.isEmpty() && typeExists.test(generated)) {
      problems.add(new Problem(ProcessorRule.NAME_CLASH.format(generated),
          declaration.locate(SpecProblem.NETWORK, "name")));
    }
    return problems;
  }

  static String qualify(String packageName, String simpleName) {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }
}
