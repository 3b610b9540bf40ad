package dev.neurite.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  private static Dataset read(CsvReader reader, String text) throws IOException {
    return reader.read(new StringReader(text));
  }

  @Test
  void readsInputsAndOneHotLabelsSkippingTheHeader() throws IOException {
    Dataset data = read(CsvReader.builder().skipLines(1).build(),
        "150,4,setosa,versicolor,virginica\n5.1,3.5,0\n-1e-1,+2.,2\n\n.5,7,1\n");
    assertEquals(3, data.size());
    assertArrayEquals(new double[] {5.1, 3.5}, data.input(0));
    assertArrayEquals(new double[] {-0.1, 2}, data.input(1));
    assertArrayEquals(new double[] {0, 0, 1}, data.target(1));
    assertArrayEquals(new double[] {0, 1, 0}, data.target(2));
  }

  @Test
  void keepsTheLabelAsANumberForRegressionAndTakesAnyLabelColumn() throws IOException {
    Dataset data = read(CsvReader.builder().labelColumn(0).delimiter(';').regression().build(),
        "2.5;1;2\r\n-3;4;5\r\n");
    assertArrayEquals(new double[] {1, 2}, data.input(0));
    assertArrayEquals(new double[] {2.5}, data.target(0));
    assertArrayEquals(new double[] {4, 5}, data.input(1));
    assertArrayEquals(new double[] {-3}, data.target(1));
  }

  @Test
  void readsTabsAndAFixedClassCount() throws IOException {
    Dataset data = read(CsvReader.builder().delimiter('\t').classes(4).build(), "1\t 2 \t1\n");
    assertArrayEquals(new double[] {1, 2}, data.input(0));
    assertArrayEquals(new double[] {0, 1, 0, 0}, data.target(0));
  }

  @Test
  void parsesTheSameWayInAnyLocale() throws IOException {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      Dataset data = read(CsvReader.builder().regression().build(), "1.5,2.25\n");
      assertArrayEquals(new double[] {1.5}, data.input(0));
      assertCsvError(CsvReader.builder().build(), "1,5;1\n", 1);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void reportsTheLineNumberAndTextOfAMalformedLine() {
    CsvFormatException e = assertCsvError(CsvReader.builder().skipLines(1).build(),
        "a,b,label\n1,2,0\n\n3,x4,1\n", 4);
    assertEquals("3,x4,1", e.line());
    assertTrue(e.getMessage().contains("column 2 must be a number, but was \"x4\""),
        e.getMessage());
    assertTrue(e.getMessage().contains("\"3,x4,1\""), e.getMessage());
  }

  @Test
  void reportsAWrongColumnCount() {
    CsvFormatException e = assertCsvError(CsvReader.builder().build(), "1,2,0\n1,0\n", 2);
    assertTrue(e.getMessage().contains("expected 3 columns"), e.getMessage());
  }

  @Test
  void refusesWhatDoubleParseDoubleWouldWronglyAccept() {
    for (String cell : new String[] {"NaN", "Infinity", "1d", "0x10", "1f", "", "1e"}) {
      assertCsvError(CsvReader.builder().build(), "1,0\n" + cell + ",1\n", 2);
    }
  }

  @Test
  void refusesLabelsThatAreNotClassIndices() {
    assertCsvError(CsvReader.builder().build(), "1,0\n1,0.5\n", 2);
    assertCsvError(CsvReader.builder().build(), "1,-1\n", 1);
    assertCsvError(CsvReader.builder().classes(3).build(), "1,0\n2,1\n3,3\n", 3);
    assertCsvError(CsvReader.builder().build(), "1,1e12\n", 1);
    assertCsvError(CsvReader.builder().labelColumn(5).build(), "1,2\n", 1);
  }

  @Test
  void readsGzipFilesAndStreams(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("data.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("1,2,1\n3,4,0\n".getBytes(StandardCharsets.UTF_8));
    }
    Dataset data = CsvReader.builder().build().read(file);
    assertEquals(2, data.size());
    assertArrayEquals(new double[] {3, 4}, data.input(1));
    Dataset fromStream = CsvReader.builder().build().read(
        new ByteArrayInputStream("\uFEFF7,1\n".getBytes(StandardCharsets.UTF_8)));
    assertArrayEquals(new double[] {7}, fromStream.input(0));
  }

  @Test
  void refusesBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> CsvReader.builder().skipLines(-1));
    assertThrows(IllegalArgumentException.class, () -> CsvReader.builder().delimiter('.'));
    assertThrows(IllegalArgumentException.class, () -> CsvReader.builder().classes(1));
    assertThrows(IllegalArgumentException.class, () -> CsvReader.builder().labelColumn(-2));
  }

  private static CsvFormatException assertCsvError(CsvReader reader, String text, int line) {
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(reader, text));
    assertEquals(line, e.lineNumber(), e.getMessage());
    assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
    return e;
  }
}
