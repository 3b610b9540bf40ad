package dev.neurite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.neurite.bench.peers.PeerFixtures;
import dev.neurite.bench.workloads.Weights;
import dev.neurite.bench.workloads.Workload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyTorch, built by the script from the files Java writes, computes the generated class's
 * outputs, and the script refuses when it does not. Needs Debian's python3-torch: skipped
 * without it (as the bench then skips the PyTorch columns).
 */
class TorchPeersTest {
  @Test
  void everyFormComputesTheGeneratedClassOutputsOnEveryWorkload(@TempDir Path dir)
      throws IOException {
    assumeTorch();
    List<Workload> all = List.of(Workload.values());
    PeerFixtures.write(dir, Weights.SEED, all.toArray(new Workload[0]));
    String output = TorchPeers.check(dir, all);
    for (Workload w : all) {
      for (String form : new String[] {"eager", "jit"}) {
        assertTrue(output.contains(w + " " + form + ": computes the generated class's outputs"),
            output);
      }
    }
  }

  @Test
  void theScriptRefusesANetworkThatComputesSomethingElse(@TempDir Path dir) throws IOException {
    assumeTorch();
    PeerFixtures.write(dir, Weights.SEED, Workload.W2);
    // One expected output moved by 1e-3, a hundred times the tolerance.
    Path expected = dir.resolve("W2.expected");
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(expected))
        .order(ByteOrder.LITTLE_ENDIAN);
    bytes.putFloat(4, bytes.getFloat(4) + 1e-3f);
    Files.write(expected, bytes.array());
    IOException e = assertThrows(IOException.class,
        () -> TorchPeers.check(dir, List.of(Workload.W2)));
    assertTrue(e.getMessage().contains("differs from the generated class"), e.getMessage());
  }

  @Test
  void theScriptsFiguresLandInTheirRows() {
    Scores scores = new Scores();
    TorchPeers.read(List.of("W4\tpredictBatch\tjit\t302000.5\t1200.0",
        "W1\tpredict\teager\t9961.0\tnan", "a line of something else"), scores);
    assertEquals(new Score(302000.5, 1200.0),
        scores.get(Task.PREDICT_BATCH, Workload.W4, Contender.PYTORCH_JIT));
    assertTrue(Double.isNaN(scores.get(Task.PREDICT, Workload.W1,
        Contender.PYTORCH_EAGER).error()));
    assertNull(scores.get(Task.PREDICT, Workload.W1, Contender.PYTORCH_JIT));
  }

  private static void assumeTorch() {
    String why = new TorchPeers().unavailable();
    assumeTrue(why == null, "PyTorch not available: " + why);
  }
}
