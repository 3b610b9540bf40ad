package dev.neurite.samples.frozen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.neurite.runtime.data.Standardizer;
import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.io.ModelFileInfo;
import dev.neurite.runtime.metrics.Classes;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The frozen class predicts, bit for bit, what the trained model in its model file predicts,
 * and the sample runs on a class path without any Neurite artifact.
 */
class FrozenDigitsSampleTest {
  /** The trained model's accuracy on the held-out images, measured with the runtime. */
  private static double trainedAccuracy() throws IOException {
    DigitsNet trained = new DigitsNet();
    ModelFileInfo info;
    try (InputStream in = Digits.class.getResourceAsStream("digits.nrt")) {
      info = ModelFile.load(in, trained);
    }
    Standardizer standardizer = info.extras().standardizer();
    DigitsModel frozen = new DigitsModel();
    float[] frozenOutput = new float[DigitsModel.OUTPUTS];
    double[] output = new double[DigitsModel.OUTPUTS];
    int correct = 0;
    List<String> lines = testSet();
    for (String line : lines) {
      String[] values = line.split(",");
      double[] x = new double[DigitsModel.INPUTS];
      float[] raw = new float[DigitsModel.INPUTS];
      for (int i = 0; i < x.length; i++) {
        raw[i] = Float.parseFloat(values[i + 1]);
        x[i] = raw[i];
      }
      standardizer.transformInPlace(x);
      trained.predict(x, output);
      frozen.predict(raw, frozenOutput);
      for (int k = 0; k < output.length; k++) {
        assertEquals(Float.floatToRawIntBits((float) output[k]),
            Float.floatToRawIntBits(frozenOutput[k]), line);
      }
      if (Classes.of(output) == Integer.parseInt(values[0])) {
        correct++;
      }
    }
    return (double) correct / lines.size();
  }

  private static List<String> testSet() throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        FrozenDigitsSample.class.getResourceAsStream(FrozenDigitsSample.TEST_SET),
        StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
      }
    }
    return lines;
  }

  @Test
  void printsTheTrainedModelsAccuracy() throws IOException {
    double trained = trainedAccuracy();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    double frozen = FrozenDigitsSample.run(new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertEquals(trained, frozen);
    String expected = String.format("test accuracy %.2f%%", 100 * trained);
    assertEquals(true, printed.toString(StandardCharsets.UTF_8).contains(expected),
        printed.toString(StandardCharsets.UTF_8));
  }

  /** Only the module's own classes, over the platform's: no runtime, no annotations, no JUnit. */
  @Test
  void runsWithNothingOfNeuriteOnTheClassPath() throws Exception {
    URL classes = FrozenDigitsSample.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader alone = new URLClassLoader(new URL[] {classes},
        ClassLoader.getPlatformClassLoader())) {
      assertThrows(ClassNotFoundException.class,
          () -> alone.loadClass("dev.neurite.runtime.Model"));
      Class<?> sample = alone.loadClass(FrozenDigitsSample.class.getName());
      double accuracy = (double) sample.getMethod("run", PrintStream.class)
          .invoke(null, new PrintStream(new ByteArrayOutputStream(), true,
              StandardCharsets.UTF_8));
      assertEquals(trainedAccuracy(), accuracy);
    }
  }
}
