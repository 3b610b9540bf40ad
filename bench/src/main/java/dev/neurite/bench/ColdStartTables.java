package dev.neurite.bench;

import dev.neurite.bench.coldstart.ColdStart;
import dev.neurite.bench.coldstart.ColdStartResult;
import dev.neurite.bench.coldstart.ColdStartRunner;
import dev.neurite.bench.workloads.Workload;
import java.util.List;
import java.util.Locale;

/** The report's cold-start tables: the compact one under the headline, and the details. */
final class ColdStartTables {
  private final List<ColdStartResult> results;
  private final StringBuilder md;

  ColdStartTables(List<ColdStartResult> results, StringBuilder md) {
    this.results = results;
    this.md = md;
  }

  /** Rows per workload: time to the first prediction and to steady speed, with the ratios. */
  void headline() {
    if (results.isEmpty()) {
      return;
    }
    md.append("| cold start, ms (median of ").append(results.get(0).forks())
        .append(" fresh JVMs) | Neurite | Neurite, Vector API | ONNX Runtime"
            + " | Neurite vs ONNX Runtime | Vector API vs ONNX Runtime |\n"
            + "| --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (Workload w : ColdStartRunner.WORKLOADS) {
      row(w, "to the first prediction", true);
      row(w, "to steady-state speed", false);
    }
    md.append('\n');
  }

  private void row(Workload w, String what, boolean first) {
    double neurite = millis(w, ColdStart.Variant.NEURITE, first);
    double vector = millis(w, ColdStart.Variant.VECTOR, first);
    double onnx = millis(w, ColdStart.Variant.ONNX_RUNTIME, first);
    md.append("| ").append(w).append(' ').append(w.shape()).append(' ').append(what)
        .append(" | ").append(millis(neurite))
        .append(" | ").append(millis(vector))
        .append(" | ").append(millis(onnx))
        .append(" | ").append(ratio(onnx, neurite))
        .append(" | ").append(ratio(onnx, vector)).append(" |\n");
  }

  /** How many times faster {@code ours} is, or "-" when either was not reached or measured. */
  private static String ratio(double theirs, double ours) {
    return Double.isInfinite(theirs) || Double.isInfinite(ours) ? "-"
        : PeerTables.x(theirs / ours);
  }

  /** Milliseconds as text; infinite is a steady speed not reached within the budget. */
  private static String millis(double value) {
    return Double.isInfinite(value) ? "not reached" : ReportWriter.number(value);
  }

  private double millis(Workload w, ColdStart.Variant v, boolean first) {
    ColdStartResult r = find(w, v);
    return r == null ? Double.NaN : first ? r.firstMillis() : r.steadyAfterMillis();
  }

  private ColdStartResult find(Workload w, ColdStart.Variant v) {
    for (ColdStartResult r : results) {
      if (r.workload() == w && r.variant() == v) {
        return r;
      }
    }
    return null;
  }

  /** The section with every figure and how it was measured. */
  void details() {
    md.append("## Cold start, ms (lower is better)\n\n");
    if (results.isEmpty()) {
      md.append("Not measured in this run.\n\n");
      return;
    }
    md.append(String.format(Locale.ROOT, "Each figure is the median over %d fresh JVMs"
        + " (`ColdStartRunner`, one `ColdStart` per JVM, the benchmark forks' options). The\n"
        + "clock starts in `main`, after the JVM's own start: Neurite constructs the generated\n"
        + "class and loads its weights from a Neurite model file (`ModelFile.load`), then\n"
        + "predicts; ONNX Runtime creates its environment (extracting and loading the native\n"
        + "library), then the session from the ONNX file (one thread, all optimizations), then\n"
        + "runs (copying the input into a direct buffer and the output out, per call).\n"
        + "Predictions then continue on one sample at a time, timed in windows of 256 (W3) or\n"
        + "8 (W4) calls, for the run's budget; the steady speed is the median window of the\n"
        + "last fifth, and the speed counts as steady from the first window where the median\n"
        + "of %d windows is within %.2fx of it (\"not reached\": only in the last fifth, so the\n"
        + "budget of %d s was too short to tell).\n\n",
        results.get(0).forks(), ColdStartRunner.ROLLING, ColdStartRunner.STEADY_FACTOR,
        results.get(0).budgetMillis() / 1000));
    md.append("| workload | variant | first prediction | of which: load / first run"
        + " | steady speed after | steady latency, us | weights file, bytes |\n"
        + "| --- | --- | ---: | --- | ---: | ---: | ---: |\n");
    for (ColdStartResult r : results) {
      md.append("| ").append(r.workload()).append(" | ").append(title(r.variant()))
          .append(" | ").append(ReportWriter.number(r.firstMillis()))
          .append(" | ").append(parts(r))
          .append(" | ").append(millis(r.steadyAfterMillis()))
          .append(" | ").append(ReportWriter.number(r.steadyMicros()))
          .append(" | ").append(String.format(Locale.ROOT, "%,d", r.fileBytes()))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static String parts(ColdStartResult r) {
    String one = ReportWriter.number(r.part1Millis());
    String two = ReportWriter.number(r.part2Millis());
    return r.variant() == ColdStart.Variant.ONNX_RUNTIME
        ? "environment " + one + ", session and first run " + two
        : "new and load " + one + ", first predict " + two;
  }

  private static String title(ColdStart.Variant v) {
    switch (v) {
      case NEURITE:
        return Contender.NEURITE.title();
      case VECTOR:
        return Contender.VECTOR.title();
      default:
        return Contender.ONNX_RUNTIME.title();
    }
  }
}
