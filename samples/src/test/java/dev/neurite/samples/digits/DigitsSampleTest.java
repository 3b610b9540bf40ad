package dev.neurite.samples.digits;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.samples.support.Quiet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitsSampleTest {
  @Test
  void classifiesHeldOutDigitsWithAtLeast95PercentAccuracy(@TempDir Path dir) throws Exception {
    DigitsSample.Result result = DigitsSample.run(dir, Quiet.stream());

    assertTrue(result.testAccuracy() >= 0.95, "test accuracy " + result.testAccuracy());
    assertTrue(result.reloadedPredictsTheSame());
    assertTrue(Files.size(dir.resolve("digits-history.csv")) > 0);
    assertTrue(Files.size(dir.resolve("digits-loss.png")) > 0);
  }
}
