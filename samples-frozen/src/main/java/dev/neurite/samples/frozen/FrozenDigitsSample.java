package dev.neurite.samples.frozen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies the 359 held-out handwritten digits of the samples module with the frozen
 * {@code DigitsModel}, on a class path that holds no Neurite artifact, and prints its accuracy:
 * the trained model's own, since the frozen class predicts bit for bit what it predicts.
 */
public final class FrozenDigitsSample {
  /** The held-out images: label, then the 64 raw pixels (0 to 16), one image per line. */
  static final String TEST_SET = "digits-test.csv";

  private FrozenDigitsSample() {}

  /** Runs the sample. */
  public static void main(String[] args) throws IOException {
    run(System.out);
  }

  /** Classifies the held-out images, prints the accuracy and returns it. */
  public static double run(PrintStream out) throws IOException {
    List<float[]> images = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    read(images, labels);
    DigitsModel model = new DigitsModel();
    int correct = 0;
    for (int k = 0; k < images.size(); k++) {
      if (model.classify(images.get(k)) == labels.get(k)) {
        correct++;
      }
    }
    double accuracy = (double) correct / images.size();
    out.printf("Frozen DigitsModel (%d parameters, no Neurite on the class path): test accuracy "
        + "%.2f%% (%d of %d images)%n", DigitsModel.PARAMETERS, 100 * accuracy, correct,
        images.size());
    return accuracy;
  }

  private static void read(List<float[]> images, List<Integer> labels) throws IOException {
    try (InputStream in = FrozenDigitsSample.class.getResourceAsStream(TEST_SET)) {
      if (in == null) {
        throw new IOException(TEST_SET + " is missing from the class path");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = lines.readLine()) != null; ) {
        String[] values = line.split(",");
        float[] image = new float[DigitsModel.INPUTS];
        for (int i = 0; i < image.length; i++) {
          image[i] = Float.parseFloat(values[i + 1]);
        }
        labels.add(Integer.parseInt(values[0]));
        images.add(image);
      }
    }
  }
}
