package dev.neurite.bench.coldstart;

import dev.neurite.bench.workloads.Workload;
import java.util.List;
import java.util.Locale;

/**
 * The cold start of one variant on one workload: medians over fresh JVMs, in milliseconds
 * (steady-state latency in microseconds).
 *
 * @param workload the network
 * @param variant what was started
 * @param forks how many JVMs the medians are over
 * @param firstMillis from nothing to the first prediction
 * @param part1Millis its first part: Neurite's construction and weight loading, ONNX Runtime's
 *     environment (native library)
 * @param part2Millis its second part: Neurite's first predict, ONNX Runtime's session creation
 *     and first run
 * @param steadyAfterMillis from nothing to steady-state speed (infinite if the run's budget was
 *     too short to tell)
 * @param steadyMicros the steady-state latency of one prediction
 * @param fileBytes the size of the weights file read
 * @param budgetMillis how long each JVM predicted
 */
public record ColdStartResult(Workload workload, ColdStart.Variant variant, int forks,
    double firstMillis, double part1Millis, double part2Millis, double steadyAfterMillis,
    double steadyMicros, long fileBytes, long budgetMillis) {

  static ColdStartResult of(Workload w, ColdStart.Variant v, List<ColdStartRunner.Fork> runs,
      long fileBytes, long budgetMillis) {
    int n = runs.size();
    double[] first = new double[n];
    double[] part1 = new double[n];
    double[] part2 = new double[n];
    double[] after = new double[n];
    double[] steady = new double[n];
    for (int i = 0; i < n; i++) {
      ColdStartRunner.Fork f = runs.get(i);
      first[i] = f.first() / 1e6;
      part1[i] = f.part1() / 1e6;
      part2[i] = f.part2() / 1e6;
      after[i] = f.steadyAfter() == Long.MAX_VALUE ? Double.POSITIVE_INFINITY
          : f.steadyAfter() / 1e6;
      steady[i] = f.steadyNanos() / 1e3;
    }
    return new ColdStartResult(w, v, n, ColdStartRunner.median(first),
        ColdStartRunner.median(part1), ColdStartRunner.median(part2),
        ColdStartRunner.median(after), ColdStartRunner.median(steady), fileBytes, budgetMillis);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s: first prediction %.1f ms (%.1f + %.1f),"
        + " steady after %.0f ms at %.2f us, median of %d JVMs", workload, variant,
        firstMillis, part1Millis, part2Millis, steadyAfterMillis, steadyMicros, forks);
  }
}
