package dev.neurite.runtime.data;

/**
 * Reads the numbers of a CSV cell: plain decimals such as {@code -1.5e-3}, the same in every
 * locale. The grammar is checked in one pass over the characters (no regular expression, so no
 * backtracking on long cells), then {@link Double#parseDouble} converts what passed.
 */
final class CsvNumbers {
  private CsvNumbers() {}

  /**
   * Returns whether {@code text} is {@code [+-]? (digits [. digits?] | . digits)
   * ([eE] [+-]? digits)?} with ASCII digits only: what {@link Double#parseDouble} may see.
   */
  static boolean isNumber(String text) {
    int n = text.length();
    int i = skipSign(text, 0);
    int start = i;
    i = skipDigits(text, i);
    int digits = i - start;
    if (i < n && text.charAt(i) == '.') {
      int fraction = i + 1;
      i = skipDigits(text, fraction);
      digits += i - fraction;
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      int exponent = skipSign(text, i + 1);
      i = skipDigits(text, exponent);
      if (i == exponent) {
        return false;
      }
    }
    return i == n;
  }

  private static int skipSign(String text, int i) {
    return i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-') ? i + 1 : i;
  }

  private static int skipDigits(String text, int i) {
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }
}
