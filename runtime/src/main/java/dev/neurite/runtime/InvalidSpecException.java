package dev.neurite.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Thrown when a network is built from parts that break one or more {@link SpecRule}s. */
public final class InvalidSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<SpecProblem> problems;

  /** Creates an exception listing every problem, one per line. */
  public InvalidSpecException(List<SpecProblem> problems) {
    super(describe(problems));
    this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
  }

  /** Returns every problem found, in declaration order. */
  public List<SpecProblem> problems() {
    return problems;
  }

  private static String describe(List<SpecProblem> problems) {
    StringBuilder s = new StringBuilder("invalid network:");
    for (SpecProblem p : problems) {
      s.append("\n  ").append(p);
    }
    return s.toString();
  }
}
