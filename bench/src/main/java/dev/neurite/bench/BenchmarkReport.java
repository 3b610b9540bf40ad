package dev.neurite.bench;

import dev.neurite.bench.coldstart.ColdStartResult;
import dev.neurite.bench.coldstart.ColdStartRunner;
import dev.neurite.bench.frozen.FrozenSize;
import dev.neurite.bench.frozen.FrozenSizes;
import dev.neurite.bench.workloads.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark in one go (about 15 minutes on 2 cores) and writes the results, with
 * ratios against the strongest peer of each row, to {@code BENCHMARKS.md}. Each peer suite runs
 * the Java peers, then ONNX Runtime, then PyTorch ({@link TorchPeers}, when installed) on the
 * same workloads, so that the figures of one workload are measured close together in time.
 *
 * <p>Usage: {@code java -jar bench/target/benchmarks.jar [output.md] [--quick]
 * [--suites=TANH,UNROLL,...]}; {@code --quick} runs one short iteration of each, to check that
 * everything runs (its numbers mean nothing; written to {@code bench/target} by default);
 * {@code --suites} runs only the named suites.
 */
public final class BenchmarkReport {
  /** The command that builds and runs this, as the report states it. */
  static final String COMMAND = "bench/run.sh";
  /** Fresh JVMs per cold-start figure. */
  static final int COLD_START_FORKS = 5;
  /** How long each cold-start JVM keeps predicting, to reach steady speed. */
  static final long COLD_START_MILLIS = 5000;

  private BenchmarkReport() {}

  /** Runs the suites and writes the report. */
  public static void main(String[] args) throws IOException {
    boolean quick = false;
    Path output = null;
    Set<Suite> suites = EnumSet.allOf(Suite.class);
    for (String arg : args) {
      if (arg.equals("--quick")) {
        quick = true;
      } else if (arg.startsWith("--suites=")) {
        suites.clear();
        for (String name : arg.substring("--suites=".length()).split(",")) {
          suites.add(Suite.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
      } else {
        output = Paths.get(arg);
      }
    }
    if (output == null) {
      // A smoke run must not overwrite the measured table.
      output = Paths.get(quick ? "bench/target/BENCHMARKS-quick.md" : "BENCHMARKS.md");
    }
    String loadBefore = loadAverage();
    long start = System.nanoTime();
    TorchPeers torch = new TorchPeers();
    String torchStatus = torch.unavailable();
    if (torchStatus != null) {
      System.out.println("PyTorch peer skipped: " + torchStatus);
    }
    List<RunResult> results = new ArrayList<>();
    Scores scores = new Scores();
    List<ColdStartResult> coldStarts = new ArrayList<>();
    List<FrozenSize> frozenSizes = new ArrayList<>();
    double emptyClassJavacMillis = Double.NaN;
    StringBuilder suiteLoads = new StringBuilder();
    for (Suite suite : suites) {
      suiteLoads.append(suiteLoads.length() == 0 ? "" : ", ")
          .append(suite.name().toLowerCase(Locale.ROOT)).append(' ').append(loadAverage());
      if (suite == Suite.COLD_START) {
        coldStarts.addAll(coldStart(quick));
        continue;
      }
      if (suite == Suite.FROZEN_SIZES) {
        try {
          emptyClassJavacMillis = FrozenSizes.emptyClassJavacMillis();
          frozenSizes.addAll(FrozenSizes.measure());
        } catch (IOException | RuntimeException e) {
          System.err.println("Frozen sizes failed, their table stays empty: " + e);
        }
        continue;
      }
      List<RunResult> suiteResults = new ArrayList<>();
      for (Options options : suite.options(quick)) {
        try {
          suiteResults.addAll(new Runner(options).run());
        } catch (RunnerException e) {
          System.err.println("Suite " + suite + " failed, its rows stay empty: " + e);
        }
      }
      results.addAll(suiteResults);
      scores.addAll(Scores.of(suiteResults));
      if (suite.nets != null && torchStatus == null) {
        torchStatus = measureTorch(torch, suite, quick, scores);
      }
    }
    long minutes = Math.round((System.nanoTime() - start) / 60e9);
    String load = loadBefore + " at the start, " + loadAverage() + " at the end; before each"
        + " suite: " + suiteLoads;
    String pytorch = torchStatus != null ? "not measured: " + torchStatus
        : "PyTorch " + torch.version() + ", 1 thread, OpenBLAS kernels " + torch.blasCore();
    String report = new ReportWriter(results, scores, coldStarts, frozenSizes,
        emptyClassJavacMillis, new RunInfo(quick, minutes, load, pytorch)).markdown();
    Files.write(output, report.getBytes(StandardCharsets.UTF_8));
    System.out.println("Wrote " + output.toAbsolutePath() + " after " + minutes + " min");
  }

  /** Fresh JVMs: 5 per workload and variant for 5 s each (a smoke run: 1 for 1 s). */
  private static List<ColdStartResult> coldStart(boolean quick) {
    try {
      return ColdStartRunner.run(quick ? 1 : COLD_START_FORKS, quick ? 1000 : COLD_START_MILLIS);
    } catch (IOException e) {
      System.err.println("Cold start failed, its table stays empty: " + e.getMessage());
      return List.of();
    }
  }

  /** Runs PyTorch on the suite's workloads; returns why it failed, or null. */
  private static String measureTorch(TorchPeers torch, Suite suite, boolean quick,
      Scores scores) {
    List<Workload> workloads = new ArrayList<>();
    for (String net : suite.nets) {
      workloads.add(Workload.valueOf(net));
    }
    try {
      torch.measure(workloads, quick ? 1 : suite.warmups,
          quick ? 0.2 : suite.warmupMillis / 1000.0, quick ? 1 : suite.iterations,
          quick ? 0.2 : 1.0, scores);
      return null;
    } catch (IOException e) {
      System.err.println("PyTorch peer failed, its columns stay empty: " + e.getMessage());
      return "the script failed: " + e.getMessage();
    }
  }

  /** Returns the 1-minute load average, to say how busy the shared machine was. */
  private static String loadAverage() {
    try {
      return new String(Files.readAllBytes(Paths.get("/proc/loadavg")), StandardCharsets.UTF_8)
          .split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** The groups of benchmarks, each with the warm-up it needs. */
  enum Suite {
    // W1 has no loop layer (both unrolled), so its Vector API variant is the same code: not
    // measured.
    SMALL_PEERS(2, 4, 1000, new String[] {"W1"},
        "neurite", "reference", "handwritten", "encog", "shaped"),
    MEDIUM_PEERS(2, 4, 1000, new String[] {"W2", "W3"}),
    LARGE_PEERS(2, 4, 2000, new String[] {"W4"}),
    /** {@link ParallelTrainingBenchmarks}: the trainer on 1 and 2 threads. */
    PARALLEL_TRAINING("ParallelTrainingBenchmarks\\.", 2, 4, 2000),
    /** Not JMH: {@link ColdStartRunner}'s fresh JVMs. */
    COLD_START(null, 0, 0, 0),
    /** Not JMH: {@link FrozenSizes}, the {@code freeze} command and {@code javac}. */
    FROZEN_SIZES(null, 0, 0, 0),
    TANH("TanhBenchmarks\\.", 2, 3, 1000),
    LOOP_FORMS("LoopFormBenchmarks\\.", 2, 3, 1000),
    UNROLL("UnrollBenchmarks\\.", 2, 3, 1000);

    /** The JMH {@code peer}s that only infer, run on the inference benchmarks. */
    private static final String[] INFERENCE_ONLY = {"frozen", "onnx_runtime"};

    final String include;
    final int warmups;
    final int iterations;
    final int warmupMillis;
    /** The workloads of a peer suite, null for the others. */
    final String[] nets;
    /** The Java peers of a peer suite, empty for all of {@link PeerBenchmarks#peer}'s. */
    final String[] peers;

    Suite(int warmups, int iterations, int warmupMillis, String[] nets, String... peers) {
      this("PeerBenchmarks\\.", warmups, iterations, warmupMillis, nets, peers);
    }

    Suite(String include, int warmups, int iterations, int warmupMillis) {
      this(include, warmups, iterations, warmupMillis, null);
    }

    Suite(String include, int warmups, int iterations, int warmupMillis, String[] nets,
        String... peers) {
      this.include = include;
      this.warmups = warmups;
      this.iterations = iterations;
      this.warmupMillis = warmupMillis;
      this.nets = nets;
      this.peers = peers;
    }

    /**
     * Returns the JMH runs of this suite: for a peer suite, the Java peers on every benchmark
     * (with {@code -prof gc}), then the inference-only peers on the two inference benchmarks.
     */
    List<Options> options(boolean quick) {
      if (include == null) {
        return List.of();
      }
      if (nets == null) {
        return List.of(base(include, quick).build());
      }
      ChainedOptionsBuilder java = base(include, quick).param("net", nets)
          .addProfiler(GCProfiler.class);
      if (peers.length > 0) {
        java.param("peer", peers);
      }
      ChainedOptionsBuilder inference = base("PeerBenchmarks\\.predict", quick)
          .param("net", nets).param("peer", INFERENCE_ONLY).addProfiler(GCProfiler.class);
      return List.of(java.build(), inference.build());
    }

    private ChainedOptionsBuilder base(String pattern, boolean quick) {
      return new OptionsBuilder()
          .include(pattern)
          .forks(1)
          .threads(1)
          .warmupIterations(quick ? 1 : warmups)
          .measurementIterations(quick ? 1 : iterations)
          .warmupTime(TimeValue.milliseconds(quick ? 200 : warmupMillis))
          .measurementTime(TimeValue.milliseconds(quick ? 200 : 1000))
          // A failed benchmark (a peer refusing to start, say) shows as "-" in the tables; the
          // log says why. The other results are still worth the run.
          .shouldFailOnError(false);
    }
  }
}
