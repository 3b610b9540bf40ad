package dev.neurite.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of the comparison in one go (about 13 minutes on 2 cores) and writes the
 * results, with ratios against the hand-written MLP and Encog, to {@code BENCHMARKS.md}.
 *
 * <p>Usage: {@code java -jar bench/target/benchmarks.jar [output.md] [--quick]
 * [--suites=TANH,UNROLL,...]}; {@code --quick} runs one short iteration of each, to check that
 * everything runs (its numbers mean nothing; written to {@code bench/target} by default);
 * {@code --suites} runs only the named suites.
 */
public final class BenchmarkReport {
  /** The command that builds and runs this, as the report states it. */
  static final String COMMAND = "bench/run.sh";

  private BenchmarkReport() {}

  /** Runs the suites and writes the report. */
  public static void main(String[] args) throws IOException {
    boolean quick = false;
    Path output = null;
    java.util.Set<Suite> suites = java.util.EnumSet.allOf(Suite.class);
    for (String arg : args) {
      if (arg.equals("--quick")) {
        quick = true;
      } else if (arg.startsWith("--suites=")) {
        suites.clear();
        for (String name : arg.substring("--suites=".length()).split(",")) {
          suites.add(Suite.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
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
    List<RunResult> results = new ArrayList<>();
    for (Suite suite : suites) {
      try {
        results.addAll(run(suite, quick));
      } catch (RunnerException e) {
        System.err.println("Suite " + suite + " failed, its rows stay empty: " + e);
      }
    }
    long minutes = Math.round((System.nanoTime() - start) / 60e9);
    String load = loadBefore + " at the start, " + loadAverage() + " at the end";
    String report = new ReportWriter(results, quick, minutes, load).markdown();
    Files.write(output, report.getBytes(StandardCharsets.UTF_8));
    System.out.println("Wrote " + output.toAbsolutePath() + " after " + minutes + " min");
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

  private static Collection<RunResult> run(Suite suite, boolean quick) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(suite.include)
        .forks(1)
        .threads(1)
        .warmupIterations(quick ? 1 : suite.warmups)
        .measurementIterations(quick ? 1 : suite.iterations)
        .warmupTime(TimeValue.milliseconds(quick ? 200 : suite.warmupMillis))
        .measurementTime(TimeValue.milliseconds(quick ? 200 : 1000))
        // A failed benchmark (a peer refusing to start, say) shows as "-" in the tables; the
        // log says why. The other results are still worth the 13 minutes.
        .shouldFailOnError(false);
    for (String[] param : suite.params) {
      options.param(param[0], java.util.Arrays.copyOfRange(param, 1, param.length));
    }
    if (suite.allocation) {
      options.addProfiler(GCProfiler.class);
    }
    return new Runner(options.build()).run();
  }

  /** The groups of benchmarks, each with the warm-up it needs. */
  enum Suite {
    // W1 has no loop layer (both unrolled), so its Vector API variant is the same code: not
    // measured.
    SMALL_PEERS("PeerBenchmarks\\.", 2, 4, 1000, true, new String[] {"net", "W1"},
        new String[] {"peer", "neurite", "reference", "handwritten", "encog", "shaped"}),
    MEDIUM_PEERS("PeerBenchmarks\\.", 2, 4, 1000, true, new String[] {"net", "W2", "W3"}),
    LARGE_PEERS("PeerBenchmarks\\.", 2, 4, 2000, true, new String[] {"net", "W4"}),
    TANH("TanhBenchmarks\\.", 2, 3, 1000, false),
    LOOP_FORMS("LoopFormBenchmarks\\.", 2, 3, 1000, false),
    UNROLL("UnrollBenchmarks\\.", 2, 3, 1000, false);

    final String include;
    final int warmups;
    final int iterations;
    final int warmupMillis;
    final boolean allocation;
    final String[][] params;

    Suite(String include, int warmups, int iterations, int warmupMillis, boolean allocation,
        String[]... params) {
      this.include = include;
      this.warmups = warmups;
      this.iterations = iterations;
      this.warmupMillis = warmupMillis;
      this.allocation = allocation;
      this.params = params;
    }
  }
}
