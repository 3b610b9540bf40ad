package dev.neurite.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a CSV (or whitespace-separated) file into a {@link Dataset}: every column but the label
 * column is an input, and the label becomes a target row: one-hot for classes, one 0/1 value for
 * a binary label ({@link Builder#binary()}, for one sigmoid output), the value itself for
 * regression.
 *
 * <p>A header line ({@link Builder#header()}) names the columns; the names are kept
 * ({@link Dataset#inputNames()}) and the label column may be chosen by name. Labels may be class
 * indices ({@code 0, 1, 2}) or class names ({@code setosa}), mapped to indices in sorted order
 * (or the order given to {@link Builder#classNames}) and kept ({@link Dataset#classNames()}).
 * Features and targets in two files pair up with {@link #read(Path, Path)}; {@link #readRows}
 * reads a file with no label at all.
 *
 * <p>Numbers are plain decimals such as {@code -1.5e-3}, read the same way in every locale; a
 * value beyond the range of a double is an error, not infinity. Cells may be quoted. Blank lines
 * are skipped. Anything that does not fit (a wrong number of columns, text that is not a number,
 * a class out of range, a line longer than {@link Builder#maxLineLength}, a NUL character, no
 * data at all) stops reading with a {@link CsvFormatException} naming the line and quoting it.
 *
 * <pre>{@code
 * Dataset iris = CsvReader.builder().header().labelColumn("species").build()
 *     .read(Paths.get("iris.csv"));
 * }</pre>
 */
public final class CsvReader {
  /** The longest line read by default, in characters. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;
  private static final int LAST = -1;

  /** What a file holds: features and a label, features only, or the label only. */
  private enum Content { FEATURES_AND_LABEL, FEATURES, LABEL }

  private final int skipLines;
  private final boolean header;
  private final char delimiter;
  private final int labelColumn;
  private final String labelName;
  private final CsvLabels.Kind kind;
  private final int classes;
  private final List<String> classNames;
  private final int maxLineLength;

  private CsvReader(Builder b) {
    this.skipLines = b.skipLines;
    this.header = b.header;
    this.delimiter = b.delimiter;
    this.labelColumn = b.labelColumn;
    this.labelName = b.labelName;
    this.kind = b.kind;
    this.classes = b.classes;
    this.classNames = b.classNames;
    this.maxLineLength = b.maxLineLength;
  }

  /**
   * Returns a builder with defaults: no header, comma-separated, label in the last column,
   * one-hot classes counted from the labels, lines of at most
   * {@value #DEFAULT_MAX_LINE_LENGTH} characters.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Reads the file at {@code path}, decompressing it first if its name ends in {@code .gz}. */
  public Dataset read(Path path) throws IOException {
    Table table = parse(path, Content.FEATURES_AND_LABEL);
    return table.dataset(table.labels.targets());
  }

  /** Reads UTF-8 text from {@code in}; the caller closes the stream. */
  public Dataset read(InputStream in) throws IOException {
    requireNonNull("input stream", in);
    return read(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** Reads text from {@code reader}; the caller closes the reader. */
  public Dataset read(Reader reader) throws IOException {
    requireNonNull("reader", reader);
    Table table = parse(reader, null, Content.FEATURES_AND_LABEL);
    return table.dataset(table.labels.targets());
  }

  /**
   * Reads features and targets kept in two files, row by row in the same order: every column of
   * {@code features} is an input; the label column of {@code targets} (its last, or the one
   * set) is the label, read as this reader's labels are.
   *
   * @throws CsvFormatException if a file does not fit, or the files hold different numbers of
   *     rows
   */
  public Dataset read(Path features, Path targets) throws IOException {
    Table inputs = parse(features, Content.FEATURES);
    Table labels = parse(targets, Content.LABEL);
    if (inputs.rows.size() != labels.labels.size()) {
      throw new CsvFormatException(null, features + " holds " + inputs.rows.size() + " rows but "
          + targets + " holds " + labels.labels.size() + ": the two files must hold one row "
          + "per sample, in the same order");
    }
    return inputs.dataset(labels.labels.targets()).withClassNames(labels.labels.classNames());
  }

  /** Reads every column of every row of {@code path} as numbers: a file with no label. */
  public double[][] readRows(Path path) throws IOException {
    return parse(path, Content.FEATURES).rows.toArray(new double[0][]);
  }

  /** Reads every column of every row from {@code reader} as numbers; the caller closes it. */
  public double[][] readRows(Reader reader) throws IOException {
    requireNonNull("reader", reader);
    return parse(reader, null, Content.FEATURES).rows.toArray(new double[0][]);
  }

  private Table parse(Path path, Content content) throws IOException {
    requireNonNull("path", path);
    try (InputStream in = Files.newInputStream(path)) {
      boolean gzip = path.getFileName().toString().endsWith(".gz");
      InputStream bytes = gzip ? new GZIPInputStream(in) : in;
      return parse(new InputStreamReader(bytes, StandardCharsets.UTF_8), path.toString(),
          content);
    }
  }

  private Table parse(Reader reader, String source, Content content) throws IOException {
    Table table = new Table(source, content);
    CsvLines lines = new CsvLines(reader, maxLineLength, source);
    for (String line = lines.next(); line != null; line = lines.next()) {
      if (lines.number() > skipLines && !line.trim().isEmpty()) {
        table.add(line, lines.number());
      }
    }
    if (table.rows.isEmpty() && table.labels.size() == 0) {
      throw new CsvFormatException(source, table.names != null
          ? "holds a header but no data rows" : "holds no data rows (it is empty or blank)");
    }
    return table;
  }

  private static void requireNonNull(String what, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
  }

  /** The rows read so far from one input, and how to read the next. */
  private final class Table {
    final String source;
    final Content content;
    final CsvCells cells = new CsvCells(delimiter);
    final List<double[]> rows = new ArrayList<>();
    final CsvLabels labels;
    List<String> names;
    int columns = -1;
    int label = -1;

    Table(String source, Content content) {
      this.source = source;
      this.content = content;
      this.labels = new CsvLabels(kind, classes, classNames, source);
    }

    void add(String line, int number) throws CsvFormatException {
      List<String> values = cells.split(line, source, number);
      if (header && names == null) {
        names = values;
        columns = values.size();
        label = labelIndex(line, number);
        return;
      }
      if (columns < 0) {
        columns = values.size();
        label = labelIndex(line, number);
      } else if (values.size() != columns) {
        throw new CsvFormatException(source, number, line, "expected " + columns + " columns "
            + (names != null ? "like the header" : "like the lines before") + ", but found "
            + values.size() + (values.size() == 1 ? cells.delimiterHint(line) : ""));
      }
      if (content != Content.LABEL) {
        rows.add(inputs(values, line, number));
      }
      if (content != Content.FEATURES) {
        labels.add(values.get(label), line, number);
      }
    }

    private double[] inputs(List<String> values, String line, int number)
        throws CsvFormatException {
      double[] row = new double[content == Content.FEATURES ? columns : columns - 1];
      int k = 0;
      for (int c = 0; c < columns; c++) {
        if (c == label) {
          continue;
        }
        String cell = values.get(c);
        if (!CsvNumbers.isNumber(cell)) {
          throw new CsvFormatException(source, number, line, columnName(c) + " must be a "
              + "number, but was " + CsvCells.quote(cell) + advice(values, line));
        }
        row[k++] = CsvLabels.number(cell, columnName(c), line, number, source);
      }
      return row;
    }

    private String advice(List<String> values, String line) {
      if (values.size() == 1) {
        return cells.delimiterHint(line);
      }
      return names == null && rows.isEmpty() && labels.size() == 0
          ? "; if this line names the columns, read it with CsvReader.builder().header()" : "";
    }

    private String columnName(int c) {
      return "column " + (c + 1) + (names != null ? " (" + CsvCells.quote(names.get(c)) + ")"
          : "");
    }

    private int labelIndex(String line, int number) throws CsvFormatException {
      if (content == Content.FEATURES) {
        return -1;
      }
      if (content == Content.FEATURES_AND_LABEL && columns < 2) {
        throw new CsvFormatException(source, number, line, "a line must hold at least one input "
            + "and a label, but found 1 column" + cells.delimiterHint(line));
      }
      if (labelName != null) {
        int index = names.indexOf(labelName);
        if (index < 0) {
          throw new CsvFormatException(source, number, line, "the header has no column named "
              + CsvCells.quote(labelName) + "; its columns are the ones quoted here");
        }
        return index;
      }
      int index = labelColumn == LAST ? columns - 1 : labelColumn;
      if (index >= columns) {
        throw new CsvFormatException(source, number, line, "the label column " + (index + 1)
            + " does not exist, the line has " + columns + " columns");
      }
      return index;
    }

    Dataset dataset(double[][] targets) {
      double[][] inputs = rows.toArray(new double[0][]);
      List<String> inputNames = Collections.emptyList();
      if (names != null) {
        inputNames = new ArrayList<>(names);
        if (label >= 0) {
          inputNames.remove(label);
        }
      }
      return Dataset.of(inputs, targets).withInputNames(inputNames)
          .withClassNames(labels.classNames());
    }
  }

  /** Configures a {@link CsvReader}. */
  public static final class Builder {
    private int skipLines;
    private boolean header;
    private char delimiter = ',';
    private int labelColumn = LAST;
    private String labelName;
    private CsvLabels.Kind kind = CsvLabels.Kind.CLASSES;
    private int classes;
    private List<String> classNames = Collections.emptyList();
    private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;

    private Builder() {}

    /** Skips the first {@code count} lines (before the header, if any); must not be negative. */
    public Builder skipLines(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("skipLines must be >= 0, but was " + count);
      }
      this.skipLines = count;
      return this;
    }

    /** Reads the first line (after the skipped ones) as the names of the columns. */
    public Builder header() {
      this.header = true;
      return this;
    }

    /** Sets the character between values, such as {@code ';'} or {@code '\t'}. */
    public Builder delimiter(char value) {
      if (value == '.' || value == '-' || value == '+' || value == '"' || value == '\0'
          || Character.isLetterOrDigit(value)) {
        throw new IllegalArgumentException("the delimiter must not be part of a number or a "
            + "quote, but was '" + value + "'");
      }
      this.delimiter = value;
      return this;
    }

    /** Separates values by one or more spaces or tabs, as many data files do. */
    public Builder whitespace() {
      this.delimiter = CsvCells.WHITESPACE;
      return this;
    }

    /** Sets the 0-based column of the label; by default the last column. */
    public Builder labelColumn(int index) {
      if (index < 0) {
        throw new IllegalArgumentException("labelColumn must be >= 0, but was " + index);
      }
      this.labelColumn = index;
      this.labelName = null;
      return this;
    }

    /** Takes the label from the column of the header named {@code name}; needs {@link #header}. */
    public Builder labelColumn(String name) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("the label column's name must not be null or empty");
      }
      this.labelName = name;
      this.labelColumn = LAST;
      return this;
    }

    /**
     * Maps each label, a class index in {@code [0, count)} or one of at most {@code count}
     * names, to a one-hot row of that length.
     */
    public Builder classes(int count) {
      if (count < 2 || count > CsvLabels.MAX_CLASSES) {
        throw new IllegalArgumentException("classes must be in [2, " + CsvLabels.MAX_CLASSES
            + "], but was " + count);
      }
      this.classes = count;
      this.kind = CsvLabels.Kind.CLASSES;
      return this;
    }

    /**
     * Maps each label, a class name, to its index in {@code names}: one-hot rows in this order
     * (or 0/1 with {@link #binary()}); a label not among them is an error.
     */
    public Builder classNames(String... names) {
      if (names == null || names.length < 2 || names.length > CsvLabels.MAX_CLASSES
          || Arrays.asList(names).contains(null)
          || new java.util.HashSet<>(Arrays.asList(names)).size() != names.length) {
        throw new IllegalArgumentException("classNames needs 2 to " + CsvLabels.MAX_CLASSES
            + " distinct, non-null names, but was " + (names == null ? "null"
            : Arrays.toString(names)));
      }
      this.classNames = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(names)));
      return this;
    }

    /**
     * Reads a two-class label as one target value, 0 or 1: for a network with one sigmoid
     * output. The label is 0 or 1, or one of two names (the second in sorted order is 1).
     */
    public Builder binary() {
      this.kind = CsvLabels.Kind.BINARY;
      this.classes = 0;
      return this;
    }

    /** Keeps each label as it is, a one-value target row: for regression. */
    public Builder regression() {
      this.kind = CsvLabels.Kind.REGRESSION;
      this.classes = 0;
      return this;
    }

    /** Sets the longest line read, in characters; a longer line is an error. */
    public Builder maxLineLength(int characters) {
      if (characters < 1) {
        throw new IllegalArgumentException("maxLineLength must be >= 1, but was " + characters);
      }
      this.maxLineLength = characters;
      return this;
    }

    /**
     * Returns the configured reader.
     *
     * @throws IllegalArgumentException if the settings contradict each other
     */
    public CsvReader build() {
      if (labelName != null && !header) {
        throw new IllegalArgumentException("labelColumn(\"" + labelName + "\") names a column, "
            + "so the file needs a header: add header()");
      }
      if (kind == CsvLabels.Kind.BINARY && classNames.size() > 2) {
        throw new IllegalArgumentException("binary() takes 2 class names, but classNames had "
            + classNames.size());
      }
      if (kind == CsvLabels.Kind.REGRESSION && !classNames.isEmpty()) {
        throw new IllegalArgumentException("regression() labels are numbers: classNames does "
            + "not apply");
      }
      return new CsvReader(this);
    }
  }
}
