package dev.neurite.samples.digits;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.samples.support.Quiet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitsSampleTest {
  /**
   * One split (about 2 seconds; ten would take twenty). {@code SplitSeedSurvey} measured split
   * seeds 1-10 at 0.972 to 0.989, mean 0.981; the fixed split (seed 42) gives 0.964, below all
   * ten, so their standard deviation (0.005) understates how far one split can fall. A test part
   * of 359 images at 98% accuracy has a binomial standard deviation of 0.0074: the threshold is
   * the mean less three of those, 0.959, rounded down to 0.955. A regression of three points fails.
   */
  @Test
  void classifiesHeldOutDigitsWithAtLeast95Point5PercentAccuracy(@TempDir Path dir)
      throws Exception {
    DigitsSample.Result result = DigitsSample.run(dir, Quiet.stream());

    assertTrue(result.testAccuracy() >= 0.955, "test accuracy " + result.testAccuracy());
    assertTrue(result.reloadedPredictsTheSame());
    assertTrue(Files.size(dir.resolve("digits-history.csv")) > 0);
    assertTrue(Files.size(dir.resolve("digits-loss.png")) > 0);
  }
}
