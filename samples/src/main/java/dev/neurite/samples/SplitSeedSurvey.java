package dev.neurite.samples;

import dev.neurite.samples.digits.DigitsSample;
import dev.neurite.samples.iris.IrisSample;
import dev.neurite.samples.support.Outputs;
import dev.neurite.samples.support.Spread;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How much the held-out accuracy of the Iris and digits samples depends on which samples land in
 * the test part: reruns each sample, unchanged, on the splits drawn with seeds 1 to 10 and
 * prints every accuracy and their spread. A test part of 30 flowers moves in steps of 3.3%, so
 * one split says less than ten; the sample tests' thresholds come from this spread.
 */
public final class SplitSeedSurvey {
  static final int SEEDS = 10;

  private SplitSeedSurvey() {}

  /** Runs the survey; the optional argument is the directory for the samples' files. */
  public static void main(String[] args) throws IOException {
    Path dir = Outputs.directory(args);
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    double[] iris = new double[SEEDS];
    double[] digits = new double[SEEDS];
    for (int seed = 1; seed <= SEEDS; seed++) {
      iris[seed - 1] = IrisSample.run(dir, quiet, seed).testAccuracy();
      digits[seed - 1] = DigitsSample.run(dir, quiet, seed).testAccuracy();
    }
    print("iris", iris);
    print("digits", digits);
  }

  private static void print(String sample, double[] accuracies) {
    StringBuilder line = new StringBuilder(sample + " test accuracy, split seeds 1-" + SEEDS + ":");
    for (double accuracy : accuracies) {
      line.append(String.format(Locale.ROOT, " %.3f", accuracy));
    }
    System.out.println(line.append("; ").append(Spread.of(accuracies)));
  }
}
