package dev.neurite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data-parallel section gives each workload's two scores and their ratio. */
class ParallelTablesTest {
  @Test
  void aRowGivesBothScoresAndTheirRatio() {
    Map<String, Score> scores = new LinkedHashMap<>();
    scores.put("W3 1", new Score(200_000, 3_000));
    scores.put("W3 2", new Score(330_000, Double.NaN));
    scores.put("W4 1", new Score(30_000, 400));
    StringBuilder md = new StringBuilder();
    new ParallelTables(scores, md).details();
    String text = md.toString();
    assertTrue(text.contains("| W3 64-32-10 | 200,000 ± 3,000 | 330,000 | 1.65x |"), text);
    assertTrue(text.contains("| W4 784-256-128-10 | 30,000 ± 400 | - | - |"), text);
    assertTrue(!text.contains("| W1 "), text);
  }

  @Test
  void nothingWhenTheSuiteDidNotRun() {
    StringBuilder md = new StringBuilder();
    new ParallelTables(new LinkedHashMap<>(), md).details();
    assertEquals("", md.toString());
  }
}
