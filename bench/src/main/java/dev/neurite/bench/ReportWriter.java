package dev.neurite.bench;

import dev.neurite.bench.peers.PeerKind;
import dev.neurite.bench.workloads.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** Turns JMH results into the markdown of {@code BENCHMARKS.md}. */
final class ReportWriter {
  private static final String PEERS = "PeerBenchmarks.";

  private final List<RunResult> results;
  private final boolean quick;
  private final long minutes;
  private final String load;
  private final StringBuilder md = new StringBuilder();

  ReportWriter(List<RunResult> results, boolean quick, long minutes, String load) {
    this.results = results;
    this.quick = quick;
    this.minutes = minutes;
    this.load = load;
  }

  String markdown() {
    header();
    peerTable("Single-sample inference latency, ns per call (lower is better)", "predict", false);
    allocationTable();
    peerTable("Batch inference, 256 samples one after another, samples/s (higher is better)",
        "predictBatch", true);
    peerTable("Training, minibatch of 32 then one plain SGD step, samples/s (higher is better)",
        "train", true);
    targets();
    shapes();
    return md.toString();
  }

  private void header() {
    md.append("# Benchmarks\n\n");
    if (quick) {
      md.append("**Smoke run (`--quick`): one short iteration each; these numbers mean nothing."
          + "**\n\n");
    }
    md.append("The comparison: the classes Neurite generates against the runtime's\n"
        + "reference interpreter, a hand-written generic Java MLP (`HandWrittenMlp`, what a\n"
        + "user would write) and Encog 3.4, on the workloads W1 2-4-1 tanh/sigmoid, W2 4-16-3\n"
        + "ReLU/softmax, W3 64-32-10 ReLU/softmax, W4 784-256-128-10 ReLU/softmax; float32 for\n"
        + "Neurite and the hand-written MLP (Encog and the interpreter compute in double); one\n"
        + "thread. Every peer starts from the same weights and is checked, before it is\n"
        + "measured, to compute the reference interpreter's outputs.\n\n"
        + "The last column, \"hand-written, recommended shapes\" (`ShapedMlp`), is not a\n"
        + "peer: it is the hand-written MLP in the loop shapes the shape benchmarks below\n"
        + "found fastest (per-column and per-row float arrays, axpy loops, float gradients\n"
        + "flushed once per minibatch into the runtime's double gradient and `Sgd`), to show\n"
        + "what generated code in those shapes can reach.\n\n"
        + "\"Neurite (Vector API, opt-in)\" is the same declaration compiled with\n"
        + "`-Aneurite.vectorApi=true` and run with `--add-modules jdk.incubator.vector`: its\n"
        + "loop layers in the incubating Vector API. W1 has no loop layer (both of its layers\n"
        + "are unrolled), so the option changes nothing there and that column is not measured.\n\n"
        + "How each is driven: inference through the generated float `predict(float[],\n"
        + "float[])`, the interpreter's `predict(double[], double[])`, `HandWrittenMlp.predict`\n"
        + "and Encog's `BasicNetwork.compute(double[], double[])`, cycling over 32 samples;\n"
        + "training, for the generated class and the interpreter, the runtime `Trainer`'s step\n"
        + "per minibatch (`forwardBackwardBatch` into the double gradient, scale,\n"
        + "`Sgd.step`, `setParameters`), for the hand-written MLP its own float loop, for Encog\n"
        + "its `Backpropagation` (one thread, batch 32, no momentum, learning rate 0.01).\n"
        + "Allocation comes from JMH's `-prof gc`, which also counts JMH's own bookkeeping per\n"
        + "iteration: fractions of a byte per call are that, not the peer (the bench's\n"
        + "`GeneratedAllocationTest` counts `predict` exactly: 0 bytes on every workload).\n\n");
    md.append("| | |\n| --- | --- |\n");
    row("date", LocalDate.now(ZoneOffset.UTC).toString() + " (UTC)");
    row("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    row("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
        + " cores, shared with other builds");
    row("load average (1 min)", load);
    row("command", "`" + BenchmarkReport.COMMAND + "` (" + minutes + " min)");
    row("JMH", "1.37, 1 fork per benchmark, one thread; " + settings()
        + "; scores are means ± the 99.9% interval half-width");
    md.append('\n');
    md.append("Ratios are speeds (2.00x = twice as fast): the generated class over the peer's,\n"
        + "and the recommended shapes over the hand-written MLP.\n\n");
  }

  private static String settings() {
    StringBuilder s = new StringBuilder();
    for (BenchmarkReport.Suite suite : BenchmarkReport.Suite.values()) {
      s.append(s.length() == 0 ? "" : "; ").append(suite.name().toLowerCase(Locale.ROOT))
          .append(": ").append(suite.warmups).append(" x ").append(suite.warmupMillis / 1000)
          .append(" s warm-up, ").append(suite.iterations).append(" x 1 s measured");
    }
    return s.toString();
  }

  private void row(String key, String value) {
    md.append("| ").append(key).append(" | ").append(value).append(" |\n");
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: fall through to the JVM's description.
    }
    return System.getProperty("os.arch");
  }

  private void peerTable(String title, String benchmark, boolean higherIsBetter) {
    md.append("## ").append(title).append("\n\n| workload |");
    for (PeerKind peer : PeerKind.values()) {
      md.append(' ').append(peer.title()).append(" |");
    }
    md.append(" Neurite vs hand-written | Vector API vs hand-written | Neurite vs Encog"
        + " | shapes vs hand-written |\n| --- |");
    md.append(" ---: |".repeat(PeerKind.values().length + 4)).append('\n');
    for (Workload w : Workload.values()) {
      md.append("| ").append(w).append(' ').append(w.shape()).append(" |");
      for (PeerKind peer : PeerKind.values()) {
        Result<?> r = primary(benchmark, w, peer);
        md.append(' ').append(score(r)).append(" |");
      }
      md.append(' ').append(ratioText(benchmark, w, PeerKind.NEURITE, PeerKind.HANDWRITTEN,
              higherIsBetter))
          .append(" | ").append(ratioText(benchmark, w, PeerKind.VECTOR, PeerKind.HANDWRITTEN,
              higherIsBetter))
          .append(" | ").append(ratioText(benchmark, w, PeerKind.NEURITE, PeerKind.ENCOG,
              higherIsBetter))
          .append(" | ").append(ratioText(benchmark, w, PeerKind.SHAPED, PeerKind.HANDWRITTEN,
              higherIsBetter))
          .append(" |\n");
    }
    md.append('\n');
  }

  private void allocationTable() {
    md.append("## Allocation per single-sample inference, bytes per call (`-prof gc`)\n\n"
        + "| workload |");
    for (PeerKind peer : PeerKind.values()) {
      md.append(' ').append(peer.title()).append(" |");
    }
    md.append("\n| --- |").append(" ---: |".repeat(PeerKind.values().length)).append('\n');
    for (Workload w : Workload.values()) {
      md.append("| ").append(w).append(" |");
      for (PeerKind peer : PeerKind.values()) {
        Double bytes = allocation(w, peer);
        md.append(' ').append(bytes == null ? "-" : number(bytes)).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  private void targets() {
    md.append("## The performance targets, as measured in this run\n\n"
        + "| target | measured | met |\n| --- | --- | --- |\n");
    for (Workload w : Workload.values()) {
      double need = w == Workload.W4 ? 5 : 3;
      target(w + " single-sample inference >= " + (int) need + "x hand-written",
          ratio("predict", w, PeerKind.HANDWRITTEN, false), need);
    }
    for (Workload w : Workload.values()) {
      double need = w == Workload.W4 ? 5 : 2;
      target(w + " training >= " + (int) need + "x hand-written",
          ratio("train", w, PeerKind.HANDWRITTEN, true), need);
    }
    for (Workload w : Workload.values()) {
      double predict = ratio("predict", w, PeerKind.VECTOR, PeerKind.HANDWRITTEN, false);
      double train = ratio("train", w, PeerKind.VECTOR, PeerKind.HANDWRITTEN, true);
      double need = w == Workload.W4 ? 5 : 3;
      if (!Double.isNaN(predict)) {
        target(w + " single-sample inference >= " + (int) need
            + "x hand-written, Vector API (opt-in)", predict, need);
      }
      if (!Double.isNaN(train)) {
        need = w == Workload.W4 ? 5 : 2;
        target(w + " training >= " + (int) need + "x hand-written, Vector API (opt-in)",
            train, need);
      }
    }
    for (Workload w : Workload.values()) {
      Double bytes = allocation(w, PeerKind.NEURITE);
      md.append("| ").append(w).append(" predict allocates 0 B | ")
          .append(bytes == null ? "-" : number(bytes) + " B").append(" | ")
          .append(bytes == null ? "?" : bytes < 0.5 ? "yes" : "**no**").append(" |\n");
    }
    md.append('\n');
  }

  private void target(String what, double ratio, double need) {
    md.append("| ").append(what).append(" | ").append(Double.isNaN(ratio) ? "-" : x(ratio))
        .append(" | ").append(Double.isNaN(ratio) ? "?" : ratio >= need ? "yes" : "**no**")
        .append(" |\n");
  }

  /** The shape experiments: one table per benchmark class, forms by row, sizes by column. */
  private void shapes() {
    Map<String, List<RunResult>> byClass = new TreeMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      String simple = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      if (!simple.startsWith(PEERS)) {
        byClass.computeIfAbsent(simple.substring(0, simple.indexOf('.')),
            k -> new ArrayList<>()).add(r);
      }
    }
    for (Map.Entry<String, List<RunResult>> e : byClass.entrySet()) {
      md.append("## Shapes: ").append(e.getKey()).append(" (").append(unit(e.getValue()))
          .append(", lower is better)\n\n");
      if (e.getKey().equals("UnrollBenchmarks")) {
        unrollTable(e.getValue());
      } else {
        pivot(e.getValue());
      }
      md.append('\n');
    }
  }

  private static String unit(List<RunResult> runs) {
    return runs.get(0).getPrimaryResult().getScoreUnit();
  }

  /** Rows: benchmark methods; columns: the values of the one parameter (if any). */
  private void pivot(List<RunResult> runs) {
    Map<String, Map<String, Result<?>>> table = new LinkedHashMap<>();
    List<String> columns = new ArrayList<>();
    for (RunResult r : runs) {
      String column = "score";
      for (String key : r.getParams().getParamsKeys()) {
        column = key + " " + r.getParams().getParam(key);
      }
      if (!columns.contains(column)) {
        columns.add(column);
      }
      table.computeIfAbsent(method(r), k -> new LinkedHashMap<>())
          .put(column, r.getPrimaryResult());
    }
    md.append("| form |");
    columns.forEach(c -> md.append(' ').append(c).append(" |"));
    md.append("\n| --- |").append(" ---: |".repeat(columns.size())).append('\n');
    for (Map.Entry<String, Map<String, Result<?>>> row : table.entrySet()) {
      md.append("| ").append(row.getKey()).append(" |");
      for (String column : columns) {
        md.append(' ').append(score(row.getValue().get(column))).append(" |");
      }
      md.append('\n');
    }
  }

  /** Rows: layer size; columns: unrolled and loop, for each pass, and their ratio. */
  private void unrollTable(List<RunResult> runs) {
    Map<String, Map<String, Result<?>>> bySize = new LinkedHashMap<>();
    for (RunResult r : runs) {
      String layer = r.getParams().getParam("layer");
      String size = layer.substring(1);
      bySize.computeIfAbsent(size.contains("x") ? size : size + "x" + size,
          k -> new TreeMap<>()).put(layer.charAt(0) + method(r), r.getPrimaryResult());
    }
    md.append("| layer | predict, unrolled | predict, loops | unrolled speed-up"
        + " | forwardBackward, unrolled | forwardBackward, loops | unrolled speed-up |\n"
        + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Map.Entry<String, Map<String, Result<?>>> e : bySize.entrySet()) {
      Map<String, Result<?>> m = e.getValue();
      md.append("| ").append(e.getKey()).append(" | ");
      for (String pass : new String[] {"predict", "forwardBackward"}) {
        Result<?> unrolled = m.get("U" + pass);
        Result<?> loop = m.get("L" + pass);
        md.append(score(unrolled)).append(" | ").append(score(loop)).append(" | ")
            .append(unrolled == null || loop == null ? "-"
                : x(loop.getScore() / unrolled.getScore())).append(" | ");
      }
      md.setLength(md.length() - 1);
      md.append('\n');
    }
  }

  private static String method(RunResult r) {
    String name = r.getParams().getBenchmark();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static String score(Result<?> r) {
    if (r == null) {
      return "-";
    }
    return Double.isNaN(r.getScoreError()) ? number(r.getScore())
        : number(r.getScore()) + " ± " + number(r.getScoreError());
  }

  private Result<?> primary(String benchmark, Workload w, PeerKind peer) {
    RunResult r = find(benchmark, w, peer);
    return r == null ? null : r.getPrimaryResult();
  }

  private Double allocation(Workload w, PeerKind peer) {
    RunResult r = find("predict", w, peer);
    if (r == null) {
      return null;
    }
    for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
      if (e.getKey().endsWith("gc.alloc.rate.norm")) {
        return e.getValue().getScore();
      }
    }
    return null;
  }

  private RunResult find(String benchmark, Workload w, PeerKind peer) {
    for (RunResult r : results) {
      if (r.getParams().getBenchmark().endsWith(PEERS + benchmark)
          && w.name().equals(r.getParams().getParam("net"))
          && peer.name().toLowerCase(Locale.ROOT).equals(r.getParams().getParam("peer"))) {
        return r;
      }
    }
    return null;
  }

  /** Returns how many times faster Neurite is than {@code peer}, or NaN if either is missing. */
  private double ratio(String benchmark, Workload w, PeerKind peer, boolean higherIsBetter) {
    return ratio(benchmark, w, PeerKind.NEURITE, peer, higherIsBetter);
  }

  /** Returns how many times faster {@code us} is than {@code peer}, or NaN if one is missing. */
  private double ratio(String benchmark, Workload w, PeerKind us, PeerKind peer,
      boolean higherIsBetter) {
    Result<?> ours = primary(benchmark, w, us);
    Result<?> theirs = primary(benchmark, w, peer);
    if (ours == null || theirs == null) {
      return Double.NaN;
    }
    return higherIsBetter ? ours.getScore() / theirs.getScore()
        : theirs.getScore() / ours.getScore();
  }

  private String ratioText(String benchmark, Workload w, PeerKind us, PeerKind peer,
      boolean higher) {
    double r = ratio(benchmark, w, us, peer, higher);
    return Double.isNaN(r) ? "-" : x(r);
  }

  private static String x(double ratio) {
    return String.format(Locale.ROOT, "%.2fx", ratio);
  }

  /** Three significant figures at most, thousands grouped: 12,300 or 8.21 or 0.0412. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 100) {
      double scale = Math.pow(10, Math.floor(Math.log10(magnitude)) - 2);
      return String.format(Locale.ROOT, "%,.0f", Math.round(value / scale) * scale);
    }
    if (magnitude >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (magnitude >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return magnitude == 0 ? "0" : String.format(Locale.ROOT, "%.3g", value);
  }
}
