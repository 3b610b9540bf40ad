package dev.neurite.bench;

import dev.neurite.bench.peers.PeerFixtures;
import dev.neurite.bench.workloads.Weights;
import dev.neurite.bench.workloads.Workload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs PyTorch as a peer: {@code bench/python/torch_peer.py} with {@code /usr/bin/python3}
 * (Debian's {@code python3-torch}) on the files {@link PeerFixtures} writes, on one thread, with
 * OpenBLAS on one thread and free to pick its kernels for this CPU ({@code OPENBLAS_CORETYPE}
 * and {@code OPENBLAS_L2_SIZE} removed from the script's environment), and folds the figures it
 * prints into the report's {@link Scores}. Optional: without that Python or its torch, the
 * PyTorch columns stay empty and the report says why.
 */
final class TorchPeers {
  /** The Python with Debian's torch (the one on PATH may be another, without it). */
  static final String PYTHON = "/usr/bin/python3";
  /** The script, from the repository root (where {@code bench/run.sh} runs). */
  private static final Path SCRIPT = Paths.get("bench", "python", "torch_peer.py");
  private static final Path WORK = Paths.get("bench", "target", "torch-peer");

  private String status;
  private String blasCore = "unknown";
  private String version = "";

  /**
   * Returns why PyTorch cannot run here, or null if it can. Asks the Python once.
   */
  String unavailable() {
    if (status == null) {
      status = probe();
    }
    return status.isEmpty() ? null : status;
  }

  private String probe() {
    if (!Files.isRegularFile(script())) {
      return SCRIPT + " not found (run from the repository root)";
    }
    if (!Files.isExecutable(Paths.get(PYTHON))) {
      return PYTHON + " not found";
    }
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import torch; print(torch.__version__)")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.waitFor() != 0) {
        return "PyTorch is not installed for " + PYTHON + " (Debian: apt install python3-torch"
            + " libopenblas0-pthread)";
      }
      version = out.substring(out.lastIndexOf('\n') + 1);
      return "";
    } catch (IOException e) {
      return PYTHON + " does not start: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** Returns the PyTorch version, once {@link #unavailable} said it is there. */
  String version() {
    return version;
  }

  /** Returns the OpenBLAS kernels ({@code OPENBLAS_VERBOSE=2}'s "Core:") of the last run. */
  String blasCore() {
    return blasCore;
  }

  /**
   * Measures {@code workloads} with the given iterations and adds the figures to {@code into}.
   * Prints the script's output as it goes.
   *
   * @throws IOException if the script fails (a refused check included: it says why)
   */
  void measure(List<Workload> workloads, int warmups, double warmupSeconds, int iterations,
      double iterationSeconds, Scores into) throws IOException {
    PeerFixtures.write(WORK, Weights.SEED, workloads.toArray(new Workload[0]));
    Path results = WORK.resolve("results.tsv");
    Files.deleteIfExists(results);
    String output = run(WORK, results, workloads, "--warmups", String.valueOf(warmups),
        "--warmup-seconds", String.valueOf(warmupSeconds),
        "--iterations", String.valueOf(iterations),
        "--iteration-seconds", String.valueOf(iterationSeconds));
    blasCore = coreOf(output);
    read(Files.readAllLines(results), into);
  }

  /**
   * Runs only the script's checks on the fixtures in {@code fixtures}: that PyTorch, eager and
   * TorchScript, computes the generated class's outputs, before and after one SGD step.
   *
   * @throws IOException if a check fails (the message holds the script's output)
   */
  static String check(Path fixtures, List<Workload> workloads) throws IOException {
    return run(fixtures, fixtures.resolve("results.tsv"), workloads, "--check-only");
  }

  /** Returns the script, from the repository root or from the bench module (the tests). */
  static Path script() {
    return Files.isRegularFile(SCRIPT) ? SCRIPT : SCRIPT.subpath(1, SCRIPT.getNameCount());
  }

  /** Runs the script, echoing its output; returns the output. */
  private static String run(Path fixtures, Path results, List<Workload> workloads,
      String... options) throws IOException {
    List<String> command = new ArrayList<>(List.of(PYTHON, script().toString(),
        fixtures.toString(), results.toString(), "--workloads", join(workloads)));
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    environment(builder.environment());
    Process process = builder.start();
    StringBuilder output = new StringBuilder();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        System.out.println("[pytorch] " + line);
        output.append(line).append('\n');
      }
    }
    try {
      if (process.waitFor() != 0) {
        throw new IOException(SCRIPT + " failed (exit " + process.exitValue() + "):\n"
            + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return output.toString();
  }

  /** Returns the OpenBLAS kernels named in {@code OPENBLAS_VERBOSE=2}'s "Core:" line. */
  static String coreOf(String output) {
    for (String line : output.split("\n")) {
      if (line.startsWith("Core: ")) {
        return line.substring("Core: ".length()).trim();
      }
    }
    return "unknown";
  }

  /**
   * One thread everywhere, and OpenBLAS's own choice of kernels: a machine-wide
   * {@code OPENBLAS_CORETYPE} (say Haswell on an AVX-512 CPU) would hold it back.
   */
  static void environment(Map<String, String> env) {
    env.remove("OPENBLAS_CORETYPE");
    env.remove("OPENBLAS_L2_SIZE");
    env.put("OPENBLAS_NUM_THREADS", "1");
    env.put("OMP_NUM_THREADS", "1");
    env.put("MKL_NUM_THREADS", "1");
    env.put("OPENBLAS_VERBOSE", "2");
  }

  /** Adds the script's lines ({@code workload task form score error}) to {@code into}. */
  static void read(List<String> lines, Scores into) {
    for (String line : lines) {
      String[] f = line.split("\t");
      if (f.length != 5) {
        continue;
      }
      Task task = Task.byBenchmark(f[1]);
      Contender form = Contender.byId("pytorch_" + f[2]);
      if (task != null && form != null) {
        into.put(task, Workload.valueOf(f[0]), form,
            new Score(number(f[3]), number(f[4])));
      }
    }
  }

  /** Parses Python's repr of a float ("nan" where Java writes "NaN"). */
  private static double number(String text) {
    return text.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(text);
  }

  private static String join(List<Workload> workloads) {
    StringBuilder s = new StringBuilder();
    for (Workload w : workloads) {
      s.append(s.length() == 0 ? "" : ",").append(w.name().toUpperCase(Locale.ROOT));
    }
    return s.toString();
  }
}
