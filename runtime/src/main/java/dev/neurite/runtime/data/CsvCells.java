package dev.neurite.runtime.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line into cells: at a delimiter character, or at runs of spaces and tabs
 * ({@link #WHITESPACE}). Cells are trimmed; a cell in double quotes may hold the delimiter, and
 * {@code ""} inside it stands for one quote.
 */
final class CsvCells {
  /** The delimiter value meaning "one or more spaces or tabs". */
  static final char WHITESPACE = '\0';
  /** The longest part of a cell quoted in a message. */
  static final int CELL_QUOTE_LIMIT = 40;

  private final char delimiter;

  CsvCells(char delimiter) {
    this.delimiter = delimiter;
  }

  /**
   * Returns the cells of {@code line}, or throws the problem (an unclosed quote, text after a
   * closing quote) as a {@link CsvFormatException} for line {@code number} of {@code source}.
   */
  List<String> split(String line, String source, int number) throws CsvFormatException {
    List<String> cells = new ArrayList<>();
    int i = skipBlanks(line, 0);
    while (true) {
      int end;
      if (i < line.length() && line.charAt(i) == '"') {
        StringBuilder cell = new StringBuilder();
        end = closingQuote(line, i + 1, cell, source, number);
        cells.add(cell.toString());
        int padded = skipBlanks(line, end);
        boolean separated = delimiter == WHITESPACE ? padded > end
            : padded < line.length() && line.charAt(padded) == delimiter;
        if (padded < line.length() && !separated) {
          throw new CsvFormatException(source, number, line, "column " + cells.size()
              + " has text after its closing quote");
        }
        end = padded;
      } else {
        end = i;
        while (end < line.length() && !isDelimiter(line.charAt(end))) {
          end++;
        }
        cells.add(line.substring(i, end).trim());
      }
      if (end >= line.length()) {
        return cells;
      }
      i = skipBlanks(line, delimiter == WHITESPACE ? skipBlanks(line, end) : end + 1);
      if (delimiter == WHITESPACE && i == line.length()) {
        return cells;
      }
    }
  }

  private static int closingQuote(String line, int from, StringBuilder cell, String source,
      int number) throws CsvFormatException {
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != '"') {
        cell.append(c);
      } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else {
        return i + 1;
      }
    }
    throw new CsvFormatException(source, number, line, "a quote opened at character " + from
        + " is not closed on this line");
  }

  private boolean isDelimiter(char c) {
    return delimiter == WHITESPACE ? c == ' ' || c == '\t' : c == delimiter;
  }

  /** Skips spaces and tabs, but not a tab that is the delimiter. */
  private int skipBlanks(String line, int i) {
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')
        && line.charAt(i) != delimiter) {
      i++;
    }
    return i;
  }

  /**
   * Returns advice when {@code line} came out as one cell but seems to use another delimiter
   * than this one, or "" when it does not.
   */
  String delimiterHint(String line) {
    if (delimiter != WHITESPACE && (line.trim().indexOf(' ') >= 0 || line.indexOf('\t') >= 0)) {
      return "; the values seem separated by spaces or tabs: read them with "
          + "CsvReader.builder().whitespace()";
    }
    for (char candidate : new char[] {',', ';', '|'}) {
      if (candidate != delimiter && line.indexOf(candidate) >= 0) {
        return "; the values seem separated by '" + candidate + "': set "
            + "CsvReader.builder().delimiter('" + candidate + "')";
      }
    }
    return "";
  }

  /** Returns {@code cell} quoted for a message, at most {@value #CELL_QUOTE_LIMIT} characters. */
  static String quote(String cell) {
    return "\"" + CsvFormatException.excerpt(cell, CELL_QUOTE_LIMIT) + "\"";
  }
}
