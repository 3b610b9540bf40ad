package dev.neurite.bench.coldstart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** When a cold start counts as steady: a rolling median, not one lucky window. */
class ColdStartRunnerTest {
  @Test
  void steadyIsWhereTheRollingMedianReachesTheFinalSpeed() {
    // 40 windows of 1 ms: interpreted (10 us per call) in the first ten, but for one lucky
    // window ending at 3 ms, then compiled (1 us).
    long[] ends = new long[40];
    double[] perCall = new double[40];
    for (int i = 0; i < 40; i++) {
      ends[i] = (i + 1) * 1_000_000L;
      perCall[i] = i < 10 ? 10_000 : 1_000;
    }
    perCall[2] = 900;
    // Windows 6..14 are the first nine with a fast median; their middle one, the first
    // compiled window, ends at 11 ms. The lucky window alone does not count.
    assertEquals(11_000_000L, ColdStartRunner.steadyFrom(ends, perCall, 1_000));
  }

  @Test
  void aSpeedReachedOnlyAtTheEndIsNotCalledSteady() {
    long[] ends = new long[20];
    double[] perCall = new double[20];
    for (int i = 0; i < 20; i++) {
      ends[i] = i + 1;
      perCall[i] = i < 17 ? 10 : 1;
    }
    assertEquals(Long.MAX_VALUE, ColdStartRunner.steadyFrom(ends, perCall, 1));
  }

  @Test
  void aForksLineGivesItsFigures() {
    StringBuilder line = new StringBuilder("first=5000000 part1=4000000 part2=1000000 windows=");
    for (int i = 0; i < 50; i++) {
      line.append((i + 1) * 1_000_000L).append(':').append(i < 20 ? 9_000 : 2_000).append(',');
    }
    ColdStartRunner.Fork f = ColdStartRunner.Fork.parse(line.toString());
    assertEquals(5_000_000L, f.first());
    assertEquals(2_000, f.steadyNanos());
    assertEquals(21_000_000L, f.steadyAfter());
  }
}
