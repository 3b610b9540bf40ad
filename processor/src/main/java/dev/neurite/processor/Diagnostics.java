package dev.neurite.processor;

import dev.neurite.processor.read.AnnotationTrees;
import dev.neurite.processor.read.Location;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/**
 * Reports errors where they belong: at the exact source tree where one is known (javac's tree
 * API), else at the element, annotation and value through the {@link Messager}.
 */
final class Diagnostics {
  /** How many stack frames an internal error shows: enough to find the bug, not a wall. */
  private static final int REPORTED_FRAMES = 8;

  private final Messager messager;
  private final AnnotationTrees trees;

  Diagnostics(Messager messager, AnnotationTrees trees) {
    this.messager = messager;
    this.trees = trees;
  }

  /** Reports the error {@code message} at {@code at}. */
  void report(String message, Location at) {
    if (at.tree() != null && trees.trees() != null) {
      trees.trees().printMessage(Diagnostic.Kind.ERROR, message, at.tree().getLeaf(),
          at.tree().getCompilationUnit());
      return;
    }
    messager.printMessage(Diagnostic.Kind.ERROR, message, at.element(), at.annotation(),
        at.value());
  }

  /** The exception and its first frames: what a bug report needs, in a readable message. */
  static String summary(Throwable e) {
    StringBuilder s = new StringBuilder(e.toString());
    StackTraceElement[] frames = e.getStackTrace();
    for (int i = 0; i < Math.min(REPORTED_FRAMES, frames.length); i++) {
      s.append("\n\tat ").append(frames[i]);
    }
    return s.toString();
  }
}
