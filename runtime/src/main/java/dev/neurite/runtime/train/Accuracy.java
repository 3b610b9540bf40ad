package dev.neurite.runtime.train;

import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.metrics.Classes;

/**
 * When the progress of training can report accuracy (one-hot targets, or a single 0/1 target),
 * and whether one prediction is right, classes read as {@link Classes} reads them.
 */
final class Accuracy {
  private Accuracy() {}

  /** Returns whether every target of {@code data} is one-hot, or a single 0 or 1. */
  static boolean appliesTo(Dataset data, int outputSize) {
    if (data.size() == 0 || data.targetSize() != outputSize) {
      return false;
    }
    for (int i = 0; i < data.size(); i++) {
      if (!isClassTarget(data.target(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isClassTarget(double[] target) {
    int ones = 0;
    for (double t : target) {
      if (t == 1) {
        ones++;
      } else if (t != 0) {
        return false;
      }
    }
    return target.length == 1 || ones == 1;
  }

  /** Returns whether {@code output} predicts the class of {@code target}. */
  static boolean isCorrect(double[] output, double[] target) {
    return Classes.of(output) == Classes.of(target);
  }
}
