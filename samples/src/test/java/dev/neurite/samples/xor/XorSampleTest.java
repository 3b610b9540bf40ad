package dev.neurite.samples.xor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.samples.support.Quiet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XorSampleTest {
  @Test
  void generatedNetworkLearnsXorExactly(@TempDir Path dir) throws Exception {
    XorSample.Result result = XorSample.run(dir, Quiet.stream());

    assertEquals(1.0, result.accuracy());
    assertTrue(result.reloadedPredictsTheSame());
    assertTrue(Files.size(dir.resolve("xor-history.csv")) > 0);
    assertTrue(Files.size(dir.resolve("xor-loss.png")) > 0);
  }
}
