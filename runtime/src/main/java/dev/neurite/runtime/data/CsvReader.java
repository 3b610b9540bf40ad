package dev.neurite.runtime.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads a numeric CSV file into a {@link Dataset}: every column but the label column is an input,
 * and the label becomes a one-hot target row (classification) or a one-value target row
 * (regression).
 *
 * <p>Numbers are plain decimals such as {@code -1.5e-3}, read the same way in every locale;
 * values are not quoted. Blank lines are skipped. A line that does not fit (a wrong number of
 * columns, text that is not a number, a class out of range) stops reading with a
 * {@link CsvFormatException} naming its line number and quoting it.
 *
 * <pre>{@code
 * Dataset iris = CsvReader.builder().skipLines(1).build().read(Paths.get("iris.csv"));
 * }</pre>
 */
public final class CsvReader {
  /** A plain decimal with an optional exponent: what {@link Double#parseDouble} may see. */
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final int LAST = -1;
  private static final int INFER = 0;
  /** The most classes counted from the data, so that a stray label cannot allocate huge rows. */
  static final int MAX_INFERRED_CLASSES = 10_000;

  private final int skipLines;
  private final char delimiter;
  private final int labelColumn;
  private final boolean regression;
  private final int classes;

  private CsvReader(Builder b) {
    this.skipLines = b.skipLines;
    this.delimiter = b.delimiter;
    this.labelColumn = b.labelColumn;
    this.regression = b.regression;
    this.classes = b.classes;
  }

  /**
   * Returns a builder with defaults: no header, comma-separated, label in the last column, one-hot
   * classes counted from the largest label.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Reads the file at {@code path}, decompressing it first if its name ends in {@code .gz}. */
  public Dataset read(Path path) throws IOException {
    if (path == null) {
      throw new IllegalArgumentException("path must not be null");
    }
    try (InputStream in = Files.newInputStream(path)) {
      boolean gzip = path.getFileName().toString().endsWith(".gz");
      return read(gzip ? new GZIPInputStream(in) : in);
    }
  }

  /** Reads UTF-8 text from {@code in}; the caller closes the stream. */
  public Dataset read(InputStream in) throws IOException {
    if (in == null) {
      throw new IllegalArgumentException("input stream must not be null");
    }
    return read(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** Reads text from {@code reader}; the caller closes the reader. */
  public Dataset read(Reader reader) throws IOException {
    if (reader == null) {
      throw new IllegalArgumentException("reader must not be null");
    }
    BufferedReader lines = new BufferedReader(reader);
    List<double[]> inputs = new ArrayList<>();
    List<Double> labels = new ArrayList<>();
    int lineNumber = 0;
    int columns = -1;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      if (lineNumber <= skipLines || line.trim().isEmpty()) {
        continue;
      }
      double[] values = parseLine(line, lineNumber, columns);
      columns = values.length;
      int label = labelIndex(columns, line, lineNumber);
      checkLabel(values[label], line, lineNumber);
      inputs.add(withoutColumn(values, label));
      labels.add(values[label]);
    }
    return Dataset.of(inputs.toArray(new double[0][]), targets(labels));
  }

  private double[] parseLine(String line, int lineNumber, int expectedColumns)
      throws CsvFormatException {
    String text = lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    List<String> cells = splitCells(text);
    if (expectedColumns >= 0 && cells.size() != expectedColumns) {
      throw new CsvFormatException(lineNumber, line, "expected " + expectedColumns
          + " columns like the lines before, but found " + cells.size());
    }
    double[] values = new double[cells.size()];
    for (int c = 0; c < values.length; c++) {
      String cell = cells.get(c).trim();
      if (!NUMBER.matcher(cell).matches()) {
        throw new CsvFormatException(lineNumber, line, "column " + (c + 1)
            + " must be a number, but was \"" + cell + "\"");
      }
      values[c] = Double.parseDouble(cell);
    }
    return values;
  }

  private List<String> splitCells(String line) {
    List<String> cells = new ArrayList<>();
    int start = 0;
    for (int i = line.indexOf(delimiter); i >= 0; i = line.indexOf(delimiter, start)) {
      cells.add(line.substring(start, i));
      start = i + 1;
    }
    cells.add(line.substring(start));
    return cells;
  }

  private int labelIndex(int columns, String line, int lineNumber) throws CsvFormatException {
    if (columns < 2) {
      throw new CsvFormatException(lineNumber, line,
          "a line must hold at least one input and a label, but found " + columns + " column");
    }
    int index = labelColumn == LAST ? columns - 1 : labelColumn;
    if (index >= columns) {
      throw new CsvFormatException(lineNumber, line, "the label column " + (index + 1)
          + " does not exist, the line has " + columns + " columns");
    }
    return index;
  }

  private static double[] withoutColumn(double[] values, int column) {
    double[] row = new double[values.length - 1];
    System.arraycopy(values, 0, row, 0, column);
    System.arraycopy(values, column + 1, row, column, row.length - column);
    return row;
  }

  private void checkLabel(double label, String line, int lineNumber)
      throws CsvFormatException {
    int limit = classes == INFER ? MAX_INFERRED_CLASSES : classes;
    if (!regression && (label != Math.rint(label) || label < 0 || label >= limit)) {
      throw new CsvFormatException(lineNumber, line, "the label must be a class index in [0, "
          + limit + "), but was " + label);
    }
  }

  private double[][] targets(List<Double> labels) {
    double[][] targets = new double[labels.size()][];
    int classCount = regression || classes != INFER ? classes : inferClasses(labels);
    for (int i = 0; i < targets.length; i++) {
      double label = labels.get(i);
      targets[i] = regression ? new double[] {label} : OneHot.encode((int) label, classCount);
    }
    return targets;
  }

  /** Counts the classes as the largest label plus one, and at least 2. */
  private static int inferClasses(List<Double> labels) {
    double max = 1;
    for (double label : labels) {
      max = Math.max(max, label);
    }
    return (int) max + 1;
  }

  /** Configures a {@link CsvReader}. */
  public static final class Builder {
    private int skipLines;
    private char delimiter = ',';
    private int labelColumn = LAST;
    private boolean regression;
    private int classes = INFER;

    private Builder() {}

    /** Skips the first {@code count} lines (headers); must not be negative. */
    public Builder skipLines(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("skipLines must be >= 0, but was " + count);
      }
      this.skipLines = count;
      return this;
    }

    /** Sets the character between values, such as {@code ';'} or {@code '\t'}. */
    public Builder delimiter(char value) {
      if (value == '.' || value == '-' || value == '+' || Character.isLetterOrDigit(value)) {
        throw new IllegalArgumentException("the delimiter must not be part of a number, but was '"
            + value + "'");
      }
      this.delimiter = value;
      return this;
    }

    /** Sets the 0-based column of the label; by default the last column. */
    public Builder labelColumn(int index) {
      if (index < 0) {
        throw new IllegalArgumentException("labelColumn must be >= 0, but was " + index);
      }
      this.labelColumn = index;
      return this;
    }

    /** Maps each label, a class index in {@code [0, count)}, to a one-hot row of that length. */
    public Builder classes(int count) {
      if (count < 2) {
        throw new IllegalArgumentException("classes must be at least 2, but was " + count);
      }
      this.classes = count;
      this.regression = false;
      return this;
    }

    /** Keeps each label as it is, a one-value target row: for regression. */
    public Builder regression() {
      this.regression = true;
      this.classes = INFER;
      return this;
    }

    /** Returns the configured reader. */
    public CsvReader build() {
      return new CsvReader(this);
    }
  }
}
