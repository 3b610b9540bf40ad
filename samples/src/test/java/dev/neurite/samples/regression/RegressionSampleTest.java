package dev.neurite.samples.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.samples.support.Quiet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionSampleTest {
  @Test
  void fitsBothFunctionsBelowATestMseOf1e3(@TempDir Path dir) throws Exception {
    RegressionSample.Result[] results = RegressionSample.run(dir, Quiet.stream());

    assertEquals(2, results.length);
    for (RegressionSample.Result result : results) {
      double mse = result.test().meanSquaredError();
      assertTrue(mse < 1e-3, result.name() + " test MSE " + mse);
      assertTrue(result.reloadedPredictsTheSame(), result.name());
      assertTrue(Files.size(dir.resolve(result.name() + "-loss.png")) > 0);
    }
  }
}
