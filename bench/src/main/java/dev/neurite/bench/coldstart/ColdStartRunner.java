package dev.neurite.bench.coldstart;

import dev.neurite.bench.peers.OnnxRuntimePeer;
import dev.neurite.bench.peers.PeerKind;
import dev.neurite.bench.workloads.Workload;
import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.train.TrainableModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures cold starts: for W3 and W4, Neurite plain and with the Vector API and ONNX Runtime,
 * several fresh JVMs each running one {@link ColdStart}; the result of each is the median over
 * its JVMs.
 */
public final class ColdStartRunner {
  /** The workloads measured. */
  public static final Workload[] WORKLOADS = {Workload.W3, Workload.W4};
  /**
   * A window counts as steady once the median of it and the next few is within this factor of
   * the final speed (the median of the last fifth of the budget).
   */
  public static final double STEADY_FACTOR = 1.25;
  /** Windows in the rolling median that decides when the speed is steady. */
  public static final int ROLLING = 9;

  private static final Path WORK = Paths.get("bench", "target", "cold-start");

  private ColdStartRunner() {}

  /**
   * Runs {@code forks} JVMs per workload and variant, each for {@code budgetMillis} of
   * predictions, and returns one result per workload and variant.
   */
  public static List<ColdStartResult> run(int forks, long budgetMillis) throws IOException {
    Files.createDirectories(WORK);
    List<ColdStartResult> results = new ArrayList<>();
    for (Workload w : WORKLOADS) {
      Path neurite = WORK.resolve(w + ".nrt");
      ModelFile.save((TrainableModel) PeerKind.oracle(w), neurite); // both contracts
      Path onnx = WORK.resolve(w + ".onnx");
      Files.write(onnx, OnnxRuntimePeer.model(w));
      for (ColdStart.Variant v : ColdStart.Variant.values()) {
        Path file = v == ColdStart.Variant.ONNX_RUNTIME ? onnx : neurite;
        List<Fork> runs = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
          runs.add(Fork.parse(fork(w, v, file, budgetMillis)));
        }
        ColdStartResult r = ColdStartResult.of(w, v, runs, Files.size(file), budgetMillis);
        System.out.println("[cold start] " + r);
        results.add(r);
      }
    }
    return results;
  }

  private static String fork(Workload w, ColdStart.Variant v, Path file, long budgetMillis)
      throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    // The same JVM options for every variant: the benchmark forks' (the module only matters
    // to the Vector API class, and is resolved before the clock starts).
    Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector",
        "-cp", System.getProperty("java.class.path"), ColdStart.class.getName(),
        w.name(), v.name(), file.toString(), String.valueOf(budgetMillis))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IOException("cold start of " + v + " on " + w + " failed:\n" + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    for (String line : out.split("\n")) {
      if (line.startsWith("first=")) {
        return line;
      }
    }
    throw new IOException("cold start of " + v + " on " + w + " printed no result:\n" + out);
  }

  /** One JVM's figures. */
  record Fork(long first, long part1, long part2, long steadyAfter, double steadyNanos) {
    /** Parses {@link ColdStart}'s line and finds when the speed became steady. */
    static Fork parse(String line) {
      String[] fields = line.trim().split(" ");
      long first = value(fields[0]);
      long part1 = value(fields[1]);
      long part2 = value(fields[2]);
      String[] windows = fields[3].substring("windows=".length()).split(",");
      long[] ends = new long[windows.length];
      double[] perCall = new double[windows.length];
      for (int i = 0; i < windows.length; i++) {
        String[] pair = windows[i].split(":");
        ends[i] = Long.parseLong(pair[0]);
        perCall[i] = Long.parseLong(pair[1]);
      }
      double steady = median(Arrays.copyOfRange(perCall, windows.length * 4 / 5,
          windows.length));
      return new Fork(first, part1, part2, steadyFrom(ends, perCall, steady), steady);
    }

    private static long value(String field) {
      return Long.parseLong(field.substring(field.indexOf('=') + 1));
    }
  }

  /**
   * Returns the end of the first window from which the rolling median of {@link #ROLLING}
   * windows is within {@link #STEADY_FACTOR} of {@code steady}, or {@code Long.MAX_VALUE} if
   * that happens only in the last fifth (the final speed may then not be the compiled one).
   */
  static long steadyFrom(long[] ends, double[] perCall, double steady) {
    for (int i = 0; i + ROLLING <= perCall.length * 4 / 5; i++) {
      if (median(Arrays.copyOfRange(perCall, i, i + ROLLING)) <= STEADY_FACTOR * steady) {
        return ends[i + ROLLING / 2];
      }
    }
    return Long.MAX_VALUE;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
