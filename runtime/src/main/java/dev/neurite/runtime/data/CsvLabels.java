package dev.neurite.runtime.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the label of each row and turns the labels into target rows: one-hot rows for classes
 * (class indices, or class names mapped to indices in sorted order, or in the order given), one
 * 0/1 value for a binary label, the value itself for regression. Every label is judged on its
 * own line, so each error names that line; the memory the targets will take is capped.
 */
final class CsvLabels {
  /** The most classes a reader accepts, given or counted from the data. */
  static final int MAX_CLASSES = 10_000;
  /** The most values all target rows together may hold (512 MB of doubles). */
  static final long MAX_TARGET_VALUES = 1L << 26;

  /** How the labels become targets. */
  enum Kind { CLASSES, BINARY, REGRESSION }

  private final Kind kind;
  private final int givenClasses;
  private final List<String> givenNames;
  private final String source;
  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> nameIndex = new TreeMap<>();
  private int[] indices = new int[64];
  private double[] values = new double[0];
  private int rows;
  private Boolean numeric;
  private int largest = -1;
  private int largestLine;
  private String largestText;

  /**
   * Labels of {@code kind}; {@code classes} is the class count given by the user (0 to count them),
   * {@code classNames} the names given in order (empty to take them from the data).
   */
  CsvLabels(Kind kind, int classes, List<String> classNames, String source) {
    this.kind = kind;
    this.givenClasses = classes;
    this.givenNames = classNames;
    this.source = source;
    for (String name : classNames) {
      nameIndex.put(name, nameIndex.size());
      names.add(name);
    }
  }

  /** Adds the label {@code cell} of line {@code number}, whose text is {@code line}. */
  void add(String cell, String line, int number) throws CsvFormatException {
    if (rows == indices.length) {
      indices = Arrays.copyOf(indices, rows * 2);
    }
    if (kind == Kind.REGRESSION) {
      addValue(cell, line, number);
      return;
    }
    boolean isNumber = CsvNumbers.isNumber(cell);
    if (numeric == null) {
      numeric = isNumber && givenNames.isEmpty();
    }
    indices[rows++] = numeric ? classIndex(cell, isNumber, line, number)
        : nameIndex(cell, line, number);
  }

  private void addValue(String cell, String line, int number) throws CsvFormatException {
    if (values.length == rows) {
      values = Arrays.copyOf(values, Math.max(64, rows * 2));
    }
    values[rows++] = number(cell, "label", line, number, source);
  }

  /** Returns the number in {@code cell}, or throws naming {@code what} and the line. */
  static double number(String cell, String what, String line, int number, String source)
      throws CsvFormatException {
    if (!CsvNumbers.isNumber(cell)) {
      throw new CsvFormatException(source, number, line, what + " must be a number, but was "
          + CsvCells.quote(cell));
    }
    double value = Double.parseDouble(cell);
    if (Double.isInfinite(value)) {
      throw new CsvFormatException(source, number, line, what + " is beyond the range of a "
          + "double (magnitude at most about 1.8e308): " + CsvCells.quote(cell));
    }
    return value;
  }

  private int classIndex(String cell, boolean isNumber, String line, int number)
      throws CsvFormatException {
    if (!isNumber) {
      throw new CsvFormatException(source, number, line, "the label must be a class index like "
          + "the labels above it, but was " + CsvCells.quote(cell) + "; a file whose labels are "
          + "names must name every class (the first label decides)");
    }
    double label = Double.parseDouble(cell);
    int limit = kind == Kind.BINARY ? 2 : givenClasses > 0 ? givenClasses : MAX_CLASSES;
    if (label != Math.rint(label) || label < 0 || label >= limit) {
      throw new CsvFormatException(source, number, line, "the label must be a class index in "
          + "[0, " + limit + ")" + (kind == Kind.BINARY ? " for binary()" : givenClasses > 0
          ? " for classes(" + givenClasses + ")" : "") + ", but was " + CsvCells.quote(cell));
    }
    int index = (int) label;
    if (index > largest) {
      largest = index;
      largestLine = number;
      largestText = line;
    }
    return index;
  }

  private int nameIndex(String cell, String line, int number) throws CsvFormatException {
    Integer index = nameIndex.get(cell);
    if (index != null) {
      return index;
    }
    if (!givenNames.isEmpty()) {
      throw new CsvFormatException(source, number, line, "the label " + CsvCells.quote(cell)
          + " is not one of the classes given to classNames(...): " + list(givenNames));
    }
    int limit = kind == Kind.BINARY ? 2 : givenClasses > 0 ? givenClasses : MAX_CLASSES;
    if (names.size() == limit) {
      throw new CsvFormatException(source, number, line, "the label " + CsvCells.quote(cell)
          + " would be class number " + (limit + 1) + ", but " + (kind == Kind.BINARY
          ? "binary() takes 2" : givenClasses > 0 ? "classes(" + givenClasses + ") was set"
          : "at most " + MAX_CLASSES + " classes are read") + "; the classes so far: "
          + list(names));
    }
    nameIndex.put(cell, names.size());
    names.add(cell);
    return names.size() - 1;
  }

  private static String list(List<String> names) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < names.size() && i < 10; i++) {
      text.append(i == 0 ? "" : ", ").append(CsvCells.quote(names.get(i)));
    }
    return names.size() > 10 ? text + ", ... (" + names.size() + " in all)" : text.toString();
  }

  /** Returns the number of labels added. */
  int size() {
    return rows;
  }

  /**
   * Returns the class names: as given, or the names found in sorted order (scikit-learn's
   * LabelEncoder order); empty for class indices and regression.
   */
  List<String> classNames() {
    if (kind == Kind.REGRESSION || Boolean.TRUE.equals(numeric)) {
      return Collections.emptyList();
    }
    if (!givenNames.isEmpty()) {
      return Collections.unmodifiableList(new ArrayList<>(givenNames));
    }
    List<String> sorted = new ArrayList<>(nameIndex.keySet());
    return Collections.unmodifiableList(sorted);
  }

  /** Returns one target row per label. */
  double[][] targets() throws CsvFormatException {
    double[][] targets = new double[rows][];
    if (kind == Kind.REGRESSION) {
      for (int i = 0; i < rows; i++) {
        targets[i] = new double[] {values[i]};
      }
      return targets;
    }
    int[] order = sortedOrder();
    int width = kind == Kind.BINARY ? 1 : classCount();
    for (int i = 0; i < rows; i++) {
      int c = order[indices[i]];
      targets[i] = kind == Kind.BINARY ? new double[] {c} : OneHot.encode(c, width);
    }
    return targets;
  }

  /** Maps each index in the order names appeared to its index in {@link #classNames()}. */
  private int[] sortedOrder() {
    int count = Boolean.TRUE.equals(numeric) ? Math.max(largest + 1, 2) : names.size();
    int[] order = new int[Math.max(count, 1)];
    if (Boolean.TRUE.equals(numeric) || !givenNames.isEmpty()) {
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      return order;
    }
    int position = 0;
    for (int firstSeen : nameIndex.values()) { // a TreeMap: in sorted order of the names
      order[firstSeen] = position++;
    }
    return order;
  }

  private int classCount() throws CsvFormatException {
    int count;
    if (givenClasses > 0) {
      count = givenClasses;
    } else if (Boolean.TRUE.equals(numeric)) {
      count = Math.max(largest + 1, 2);
    } else {
      count = Math.max(names.size(), 2);
    }
    long total = (long) count * rows;
    if (total > MAX_TARGET_VALUES) {
      String problem = "one-hot targets of " + rows + " rows and " + count + " classes would "
          + "hold " + total + " values, more than the limit of " + MAX_TARGET_VALUES;
      if (givenClasses > 0 || !Boolean.TRUE.equals(numeric)) {
        throw new CsvFormatException(source, problem + "; read fewer rows at a time");
      }
      throw new CsvFormatException(source, largestLine, largestText, "the label " + largest
          + " means " + count + " classes, and " + problem + "; if it is a stray value, fix this "
          + "line; if the classes are right, read fewer rows at a time");
    }
    return count;
  }
}
