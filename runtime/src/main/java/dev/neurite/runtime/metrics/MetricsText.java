package dev.neurite.runtime.metrics;

import java.util.Locale;

/** Formats metrics as plain-text tables with right-aligned columns, the same in every locale. */
final class MetricsText {
  private static final String CORNER = "true\\pred";

  private MetricsText() {}

  static String matrix(ConfusionMatrix m) {
    int n = m.classCount();
    int width = CORNER.length();
    for (int c = 0; c < n; c++) {
      width = Math.max(width, m.className(c).length());
      for (int p = 0; p < n; p++) {
        width = Math.max(width, String.valueOf(m.count(c, p)).length());
      }
    }
    StringBuilder s = new StringBuilder(left(CORNER, width));
    for (int p = 0; p < n; p++) {
      s.append("  ").append(right(m.className(p), width));
    }
    for (int c = 0; c < n; c++) {
      s.append('\n').append(left(m.className(c), width));
      for (int p = 0; p < n; p++) {
        s.append("  ").append(right(String.valueOf(m.count(c, p)), width));
      }
    }
    return s.toString();
  }

  static String report(ConfusionMatrix m) {
    int width = "macro avg".length();
    for (int c = 0; c < m.classCount(); c++) {
      width = Math.max(width, m.className(c).length());
    }
    StringBuilder s = new StringBuilder(left("class", width))
        .append("  precision     recall         f1    support");
    for (int c = 0; c < m.classCount(); c++) {
      row(s, left(m.className(c), width), m.precision(c), m.recall(c), m.f1(c), m.support(c));
    }
    row(s, left("macro avg", width), m.macroPrecision(), m.macroRecall(), m.macroF1(), m.total());
    s.append('\n').append(left("accuracy", width)).append(right("", 22))
        .append(right(decimal(m.accuracy()), 11)).append(right(String.valueOf(m.total()), 11));
    return s.toString();
  }

  private static void row(StringBuilder s, String label, double p, double r, double f1, long n) {
    s.append('\n').append(label).append(right(decimal(p), 11)).append(right(decimal(r), 11))
        .append(right(decimal(f1), 11)).append(right(String.valueOf(n), 11));
  }

  /** Four decimals with a dot: {@link Locale#ROOT}, never the user's locale. */
  static String decimal(double x) {
    return String.format(Locale.ROOT, "%.4f", x);
  }

  private static String left(String text, int width) {
    StringBuilder s = new StringBuilder(text);
    while (s.length() < width) {
      s.append(' ');
    }
    return s.toString();
  }

  private static String right(String text, int width) {
    StringBuilder s = new StringBuilder();
    while (s.length() + text.length() < width) {
      s.append(' ');
    }
    return s.append(text).toString();
  }
}
