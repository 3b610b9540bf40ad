package dev.neurite.bench;

import dev.neurite.bench.workloads.Workload;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The peer tables' figures, whoever measured them (JMH in this JVM's forks, PyTorch in its
 * script): a score per task, workload and contender, and the Java heap bytes per single-sample
 * inference where JMH's {@code -prof gc} measured them.
 */
final class Scores {
  private static final String PEERS = "PeerBenchmarks.";

  private final Map<String, Score> scores = new HashMap<>();
  private final Map<String, Double> heapBytes = new HashMap<>();

  /** Returns the scores of the {@link PeerBenchmarks} among {@code results}. */
  static Scores of(List<RunResult> results) {
    Scores s = new Scores();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      int dot = name.lastIndexOf('.');
      Task task = Task.byBenchmark(name.substring(dot + 1));
      Contender c = Contender.byId(String.valueOf(r.getParams().getParam("peer")));
      String net = r.getParams().getParam("net");
      if (!name.substring(0, dot + 1).endsWith(PEERS) || task == null || c == null
          || net == null) {
        continue;
      }
      Workload w = Workload.valueOf(net);
      Result<?> primary = r.getPrimaryResult();
      s.put(task, w, c, new Score(primary.getScore(), primary.getScoreError()));
      if (task == Task.PREDICT) {
        for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
          if (e.getKey().endsWith("gc.alloc.rate.norm")) {
            s.putHeapBytes(w, c, e.getValue().getScore());
          }
        }
      }
    }
    return s;
  }

  /** Adds every figure of {@code other}, replacing those measured again. */
  void addAll(Scores other) {
    scores.putAll(other.scores);
    heapBytes.putAll(other.heapBytes);
  }

  /** Records a score. */
  void put(Task task, Workload w, Contender c, Score score) {
    scores.put(key(task, w, c), score);
  }

  /** Records the Java heap bytes one single-sample inference allocates. */
  void putHeapBytes(Workload w, Contender c, double bytes) {
    heapBytes.put(w + " " + c, bytes);
  }

  /** Returns the score, or null if it was not measured. */
  Score get(Task task, Workload w, Contender c) {
    return scores.get(key(task, w, c));
  }

  /** Returns the Java heap bytes per single-sample inference, or null if not measured. */
  Double heapBytes(Workload w, Contender c) {
    return heapBytes.get(w + " " + c);
  }

  /** Returns whether anything at all was measured for {@code c}. */
  boolean has(Contender c) {
    for (Task t : Task.values()) {
      for (Workload w : Workload.values()) {
        if (get(t, w, c) != null) {
          return true;
        }
      }
    }
    return false;
  }

  /** Returns the fastest {@linkplain Contender#isPeer peer} measured on a row, or null. */
  Contender strongestPeer(Task task, Workload w) {
    Contender best = null;
    for (Contender c : Contender.values()) {
      if (c.isPeer() && get(task, w, c) != null
          && (best == null || task.speedup(get(task, w, c), get(task, w, best)) > 1)) {
        best = c;
      }
    }
    return best;
  }

  /** Returns how many times faster {@code us} is than {@code them}, or NaN if one is missing. */
  double speedup(Task task, Workload w, Contender us, Contender them) {
    return them == null ? Double.NaN : task.speedup(get(task, w, us), get(task, w, them));
  }

  private static String key(Task task, Workload w, Contender c) {
    return task + " " + w + " " + c;
  }
}
