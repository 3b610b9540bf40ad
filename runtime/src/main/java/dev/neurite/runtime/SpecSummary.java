package dev.neurite.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the Keras-style summary of a {@link NetworkSpec}: one row per layer, the totals, and the
 * layer count the classic way, where only layers of neurons count (not the input, not dropout).
 */
final class SpecSummary {
  private static final String[] HEADER = {"Layer", "Type", "Output size", "Parameters"};
  private static final String NOT_COUNTED = "-";

  private SpecSummary() {}

  static String of(NetworkSpec spec) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    rows.add(row(NOT_COUNTED, "Input", spec.inputSize(), 0));
    int dense = 0;
    for (int l = 0; l < spec.layerCount(); l++) {
      LayerSpec layer = spec.layer(l);
      boolean counted = layer.kind() == LayerSpec.Kind.DENSE;
      dense += counted ? 1 : 0;
      rows.add(row(counted ? String.valueOf(dense) : NOT_COUNTED, type(layer),
          spec.outputSizeOf(l), layer.parameterCount(spec.inputSizeOf(l))));
    }
    int[] widths = widths(rows);
    StringBuilder s = new StringBuilder();
    s.append("Network ").append(spec.name()).append(" (").append(spec.precision())
        .append(", loss ").append(spec.loss())
        .append(spec.huberDelta() == Loss.DEFAULT_HUBER_DELTA ? "" : " delta " + spec.huberDelta())
        .append(", seed ").append(spec.seed()).append(")\n");
    line(s, rows.get(0), widths);
    rule(s, '-', widths);
    for (int r = 1; r < rows.size(); r++) {
      line(s, rows.get(r), widths);
    }
    rule(s, '=', widths);
    s.append("Total parameters: ").append(spec.parameterCount()).append('\n');
    return s.append(count(dense, spec.layerCount() - dense)).append('\n').toString();
  }

  private static String[] row(String number, String type, int outputs, int parameters) {
    return new String[] {number, type, String.valueOf(outputs), String.valueOf(parameters)};
  }

  private static String type(LayerSpec layer) {
    if (layer.kind() == LayerSpec.Kind.DROPOUT) {
      return "Dropout " + layer.rate();
    }
    StringBuilder s = new StringBuilder("Dense ").append(layer.activation());
    if (layer.activation().hasParameter()) {
      s.append('(').append(layer.activationParameter()).append(')');
    }
    return s.append(layer.hasBias() ? "" : ", no bias").toString();
  }

  /** Input to hidden to output is a 2-layer network: the input layer has no neurons. */
  private static String count(int dense, int dropout) {
    StringBuilder s = new StringBuilder("Layers: ").append(dense)
        .append(dense == 1 ? " (the output layer" : " (" + (dense - 1) + " hidden + 1 output");
    s.append("; the input layer is not counted");
    if (dropout > 0) {
      s.append(", nor dropout, which has no neurons");
    }
    return s.append(')').toString();
  }

  private static int[] widths(List<String[]> rows) {
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    return widths;
  }

  /** Text columns align left, numbers right, as in Keras. */
  private static void line(StringBuilder s, String[] row, int[] widths) {
    for (int c = 0; c < row.length; c++) {
      boolean number = c >= 2;
      String cell = row[c];
      if (c > 0) {
        s.append("  ");
      }
      if (number) {
        pad(s, widths[c] - cell.length());
      }
      s.append(cell);
      if (!number && c < row.length - 1) {
        pad(s, widths[c] - cell.length());
      }
    }
    s.append('\n');
  }

  private static void rule(StringBuilder s, char c, int[] widths) {
    int total = 2 * (widths.length - 1);
    for (int w : widths) {
      total += w;
    }
    for (int i = 0; i < total; i++) {
      s.append(c);
    }
    s.append('\n');
  }

  private static void pad(StringBuilder s, int n) {
    for (int i = 0; i < n; i++) {
      s.append(' ');
    }
  }
}
