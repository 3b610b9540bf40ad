package dev.neurite.runtime.data;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines ({@code \n}, {@code \r\n} or {@code \r}) without ever holding more than
 * one line of at most {@code maxLength} characters: a longer line, or a NUL character (binary data
 * or UTF-16 text read as UTF-8), stops reading with a {@link CsvFormatException} naming the line.
 * A byte order mark at the start is dropped.
 */
final class CsvLines {
  private final Reader in;
  private final int maxLength;
  private final String source;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private int number;

  CsvLines(Reader in, int maxLength, String source) {
    this.in = in;
    this.maxLength = maxLength;
    this.source = source;
  }

  /** Returns the 1-based number of the line {@link #next()} returned last. */
  int number() {
    return number;
  }

  /** Returns the next line without its terminator, or null at the end of the text. */
  String next() throws IOException {
    int c = read();
    if (c < 0) {
      return null;
    }
    number++;
    StringBuilder line = new StringBuilder();
    for (; c >= 0 && c != '\n' && c != '\r'; c = read()) {
      if (c == 0) {
        throw new CsvFormatException(source, number, line.toString(), "holds a NUL character at "
            + "column " + (line.length() + 1) + ": this is not UTF-8 text (binary data, or "
            + "UTF-16?); save the file as UTF-8 text");
      }
      if (line.length() == maxLength) {
        throw new CsvFormatException(source, number, line.toString(), "is longer than "
            + maxLength + " characters; if the file is right, raise the limit with "
            + "maxLineLength(...)");
      }
      line.append((char) c);
    }
    if (c == '\r' && read() != '\n' && limit > 0) {
      position--; // not part of the terminator: the first character of the next line
    }
    if (number == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
      line.deleteCharAt(0);
    }
    return line.toString();
  }

  private int read() throws IOException {
    if (position == limit) {
      limit = Math.max(0, in.read(buffer, 0, buffer.length));
      position = 0;
      if (limit == 0) {
        return -1;
      }
    }
    return buffer[position++];
  }
}
