package dev.neurite.processor.validate;

import java.util.Collection;

/** "Did you mean" hints: the known name closest to a misspelled one. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * Returns the candidate with the smallest edit distance to {@code typed} (case-insensitive),
   * the first in iteration order on ties; {@code typed} itself when there is no candidate.
   */
  public static String closest(String typed, Collection<String> candidates) {
    String best = typed;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(typed.toLowerCase(java.util.Locale.ROOT),
          candidate.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
