package dev.neurite.samples.support;

import dev.neurite.runtime.data.CsvReader;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.data.OneHot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The real datasets the samples learn, read from this module's resources
 * ({@code datasets/README.md} there gives their sources and license).
 */
public final class SampleData {
  private static final String IRIS = "/datasets/iris.csv";
  private static final String DIGITS = "/datasets/digits.csv.gz";
  /** The largest pixel value of the digits' images. */
  private static final double MAX_PIXEL = 16;

  private SampleData() {}

  /** A dataset with one-hot targets and the name of each class. */
  public record Labelled(Dataset data, String[] classNames) {}

  /**
   * Returns Fisher's 150 irises: four measurements in centimetres, and the species one-hot among
   * setosa, versicolor and virginica (the names come from the file's header).
   */
  public static Labelled iris() {
    try {
      String[] header = firstLine(IRIS).split(",");
      String[] names = Arrays.copyOfRange(header, 2, header.length);
      try (InputStream in = open(IRIS)) {
        Dataset data = CsvReader.builder().skipLines(1).classes(names.length).build().read(in);
        return new Labelled(data, names);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + IRIS, e);
    }
  }

  /**
   * Returns the 1797 handwritten digits: 64 pixel intensities in 0..16 (an 8x8 image, row by
   * row), and the digit one-hot among 0..9.
   */
  public static Labelled digits() {
    try (InputStream in = new GZIPInputStream(open(DIGITS))) {
      Dataset data = CsvReader.builder().classes(10).build().read(in);
      String[] names = new String[10];
      Arrays.setAll(names, String::valueOf);
      return new Labelled(data, names);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DIGITS, e);
    }
  }

  /**
   * Returns the images of {@code digits} without their labels: each image's pixels scaled to
   * [0, 1] (the range of a sigmoid), and the image its own target.
   */
  public static Dataset unlabelledPixels(Dataset digits) {
    double[][] pixels = new double[digits.size()][];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = digits.input(i).clone();
      for (int p = 0; p < pixels[i].length; p++) {
        pixels[i][p] /= MAX_PIXEL;
      }
    }
    return Dataset.of(pixels, pixels);
  }

  /** Returns the inputs of {@code data}, one row per sample. */
  public static double[][] inputs(Dataset data) {
    double[][] rows = new double[data.size()][];
    Arrays.setAll(rows, data::input);
    return rows;
  }

  /** Returns the class of each sample of {@code data}, decoded from its one-hot target. */
  public static int[] classes(Dataset data) {
    double[][] rows = new double[data.size()][];
    Arrays.setAll(rows, data::target);
    return OneHot.decode(rows);
  }

  private static String firstLine(String resource) throws IOException {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
      return reader.readLine();
    }
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = SampleData.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException(resource + " is not on the class path");
    }
    return in;
  }
}
