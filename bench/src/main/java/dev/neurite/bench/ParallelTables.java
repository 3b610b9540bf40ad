package dev.neurite.bench;

import dev.neurite.bench.workloads.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The report's section on data-parallel training: {@link ParallelTrainingBenchmarks}' samples
 * per second with 1 and 2 trainer threads on each workload, and their ratio.
 */
final class ParallelTables {
  private static final String BENCHMARK = "ParallelTrainingBenchmarks.fit";

  /** Samples per second by "workload threads", e.g. "W4 2". */
  private final Map<String, Score> scores;
  private final StringBuilder md;

  ParallelTables(Map<String, Score> scores, StringBuilder md) {
    this.scores = scores;
    this.md = md;
  }

  /** Returns the scores of {@link ParallelTrainingBenchmarks} among {@code results}. */
  static Map<String, Score> scores(List<RunResult> results) {
    Map<String, Score> scores = new LinkedHashMap<>();
    for (RunResult r : results) {
      if (r.getParams().getBenchmark().endsWith(BENCHMARK)) {
        Result<?> primary = r.getPrimaryResult();
        scores.put(r.getParams().getParam("net") + " " + r.getParams().getParam("threads"),
            new Score(primary.getScore(), primary.getScoreError()));
      }
    }
    return scores;
  }

  /** Returns whether {@code benchmark} (a JMH benchmark's full name) is one of this section. */
  static boolean covers(String benchmark) {
    return benchmark.endsWith(BENCHMARK);
  }

  /** The table, with how it was measured; nothing when the suite did not run. */
  void details() {
    if (scores.isEmpty()) {
      return;
    }
    md.append("## Data-parallel training: trainer threads (samples/s, higher is better)\n\n"
        + "`Trainer.builder().threads(n)` training the generated class (float32): one `fit`"
        + " of " + ParallelTrainingBenchmarks.EPOCHS + " epochs\nover the 256 bench samples,"
        + " minibatches of 32, Adam at 0.001, no accuracy pass, from the same\nweights each"
        + " call; making the replicas and starting the threads are part of every call. The"
        + " machine\nhas " + Runtime.getRuntime().availableProcessors() + " cores; 1 and 2"
        + " threads of a workload run back to back.\n\n"
        + "| workload | 1 thread | 2 threads | 2 threads vs 1 |\n| --- | ---: | ---: | ---: |\n");
    for (Workload w : Workload.values()) {
      Score one = scores.get(w + " 1");
      Score two = scores.get(w + " 2");
      if (one == null && two == null) {
        continue;
      }
      md.append("| ").append(w).append(' ').append(w.shape()).append(" | ")
          .append(text(one)).append(" | ").append(text(two)).append(" | ")
          .append(one == null || two == null ? "-" : PeerTables.x(two.value() / one.value()))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static String text(Score score) {
    return score == null ? "-" : score.text();
  }
}
