package dev.neurite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.bench.frozen.FrozenSize;
import dev.neurite.bench.workloads.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frozen-class section states each measured figure once, in its column and unit. */
class FrozenTablesTest {
  @Test
  void aRowGivesSizesInMegabytesAndTimesInSeconds() {
    FrozenSize w4 = new FrozenSize(Workload.W4.spec(), 940_123, 1_280_000, 1_260_000, 812,
        new double[] {2500, 2400, 2450}, 450);
    StringBuilder md = new StringBuilder();
    new FrozenTables(List.of(w4), 1234, md).details();
    String text = md.toString();
    assertTrue(text.contains("| W4 784-256-128-10 | 235,146 | 0.94 MB | 1.28 MB | 1.26 MB"
        + " | 0.81 s | 2.50 s, 2.40 s, 2.45 s | 0.45 s |"), text);
    assertTrue(text.contains("`javac` of an empty class took 1.23 s"), text);
  }

  @Test
  void nothingWhenTheSuiteDidNotRun() {
    StringBuilder md = new StringBuilder();
    new FrozenTables(List.of(), Double.NaN, md).details();
    assertEquals("", md.toString());
  }
}
