package dev.neurite.bench.peers;

import dev.neurite.bench.workloads.Samples;
import dev.neurite.bench.workloads.Weights;
import dev.neurite.bench.workloads.Workload;
import dev.neurite.runtime.NetworkSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Writes what the Python side of the bench needs to build and check its peers
 * ({@code bench/python}): for each workload, its shape, the bench's {@link Weights}, the seeded
 * samples, and the generated class's outputs on them, before and after one training step.
 *
 * <p>Files per workload {@code W}, all float32 little-endian, row-major: {@code W.txt} (the
 * network: {@code sizes}, {@code activations}, {@code loss}, {@code learning_rate},
 * {@code batch}, {@code count}, {@code checked}, {@code tolerance}, one per line),
 * {@code W.weights} (Neurite's flat layout, per layer {@code weight[out][in]} then
 * {@code bias[out]}, which is PyTorch's {@code state_dict} order), {@code W.inputs} and
 * {@code W.targets} ({@code count} rows), {@code W.expected} (the generated class's outputs on
 * every sample) and {@code W.trained} (its outputs on the first {@code checked} samples after
 * one SGD step on the first minibatch).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.neurite.bench.peers.PeerFixtures
 * DIR [SEED]}.
 */
public final class PeerFixtures {
  private PeerFixtures() {}

  /** Writes every workload's files into the directory {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: PeerFixtures DIRECTORY [SAMPLE_SEED]");
      System.exit(2);
    }
    long seed = args.length == 2 ? Long.parseLong(args[1]) : Weights.SEED;
    write(Paths.get(args[0]), seed, Workload.values());
  }

  /** Writes the files of {@code workloads} into {@code directory}, samples drawn from seed. */
  public static void write(Path directory, long seed, Workload... workloads) throws IOException {
    Files.createDirectories(directory);
    for (Workload w : workloads) {
      write(directory, seed, w);
    }
  }

  private static void write(Path directory, long seed, Workload w) throws IOException {
    NetworkSpec spec = w.spec();
    Samples samples = Samples.of(spec, seed);
    Files.write(directory.resolve(w + ".txt"), description(w).getBytes(StandardCharsets.UTF_8));
    floats(directory.resolve(w + ".weights"), Weights.of(spec));
    floats(directory.resolve(w + ".inputs"), samples.inputs());
    floats(directory.resolve(w + ".targets"), samples.targets());
    Peer generated = PeerKind.NEURITE.create(w, seed);
    double[][] expected = new double[Samples.COUNT][];
    for (int k = 0; k < expected.length; k++) {
      expected[k] = generated.outputOf(k);
    }
    floats(directory.resolve(w + ".expected"), expected);
    generated.trainStep();
    double[][] trained = new double[PeerKind.CHECKED_SAMPLES][];
    for (int k = 0; k < trained.length; k++) {
      trained[k] = generated.outputOf(k);
    }
    floats(directory.resolve(w + ".trained"), trained);
  }

  private static String description(Workload w) {
    NetworkSpec spec = w.spec();
    StringBuilder activations = new StringBuilder();
    for (int l = 0; l < spec.layerCount(); l++) {
      activations.append(l == 0 ? "" : " ")
          .append(spec.layer(l).activation().name().toLowerCase(Locale.ROOT));
    }
    return "sizes " + w.shape().replace('-', ' ') + "\n"
        + "activations " + activations + "\n"
        + "loss " + spec.loss().name().toLowerCase(Locale.ROOT) + "\n"
        + "learning_rate " + Peer.LEARNING_RATE + "\n"
        + "batch " + Samples.BATCH + "\n"
        + "count " + Samples.COUNT + "\n"
        + "checked " + PeerKind.CHECKED_SAMPLES + "\n"
        + "tolerance " + PeerKind.TOLERANCE + "\n";
  }

  private static void floats(Path file, double[]... rows) throws IOException {
    int count = 0;
    for (double[] row : rows) {
      count += row.length;
    }
    ByteBuffer bytes = ByteBuffer.allocate(count * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (double[] row : rows) {
      for (double value : row) {
        bytes.putFloat((float) value);
      }
    }
    Files.write(file, bytes.array());
  }
}
