package dev.neurite.runtime.data;

import java.io.IOException;

/** A line of a CSV file that does not hold what the {@link CsvReader} expects. */
public final class CsvFormatException extends IOException {
  private static final long serialVersionUID = 1L;
  /** Longest part of the offending line quoted in the message. */
  private static final int QUOTE_LIMIT = 120;

  private final int lineNumber;
  private final String line;

  /** Creates the exception for line {@code lineNumber} (1-based) holding {@code line}. */
  public CsvFormatException(int lineNumber, String line, String problem) {
    super("line " + lineNumber + ": " + problem + ": \"" + quote(line) + "\"");
    this.lineNumber = lineNumber;
    this.line = line;
  }

  /** Returns the 1-based number of the offending line in the input, header lines counted. */
  public int lineNumber() {
    return lineNumber;
  }

  /** Returns the text of the offending line. */
  public String line() {
    return line;
  }

  private static String quote(String line) {
    return line.length() <= QUOTE_LIMIT ? line : line.substring(0, QUOTE_LIMIT) + "...";
  }
}
