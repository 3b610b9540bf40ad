package dev.neurite.samples.iris;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.samples.support.Quiet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IrisSampleTest {
  @Test
  void classifiesHeldOutIrisesWithAtLeast93PercentAccuracy(@TempDir Path dir) throws Exception {
    IrisSample.Result result = IrisSample.run(dir, Quiet.stream());

    assertTrue(result.testAccuracy() >= 0.93, "test accuracy " + result.testAccuracy());
    assertTrue(result.reloadedPredictsTheSame());
    assertTrue(Files.size(dir.resolve("iris-history.csv")) > 0);
    assertTrue(Files.size(dir.resolve("iris-loss.png")) > 0);
  }
}
