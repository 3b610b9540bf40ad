package dev.neurite.bench;

import dev.neurite.bench.coldstart.ColdStartResult;
import dev.neurite.bench.frozen.FrozenSize;
import dev.neurite.bench.peers.PeerKind;
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

/** Turns the run's results into the markdown of {@code BENCHMARKS.md}. */
final class ReportWriter {
  private static final String PEERS = "PeerBenchmarks.";

  private final List<RunResult> results;
  private final Scores scores;
  private final List<ColdStartResult> coldStarts;
  private final FrozenTables frozen;
  private final RunInfo info;
  private final StringBuilder md = new StringBuilder();

  ReportWriter(List<RunResult> results, Scores scores, List<ColdStartResult> coldStarts,
      List<FrozenSize> frozenSizes, double emptyClassJavacMillis, RunInfo info) {
    this.results = results;
    this.scores = scores;
    this.coldStarts = coldStarts;
    this.frozen = new FrozenTables(frozenSizes, emptyClassJavacMillis, md);
    this.info = info;
  }

  String markdown() {
    PeerTables peers = new PeerTables(scores, md);
    ColdStartTables cold = new ColdStartTables(coldStarts, md);
    md.append("# Benchmarks\n\n");
    if (info.quick()) {
      md.append("**Smoke run (`--quick`): one short iteration each; these numbers mean nothing."
          + "**\n\n");
    }
    md.append("Neurite's generated classes against the strongest peer measured on each row, in\n"
        + "one run on one machine (" + cpuModel() + ", load average " + info.load() + ").\n"
        + "Ratios are speeds: 2.00x is twice as fast, 0.50x half as fast. The strongest peer\n"
        + "is the fastest on that row of ONNX Runtime, PyTorch (eager and TorchScript), the\n"
        + "hand-written Java MLP in the recommended shapes, the naive hand-written Java MLP and\n"
        + "Encog.\n\n");
    overload();
    peers.headline();
    cold.headline();
    header();
    peers.taskTables();
    cold.details();
    peers.allocationTable();
    peers.targets();
    frozen.details();
    new ParallelTables(ParallelTables.scores(results), md).details();
    shapes();
    return md.toString();
  }

  /** Says so when the shared machine had more runnable work than cores during the run. */
  private void overload() {
    double highest = 0;
    for (String field : info.load().split("[^0-9.]+")) {
      if (field.matches("[0-9]+\\.[0-9]+")) {
        highest = Math.max(highest, Double.parseDouble(field));
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    if (highest > cores) {
      md.append(String.format(Locale.ROOT, "**The machine was overloaded during this run** (load"
          + " average up to %.1f on %d cores, from other engineers' builds): every figure is\n"
          + "slower than on a quiet machine, and ratios between figures measured minutes apart"
          + " carry\nthat noise. Worse, the noise is biased: C2 compiles on the same starved"
          + " cores, so a\nJIT-compiled column (Neurite, the Java peers) can still run"
          + " interpreted or in C1 code\nafter JMH's warm-up (a Vector API figure hundreds of"
          + " times its quiet value is that),\nwhile ONNX Runtime and PyTorch run native code"
          + " from their first call. Read the ratios\nas biased against the Java columns and"
          + " run `bench/run.sh` on a quiet machine before\nquoting them.\n\n",
          highest, cores));
    }
  }

  private void header() {
    md.append("## How this was measured\n\n"
        + "Workloads: W1 2-4-1 tanh/sigmoid, W2 4-16-3 ReLU/softmax, W3 64-32-10 ReLU/softmax,\n"
        + "W4 784-256-128-10 ReLU/softmax; one thread; float32 except Encog and the reference\n"
        + "interpreter (double). Every peer starts from the same weights (the bench's\n"
        + "`Weights`, seeded) and is checked before it is measured to compute the generated\n"
        + "class's outputs on the first 8 samples within 1e-5 (outputs are probabilities);\n"
        + "PyTorch also on all 256 samples in one batch and after one SGD step.\n\n"
        + "The peers and how each is driven:\n\n"
        + "- **Neurite (generated)**: the float `predict(float[], float[])`; batch inference is\n"
        + "  one call of the batch `predict(float[], float[], int)` on 256 samples, flat and\n"
        + "  row-major (tiles of 4 samples per sweep of the weights where every layer is a\n"
        + "  loop; W1's unrolled layers go sample by sample); training is the runtime\n"
        + "  `Trainer`'s step per minibatch\n"
        + "  (`forwardBackwardBatch` into the double gradient, scale, `Sgd.step`,\n"
        + "  `setParameters`). **Neurite (Vector API, opt-in)** is the same declaration compiled\n"
        + "  with `-Aneurite.vectorApi=true` and run with `--add-modules jdk.incubator.vector`;\n"
        + "  W1 has no loop layer, so it is not measured there.\n"
        + "- **Neurite (frozen class)**: the workload's weights saved as a model file, frozen by\n"
        + "  `java -jar neurite-processor.jar freeze` and compiled by `javac --release 8`, loaded\n"
        + "  with nothing of Neurite linked; its `predict(float[], float[])` through an\n"
        + "  interface, inference only (batch inference is 256 such calls).\n"
        + "- **" + PeerKind.ONNX_RUNTIME.title()
        + "** (Java API, inference only) on ONNX files exported from PyTorch\n"
        + "  (`bench/python/export_onnx.py`): one intra-op thread, all graph optimizations,\n"
        + "  inputs as tensors over direct buffers made once, outputs pinned into a direct\n"
        + "  buffer; batch inference is one `run` on a [256, n] tensor.\n"
        + "- **PyTorch**: `bench/python/torch_peer.py` (" + info.pytorch() + "):\n"
        + "  `torch.set_num_threads(1)`, `OPENBLAS_NUM_THREADS=1`, OpenBLAS's own kernels for\n"
        + "  this CPU; eager, and TorchScript (`torch.jit.script`, frozen for inference);\n"
        + "  inference under `torch.inference_mode()` on a [1, n] tensor and on one [256, n]\n"
        + "  tensor; training is `zero_grad`, the loss on logits (`cross_entropy`,\n"
        + "  `binary_cross_entropy_with_logits`), `backward`, `torch.optim.SGD.step`. Timed by the\n"
        + "  script like JMH (the same warm-up and iterations, mean ± 99.9% interval), right\n"
        + "  after the Java peers of the same workloads.\n"
        + "- **hand-written, recommended shapes** (`ShapedMlp`): the honest Java baseline, a\n"
        + "  hand-written MLP in the loop shapes the shape benchmarks below found fastest\n"
        + "  (per-column and per-row float arrays, axpy loops, float gradients flushed once per\n"
        + "  minibatch into a double gradient and `Sgd`).\n"
        + "- **hand-written Java MLP** (`HandWrittenMlp`): what a user writes first, generic\n"
        + "  loops with run-time sizes. **Encog 3.4**: `BasicNetwork.compute(double[],\n"
        + "  double[])`, `Backpropagation` on one thread, batch 32, no momentum.\n"
        + "- **Neurite reference interpreter**: the runtime's double interpreter, for scale.\n\n"
        + "Inference cycles over 32 samples; training uses learning rate 0.01. Allocation comes\n"
        + "from JMH's `-prof gc`, which also counts JMH's own bookkeeping per iteration:\n"
        + "fractions of a byte per call are that, not the peer (the bench's\n"
        + "`GeneratedAllocationTest` counts `predict` exactly: 0 bytes on every workload).\n\n");
    md.append("| | |\n| --- | --- |\n");
    row("date", LocalDate.now(ZoneOffset.UTC).toString() + " (UTC)");
    row("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    row("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
        + " cores, shared with other engineers' builds");
    row("load average (1 min)", info.load());
    row("command", "`" + BenchmarkReport.COMMAND + "` (" + info.minutes() + " min)");
    row("JMH", "1.37, 1 fork per benchmark, one thread; " + settings()
        + "; scores are means ± the 99.9% interval half-width");
    row("PyTorch", info.pytorch());
    md.append('\n');
  }

  private static String settings() {
    StringBuilder s = new StringBuilder();
    for (BenchmarkReport.Suite suite : BenchmarkReport.Suite.values()) {
      if (suite == BenchmarkReport.Suite.COLD_START) {
        continue;
      }
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

  /** The shape experiments: one table per benchmark class, forms by row, sizes by column. */
  private void shapes() {
    Map<String, List<RunResult>> byClass = new TreeMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      String simple = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      if (!simple.startsWith(PEERS) && !ParallelTables.covers(name)) {
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
                : PeerTables.x(loop.getScore() / unrolled.getScore())).append(" | ");
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
    return r == null ? "-" : new Score(r.getScore(), r.getScoreError()).text();
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
