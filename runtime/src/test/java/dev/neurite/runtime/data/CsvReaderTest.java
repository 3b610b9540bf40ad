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
import java.util.Arrays;
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
      assertCsvError(CsvReader.builder().regression().build(), "1,5;1\n", 1);
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

  @Test
  void keepsTheHeaderAndTakesTheLabelByNameWithClassNamesInSortedOrder() throws IOException {
    Dataset data = read(CsvReader.builder().header().labelColumn("species").build(),
        "sepal,species,petal\n5.1,setosa,0.2\n7.0,versicolor,1.4\n6.3,\"virginica\",2.5\n"
            + "4.9,setosa,0.1\n");
    assertEquals(Arrays.asList("sepal", "petal"), data.inputNames());
    assertEquals(Arrays.asList("setosa", "versicolor", "virginica"), data.classNames());
    assertArrayEquals(new double[] {6.3, 2.5}, data.input(2));
    assertArrayEquals(new double[] {0, 0, 1}, data.target(2));
    assertArrayEquals(new double[] {1, 0, 0}, data.target(3));
  }

  @Test
  void mapsNamesInTheOrderGivenAndRefusesOthers() throws IOException {
    CsvReader reader = CsvReader.builder().classNames("low", "high").build();
    assertArrayEquals(new double[] {0, 1}, read(reader, "1,high\n2,low\n").target(0));
    CsvFormatException e = assertCsvError(reader, "1,high\n2,mid\n", 2);
    assertTrue(e.getMessage().contains("\"mid\" is not one of the classes given to "
        + "classNames(...): \"low\", \"high\""), e.getMessage());
  }

  @Test
  void readsABinaryLabelAsOneColumnForOneSigmoidOutput() throws IOException {
    Dataset numbers = read(CsvReader.builder().binary().build(), "1,0\n2,1\n");
    assertArrayEquals(new double[] {1}, numbers.target(1));
    Dataset names = read(CsvReader.builder().labelColumn(0).binary().build(), "M,1\nB,2\n");
    assertEquals(Arrays.asList("B", "M"), names.classNames());
    assertArrayEquals(new double[] {1}, names.target(0));
    assertArrayEquals(new double[] {0}, names.target(1));
    CsvFormatException third = assertCsvError(CsvReader.builder().binary().build(),
        "1,yes\n2,no\n3,maybe\n", 3);
    assertTrue(third.getMessage().contains("\"maybe\" would be class number 3, but binary() "
        + "takes 2; the classes so far: \"yes\", \"no\""), third.getMessage());
    CsvFormatException two = assertCsvError(CsvReader.builder().binary().build(), "1,2\n", 1);
    assertTrue(two.getMessage().contains("class index in [0, 2) for binary(), but was \"2\""),
        two.getMessage());
  }

  @Test
  void readsWhitespaceSeparatedFilesAndPairsFeaturesWithTargets(@TempDir Path dir)
      throws IOException {
    Path features = write(dir, "x.txt", "  59 2\t32.1\n48   1 21.6  \n");
    Path targets = write(dir, "y.txt", "151\n75\n");
    CsvReader reader = CsvReader.builder().whitespace().regression().build();
    Dataset data = reader.read(features, targets);
    assertArrayEquals(new double[] {48, 1, 21.6}, data.input(1));
    assertArrayEquals(new double[] {75}, data.target(1));
    assertArrayEquals(new double[] {59, 2, 32.1}, reader.readRows(features)[0]);
    Path short_ = write(dir, "short.txt", "151\n");
    CsvFormatException e = assertThrows(CsvFormatException.class,
        () -> reader.read(features, short_));
    assertEquals(features + " holds 2 rows but " + short_ + " holds 1: the two files must hold "
        + "one row per sample, in the same order", e.getMessage());
  }

  @Test
  void saysWhichDelimiterToSetWhenALineIsOneColumn() {
    CsvFormatException spaces = assertCsvError(CsvReader.builder().build(), "1 2 0\n", 1);
    assertTrue(spaces.getMessage().contains("found 1 column; the values seem separated by spaces "
        + "or tabs: read them with CsvReader.builder().whitespace()"), spaces.getMessage());
    CsvFormatException semicolons = assertThrows(CsvFormatException.class,
        () -> CsvReader.builder().build().readRows(new StringReader("1;2\n")));
    assertTrue(semicolons.getMessage().contains("column 1 must be a number, but was \"1;2\"; the "
        + "values seem separated by ';': set CsvReader.builder().delimiter(';')"),
        semicolons.getMessage());
  }

  @Test
  void suggestsHeaderWhenTheFirstLineNamesTheColumns() {
    CsvFormatException e = assertCsvError(CsvReader.builder().build(), "a,b,label\n1,2,0\n", 1);
    assertTrue(e.getMessage().contains("column 1 must be a number, but was \"a\"; if this line "
        + "names the columns, read it with CsvReader.builder().header()"), e.getMessage());
  }

  @Test
  void refusesAMissingLabelNameOrOneWithoutAHeader() {
    CsvFormatException e = assertCsvError(CsvReader.builder().header().labelColumn("kind")
        .build(), "a,b\n1,2\n", 1);
    assertTrue(e.getMessage().contains("the header has no column named \"kind\""),
        e.getMessage());
    IllegalArgumentException noHeader = assertThrows(IllegalArgumentException.class,
        () -> CsvReader.builder().labelColumn("kind").build());
    assertEquals("labelColumn(\"kind\") names a column, so the file needs a header: add "
        + "header()", noHeader.getMessage());
  }

  @Test
  void refusesNumbersBeyondDoubleRangeInsteadOfReadingInfinity() {
    CsvFormatException exponent = assertCsvError(CsvReader.builder().build(), "1e400,1\n", 1);
    assertTrue(exponent.getMessage().contains("column 1 is beyond the range of a double "
        + "(magnitude at most about 1.8e308): \"1e400\""), exponent.getMessage());
    String digits = new String(new char[400]).replace('\0', '9');
    assertCsvError(CsvReader.builder().regression().build(), "1," + digits + "\n", 1);
    assertCsvError(CsvReader.builder().build(), "-" + digits + ",0\n", 1);
  }

  @Test
  void refusesEmptyAndHeaderOnlyInput() {
    CsvFormatException empty = assertThrows(CsvFormatException.class,
        () -> read(CsvReader.builder().build(), "\n  \n"));
    assertEquals("holds no data rows (it is empty or blank)", empty.getMessage());
    assertEquals(0, empty.lineNumber());
    CsvFormatException headerOnly = assertThrows(CsvFormatException.class,
        () -> read(CsvReader.builder().header().build(), "a,b\n"));
    assertEquals("holds a header but no data rows", headerOnly.getMessage());
  }

  @Test
  void refusesANulCharacterAndAnOverlongLineNamingTheLine() {
    CsvFormatException nul = assertCsvError(CsvReader.builder().build(), "1,0\n2\u0000,1\n", 2);
    assertTrue(nul.getMessage().contains("holds a NUL character at column 2: this is not UTF-8 "
        + "text (binary data, or UTF-16?); save the file as UTF-8 text"), nul.getMessage());
    CsvFormatException longLine = assertCsvError(CsvReader.builder().maxLineLength(10).build(),
        "1,0\n12345678901,1\n", 2);
    assertTrue(longLine.getMessage().contains("is longer than 10 characters; if the file is "
        + "right, raise the limit with maxLineLength(...)"), longLine.getMessage());
  }

  @Test
  void readsAHugeMalformedCellQuicklyAndQuotesLittleOfIt() {
    String cell = new String(new char[40_000]).replace('\0', '7') + "x";
    long start = System.nanoTime();
    CsvFormatException e = assertCsvError(CsvReader.builder().build(), cell + ",1\n", 1);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 2_000, "took " + millis + " ms");
    assertTrue(e.getMessage().length() < 400, e.getMessage());
    assertTrue(e.getMessage().contains("... (39961 more characters)\""), e.getMessage());
  }

  @Test
  void capsClassCountsAndNamesTheLineOfAStrayLabel() {
    assertThrows(IllegalArgumentException.class,
        () -> CsvReader.builder().classes(Integer.MAX_VALUE));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append(i).append(',').append(i == 1234 ? 9999 : i % 3).append('\n');
    }
    CsvFormatException e = assertCsvError(CsvReader.builder().build(), text.toString(), 1235);
    assertTrue(e.getMessage().contains("the label 9999 means 10000 classes, and one-hot targets "
        + "of 20000 rows and 10000 classes would hold 200000000 values, more than the limit of "
        + "67108864; if it is a stray value, fix this line"), e.getMessage());
    assertCsvError(CsvReader.builder().build(), "1,10000\n", 1);
  }

  @Test
  void refusesAMixOfClassIndicesAndNames() {
    CsvFormatException e = assertCsvError(CsvReader.builder().build(), "1,0\n2,cat\n", 2);
    assertTrue(e.getMessage().contains("the label must be a class index like the labels above "
        + "it, but was \"cat\""), e.getMessage());
  }

  @Test
  void readsQuotedCellsHoldingTheDelimiter() throws IOException {
    Dataset data = read(CsvReader.builder().header().labelColumn("kind").build(),
        "\"width, cm\",kind\n\"1.5\",\"a \"\"big\"\" one\"\n2,small\n");
    assertEquals(Arrays.asList("width, cm"), data.inputNames());
    assertEquals(Arrays.asList("a \"big\" one", "small"), data.classNames());
    assertCsvError(CsvReader.builder().build(), "\"1,0\n", 1);
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }

  private static CsvFormatException assertCsvError(CsvReader reader, String text, int line) {
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(reader, text));
    assertEquals(line, e.lineNumber(), e.getMessage());
    assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
    return e;
  }
}
