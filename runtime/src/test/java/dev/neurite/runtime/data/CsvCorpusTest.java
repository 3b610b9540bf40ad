package dev.neurite.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A seeded corpus of generated CSV inputs: valid files of every shape the reader supports (read
 * back exactly), and the same files damaged in each way a hostile or broken file can be (refused
 * with a {@link CsvFormatException} that names the damaged line and quotes little of it, never
 * another exception, never a hang).
 */
class CsvCorpusTest {
  private static final long SEED = 20261204L;
  private static final int INPUTS = 3000;
  private static final int MAX_MESSAGE = 600;
  private static final String[] NAMES = {"setosa", "versicolor", "virginica", "a b", "x,y", "Q"};

  /** How a valid file is damaged; NONE leaves it valid. */
  enum Damage {
    NONE, NUL, LONG_LINE, HUGE_EXPONENT, LONG_DIGITS, BACKTRACKING_CELL, NOT_A_NUMBER,
    STRAY_LABEL, MISSING_CELL, UNCLOSED_QUOTE, EMPTY, HEADER_ONLY
  }

  @Test
  void everyInputIsReadExactlyOrRefusedAtItsDamagedLine() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED);
    Map<Damage, Integer> counts = new EnumMap<>(Damage.class);
    long slowest = 0;
    Map<Damage, Long> millis = new EnumMap<>(Damage.class);
    for (int n = 0; n < INPUTS; n++) {
      Generated file = new Generated(random);
      Damage damage = Damage.values()[random.nextInt(Damage.values().length)];
      int line = file.damage(damage, random);
      long start = System.nanoTime();
      check(file, damage, line, "input " + n + " (" + damage + ")");
      long took = System.nanoTime() - start;
      slowest = Math.max(slowest, took);
      counts.merge(damage, 1, Integer::sum);
      millis.merge(damage, took / 1_000_000, Long::sum);
    }
    for (Damage damage : Damage.values()) {
      assertTrue(counts.getOrDefault(damage, 0) > 150, damage + " drawn too rarely: " + counts);
    }
    assertTrue(slowest < 1_000_000_000L, "slowest read took " + slowest / 1_000_000 + " ms");
    System.out.println("CSV corpus, seed " + SEED + ": " + INPUTS + " inputs, " + counts
        + "; slowest read " + slowest / 1_000_000 + " ms; ms per kind " + millis);
  }

  private static void check(Generated file, Damage damage, int line, String what)
      throws IOException {
    CsvReader reader = file.reader();
    if (damage == Damage.NONE) {
      Dataset data = reader.read(new StringReader(file.text()));
      file.assertReadBack(data, what);
      return;
    }
    CsvFormatException e = assertThrows(CsvFormatException.class,
        () -> reader.read(new StringReader(file.text())), what);
    assertEquals(line, e.lineNumber(), what + ": " + e.getMessage());
    assertTrue(e.getMessage().length() < MAX_MESSAGE, what + ": message of "
        + e.getMessage().length() + " characters");
  }

  @Test
  void refusesClassCountsThatWouldAllocateGigabytes() {
    for (int classes : new int[] {Integer.MAX_VALUE, CsvLabels.MAX_CLASSES + 1, 1, 0, -5}) {
      assertThrows(IllegalArgumentException.class, () -> CsvReader.builder().classes(classes));
    }
  }

  /** One generated file: its settings, its text line by line, and what it should read as. */
  private static final class Generated {
    final char delimiter;
    final boolean header;
    final CsvLabels.Kind kind;
    final List<String> classNames = new ArrayList<>();
    final int inputs;
    final int label;
    final String newline;
    final List<String> lines = new ArrayList<>();
    final List<Integer> lineNumbers = new ArrayList<>();
    final List<double[]> rows = new ArrayList<>();
    final List<double[]> targets = new ArrayList<>();
    int maxLineLength = CsvReader.DEFAULT_MAX_LINE_LENGTH;
    int classesGiven;

    Generated(SplittableRandom random) {
      delimiter = new char[] {',', ';', '\t', CsvCells.WHITESPACE}[random.nextInt(4)];
      header = random.nextBoolean();
      kind = CsvLabels.Kind.values()[random.nextInt(3)];
      if (kind != CsvLabels.Kind.REGRESSION && random.nextBoolean()) {
        List<String> pool = new ArrayList<>(Arrays.asList(NAMES));
        for (int c = kind == CsvLabels.Kind.BINARY ? 2 : 3; c > 0; c--) {
          classNames.add(pool.remove(random.nextInt(pool.size())));
        }
      }
      inputs = 1 + random.nextInt(6);
      label = random.nextInt(inputs + 1);
      newline = random.nextInt(4) == 0 ? "\r\n" : "\n";
      if (header) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c <= inputs; c++) {
          cells.add(c == label ? "target" : "x" + c);
        }
        lines.add(join(cells, random));
      }
      for (int r = 0, count = 4 + random.nextInt(30); r < count; r++) {
        if (random.nextInt(10) == 0) {
          lines.add(""); // blank lines are skipped
        }
        addRow(r, random);
      }
    }

    private void addRow(int r, SplittableRandom random) {
      double[] row = new double[inputs];
      List<String> cells = new ArrayList<>();
      for (int c = 0, k = 0; c <= inputs; c++) {
        if (c == label) {
          cells.add(labelCell(r, random));
        } else {
          row[k] = value(random);
          cells.add(random.nextInt(8) == 0 ? "\"" + row[k] + "\"" : Double.toString(row[k]));
          k++;
        }
      }
      rows.add(row);
      lines.add(join(cells, random));
      lineNumbers.add(lines.size());
    }

    private String labelCell(int r, SplittableRandom random) {
      if (kind == CsvLabels.Kind.REGRESSION) {
        double value = value(random);
        targets.add(new double[] {value});
        return Double.toString(value);
      }
      int classes = kind == CsvLabels.Kind.BINARY ? 2 : 3;
      int c = r < classes ? r : random.nextInt(classes); // each class on the first lines
      if (classNames.isEmpty()) {
        targets.add(kind == CsvLabels.Kind.BINARY ? new double[] {c} : OneHot.encode(c, 3));
        return Integer.toString(c);
      }
      int sorted = sortedNames().indexOf(classNames.get(c));
      targets.add(kind == CsvLabels.Kind.BINARY ? new double[] {sorted}
          : OneHot.encode(sorted, 3));
      return quoteIfNeeded(classNames.get(c));
    }

    private List<String> sortedNames() {
      List<String> sorted = new ArrayList<>(classNames);
      Collections.sort(sorted);
      return sorted;
    }

    private static double value(SplittableRandom random) {
      switch (random.nextInt(4)) {
        case 0: return random.nextInt(-1000, 1000);
        case 1: return random.nextDouble(-1, 1);
        case 2: return random.nextDouble() * Math.pow(10, random.nextInt(-300, 300));
        default: return Math.round(random.nextDouble(-100, 100) * 1000) / 1000.0;
      }
    }

    private static String quoteIfNeeded(String cell) {
      boolean plain = cell.indexOf(' ') < 0 && cell.indexOf(',') < 0 && cell.indexOf(';') < 0;
      return plain ? cell : "\"" + cell + "\"";
    }

    private String join(List<String> cells, SplittableRandom random) {
      String separator = delimiter != CsvCells.WHITESPACE ? String.valueOf(delimiter)
          : random.nextBoolean() ? "  " : " \t";
      StringBuilder line = new StringBuilder(delimiter == CsvCells.WHITESPACE ? " " : "");
      for (int c = 0; c < cells.size(); c++) {
        line.append(c == 0 ? "" : separator).append(cells.get(c));
      }
      return line.toString();
    }

    /** Damages the file as {@code damage} says; returns the line to be named (0: the input). */
    int damage(Damage damage, SplittableRandom random) {
      // Not the first row: it sets the column count and the kind of labels; not the first three
      // either when a new class name must be the stray one.
      int r = 3 + random.nextInt(rows.size() - 3);
      int at = lineNumbers.get(r);
      String line = lines.get(at - 1);
      switch (damage) {
        case NONE:
          return 0;
        case NUL:
          int cut = random.nextInt(line.length() + 1);
          return set(at, line.substring(0, cut) + '\u0000' + line.substring(cut));
        case LONG_LINE:
          int longest = 0;
          for (String each : lines) {
            longest = Math.max(longest, each.length());
          }
          maxLineLength = longest + random.nextInt(1, 50);
          return set(at, line + repeat(' ', maxLineLength));
        case HUGE_EXPONENT:
          return set(at, withCell(line, inputColumn(), random.nextBoolean() ? "1e400"
              : "-2.5E" + random.nextInt(309, 100_000)));
        case LONG_DIGITS:
          return set(at, withCell(line, inputColumn(), repeat('9', random.nextInt(309, 2_000))));
        case BACKTRACKING_CELL:
          return set(at, withCell(line, inputColumn(),
              repeat('1', random.nextInt(2_000, 20_000)) + "x"));
        case NOT_A_NUMBER:
          return set(at, withCell(line, inputColumn(), new String[] {"NaN", "Infinity", "0x1F",
              "1d", "--1", "1e", ".", "abc", "1..2", "\u0661"}[random.nextInt(10)]));
        case STRAY_LABEL:
          return set(at, withCell(line, label, strayLabel(random)));
        case MISSING_CELL:
          List<String> cells = cells(line);
          cells.remove(random.nextInt(cells.size()));
          return set(at, rejoin(cells));
        case UNCLOSED_QUOTE:
          return set(at, withCell(line, 0, "\"" + cells(line).get(0)));
        case EMPTY:
          lines.clear();
          lines.add(random.nextBoolean() ? "" : "  \t");
          return 0;
        case HEADER_ONLY:
          lines.subList(header ? 1 : 0, lines.size()).clear();
          if (!header) {
            lines.add(rejoin(Arrays.asList("a", "b")));
            return 1; // read as data: "a" or "b" is not a number, or no such label column
          }
          return 0;
        default:
          throw new AssertionError(damage);
      }
    }

    private String strayLabel(SplittableRandom random) {
      if (kind == CsvLabels.Kind.REGRESSION) {
        return "1e999";
      }
      if (classNames.isEmpty()) {
        return String.valueOf(kind == CsvLabels.Kind.BINARY ? 2
            : CsvLabels.MAX_CLASSES + random.nextInt(1_000_000_000));
      }
      if (kind == CsvLabels.Kind.CLASSES) {
        classesGiven = 3; // else a fourth name is just one more class
      }
      return "stray";
    }

    private int inputColumn() {
      return label == 0 ? 1 : 0;
    }

    private int set(int at, String line) {
      lines.set(at - 1, line);
      return at;
    }

    private List<String> cells(String line) {
      try {
        return new ArrayList<>(new CsvCells(delimiter).split(line, null, 1));
      } catch (CsvFormatException e) {
        throw new AssertionError(e);
      }
    }

    private String withCell(String line, int column, String cell) {
      List<String> cells = cells(line);
      for (int c = 0; c < cells.size(); c++) {
        cells.set(c, quoteIfNeeded(cells.get(c)));
      }
      cells.set(column, cell);
      return rejoin(cells);
    }

    private String rejoin(List<String> cells) {
      return String.join(delimiter == CsvCells.WHITESPACE ? " " : String.valueOf(delimiter),
          cells);
    }

    private static String repeat(char c, int count) {
      char[] chars = new char[count];
      Arrays.fill(chars, c);
      return new String(chars);
    }

    String text() {
      return String.join(newline, lines) + newline;
    }

    CsvReader reader() {
      CsvReader.Builder b = CsvReader.builder().maxLineLength(maxLineLength);
      if (delimiter == CsvCells.WHITESPACE) {
        b.whitespace();
      } else {
        b.delimiter(delimiter);
      }
      if (header) {
        b.header().labelColumn("target");
      } else {
        b.labelColumn(label);
      }
      if (kind == CsvLabels.Kind.REGRESSION) {
        b.regression();
      } else if (kind == CsvLabels.Kind.BINARY) {
        b.binary();
      } else if (classesGiven > 0) {
        b.classes(classesGiven);
      }
      return b.build();
    }

    void assertReadBack(Dataset data, String what) {
      assertEquals(rows.size(), data.size(), what);
      for (int i = 0; i < rows.size(); i++) {
        assertArrayEquals(rows.get(i), data.input(i), what + " row " + i);
        assertArrayEquals(targets.get(i), data.target(i), what + " row " + i);
      }
      assertEquals(sortedNames(), data.classNames(), what);
    }
  }
}
