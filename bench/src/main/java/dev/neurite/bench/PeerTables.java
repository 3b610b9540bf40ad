package dev.neurite.bench;

import dev.neurite.bench.workloads.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's peer sections, from {@link Scores}: the headline (Neurite against the strongest
 * peer of each row), one table per task, the allocation table and the targets.
 */
final class PeerTables {
  /** The contenders whose allocation {@code -prof gc} measures in full (all on the Java heap). */
  private static final Contender[] JAVA_HEAP = {Contender.NEURITE, Contender.VECTOR,
      Contender.FROZEN, Contender.SHAPED, Contender.HANDWRITTEN, Contender.ENCOG, Contender.REFERENCE};

  private final Scores scores;
  private final StringBuilder md;

  PeerTables(Scores scores, StringBuilder md) {
    this.scores = scores;
    this.md = md;
  }

  /** The compact table at the top: one row per task and workload. */
  void headline() {
    md.append("| one thread, float32 | Neurite | Neurite, Vector API | strongest peer"
        + " | Neurite vs strongest | Vector API vs strongest |\n"
        + "| --- | ---: | ---: | --- | ---: | ---: |\n");
    for (Task task : Task.values()) {
      for (Workload w : Workload.values()) {
        Contender best = scores.strongestPeer(task, w);
        md.append("| ").append(w).append(' ').append(w.shape()).append(' ').append(task.row())
            .append(" | ").append(value(task, w, Contender.NEURITE))
            .append(" | ").append(value(task, w, Contender.VECTOR))
            .append(" | ").append(best == null ? "-"
                : best.title() + ": " + value(task, w, best))
            .append(" | ").append(x(scores.speedup(task, w, Contender.NEURITE, best)))
            .append(" | ").append(x(scores.speedup(task, w, Contender.VECTOR, best)))
            .append(" |\n");
      }
    }
    md.append('\n');
  }

  /** One table per task: every contender's score with its error, then the ratios. */
  void taskTables() {
    for (Task task : Task.values()) {
      List<Contender> columns = columns(task);
      md.append("## ").append(task.title()).append("\n\n| workload |");
      for (Contender c : columns) {
        md.append(' ').append(c.title()).append(" |");
      }
      md.append(" Neurite vs strongest peer | Vector API vs strongest peer"
          + " | Neurite vs hand-written | shapes vs hand-written |\n| --- |");
      md.append(" ---: |".repeat(columns.size() + 4)).append('\n');
      for (Workload w : Workload.values()) {
        md.append("| ").append(w).append(' ').append(w.shape()).append(" |");
        for (Contender c : columns) {
          Score s = scores.get(task, w, c);
          md.append(' ').append(s == null ? "-" : s.text()).append(" |");
        }
        Contender best = scores.strongestPeer(task, w);
        md.append(' ').append(versus(task, w, Contender.NEURITE, best))
            .append(" | ").append(versus(task, w, Contender.VECTOR, best))
            .append(" | ").append(x(scores.speedup(task, w, Contender.NEURITE,
                Contender.HANDWRITTEN)))
            .append(" | ").append(x(scores.speedup(task, w, Contender.SHAPED,
                Contender.HANDWRITTEN)))
            .append(" |\n");
      }
      md.append('\n');
    }
  }

  /** ONNX Runtime and frozen classes run inference only: no training column for them. */
  private static List<Contender> columns(Task task) {
    List<Contender> columns = new ArrayList<>();
    for (Contender c : Contender.values()) {
      if (task != Task.TRAIN || (c != Contender.ONNX_RUNTIME && c != Contender.FROZEN)) {
        columns.add(c);
      }
    }
    return columns;
  }

  private String versus(Task task, Workload w, Contender us, Contender best) {
    double ratio = scores.speedup(task, w, us, best);
    return Double.isNaN(ratio) ? "-" : x(ratio) + " (" + best.title() + ")";
  }

  /**
   * What each single-sample inference allocates. {@code -prof gc} sees the Java heap only: for
   * the Java peers that is everything; ONNX Runtime allocates its run state natively, so its
   * column counts only its Java wrapper's objects; PyTorch's allocation is not measured at all.
   */
  void allocationTable() {
    md.append("## Allocation per single-sample inference, bytes per call (`-prof gc`)\n\n"
        + "JMH's `-prof gc` counts the Java heap. That is all the Java peers allocate; ONNX\n"
        + "Runtime allocates its tensors and run state in native memory, which it does not see,\n"
        + "so the ONNX Runtime column counts only the objects of its Java API (its native\n"
        + "allocation is not measured). PyTorch's allocation is not measured.\n\n| workload |");
    for (Contender c : JAVA_HEAP) {
      md.append(' ').append(c.title()).append(" |");
    }
    md.append(' ').append(Contender.ONNX_RUNTIME.title()).append(", Java heap only |\n| --- |")
        .append(" ---: |".repeat(JAVA_HEAP.length + 1)).append('\n');
    for (Workload w : Workload.values()) {
      md.append("| ").append(w).append(" |");
      for (Contender c : JAVA_HEAP) {
        md.append(' ').append(bytes(w, c)).append(" |");
      }
      md.append(' ').append(bytes(w, Contender.ONNX_RUNTIME)).append(" |\n");
    }
    md.append('\n');
  }

  private String bytes(Workload w, Contender c) {
    Double bytes = scores.heapBytes(w, c);
    return bytes == null ? "not measured" : ReportWriter.number(bytes);
  }

  /** The targets against the hand-written MLP and against the strongest peers. */
  void targets() {
    md.append("## Targets, as measured in this run\n\n"
        + "| target | measured | met |\n| --- | --- | --- |\n");
    for (Contender us : new Contender[] {Contender.NEURITE, Contender.VECTOR}) {
      String suffix = us == Contender.VECTOR ? ", Vector API (opt-in)" : "";
      for (Workload w : Workload.values()) {
        double need = w == Workload.W4 ? 5 : 3;
        target(w + " single-sample inference >= " + (int) need + "x hand-written" + suffix,
            scores.speedup(Task.PREDICT, w, us, Contender.HANDWRITTEN), need);
      }
      for (Workload w : Workload.values()) {
        double need = w == Workload.W4 ? 5 : 2;
        target(w + " training >= " + (int) need + "x hand-written" + suffix,
            scores.speedup(Task.TRAIN, w, us, Contender.HANDWRITTEN), need);
      }
    }
    target("W4 batch-256 inference >= 2x ONNX Runtime, Vector API (opt-in)",
        scores.speedup(Task.PREDICT_BATCH, Workload.W4, Contender.VECTOR,
            Contender.ONNX_RUNTIME), 2);
    torchTarget(Task.PREDICT_BATCH, Workload.W4, Contender.VECTOR, 0.5);
    torchTarget(Task.TRAIN, Workload.W4, Contender.NEURITE, 0.6);
    torchTarget(Task.TRAIN, Workload.W4, Contender.VECTOR, 0.8);
    for (Workload w : new Workload[] {Workload.W1, Workload.W2, Workload.W3}) {
      torchTarget(Task.PREDICT_BATCH, w, Contender.NEURITE, 1);
    }
    for (Contender us : new Contender[] {Contender.NEURITE, Contender.FROZEN}) {
      String which = us == Contender.FROZEN ? " frozen class" : "";
      for (Workload w : Workload.values()) {
        Double bytes = scores.heapBytes(w, us);
        md.append("| ").append(w).append(which).append(" predict allocates 0 B | ")
            .append(bytes == null ? "-" : ReportWriter.number(bytes) + " B").append(" | ")
            .append(bytes == null ? "?" : bytes < 0.5 ? "yes" : "**no**").append(" |\n");
      }
    }
    md.append('\n');
  }

  /** A target against the faster of PyTorch's two forms. */
  private void torchTarget(Task task, Workload w, Contender us, double need) {
    Contender torch = task.speedup(scores.get(task, w, Contender.PYTORCH_JIT),
        scores.get(task, w, Contender.PYTORCH_EAGER)) > 1 ? Contender.PYTORCH_JIT
        : Contender.PYTORCH_EAGER;
    String who = us == Contender.VECTOR ? "Vector API (opt-in)" : "plain";
    target(w + " " + task.row().replace(", samples/s", "") + ", " + who + " >= "
        + String.format(Locale.ROOT, "%.1f", need) + "x PyTorch (faster form)",
        scores.speedup(task, w, us, torch), need);
  }

  private void target(String what, double ratio, double need) {
    md.append("| ").append(what).append(" | ").append(x(ratio))
        .append(" | ").append(Double.isNaN(ratio) ? "?" : ratio >= need ? "yes" : "**no**")
        .append(" |\n");
  }

  private String value(Task task, Workload w, Contender c) {
    Score s = scores.get(task, w, c);
    return s == null ? "-" : ReportWriter.number(s.value());
  }

  /** A speed ratio as text: "2.00x", or "-" when one side is missing. */
  static String x(double ratio) {
    return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
  }
}
