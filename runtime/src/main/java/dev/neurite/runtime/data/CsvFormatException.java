package dev.neurite.runtime.data;

import java.io.IOException;

/**
 * Input that does not hold what the {@link CsvReader} expects: a line (its number and text are
 * kept, and the message quotes at most {@value #QUOTE_LIMIT} characters of it), or the whole input
 * (empty, or two files that do not pair up; then {@link #lineNumber()} is 0).
 */
public final class CsvFormatException extends IOException {
  private static final long serialVersionUID = 1L;
  /** Longest part of the offending line quoted in the message. */
  static final int QUOTE_LIMIT = 120;

  private final int lineNumber;
  private final String line;

  /** Creates the exception for line {@code lineNumber} (1-based) holding {@code line}. */
  public CsvFormatException(int lineNumber, String line, String problem) {
    this(null, lineNumber, line, problem);
  }

  /**
   * Creates the exception for line {@code lineNumber} (1-based) of {@code source} (a file name,
   * or null if unknown) holding {@code line}.
   */
  public CsvFormatException(String source, int lineNumber, String line, String problem) {
    super(prefix(source) + "line " + lineNumber + ": " + problem + ": \""
        + excerpt(line, QUOTE_LIMIT) + "\"");
    this.lineNumber = lineNumber;
    this.line = line;
  }

  /** Creates the exception for a problem of the whole input {@code source} (null if unknown). */
  public CsvFormatException(String source, String problem) {
    super(prefix(source) + problem);
    this.lineNumber = 0;
    this.line = "";
  }

  /** Returns the 1-based number of the offending line, header lines counted; 0 if none. */
  public int lineNumber() {
    return lineNumber;
  }

  /** Returns the text of the offending line ("" if the problem is not one line's). */
  public String line() {
    return line;
  }

  private static String prefix(String source) {
    return source == null ? "" : source + ", ";
  }

  /** Returns at most {@code limit} characters of {@code text}, saying how many were left out. */
  static String excerpt(String text, int limit) {
    return text.length() <= limit ? text
        : text.substring(0, limit) + "... (" + (text.length() - limit) + " more characters)";
  }
}
