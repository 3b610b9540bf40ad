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
  /**
   * One launch of the script (torch starts slowly): W1-W3 as written, W4 with one output after
   * the SGD step moved by 1e-3, a hundred times the tolerance. The script checks every form of
   * W1-W3, W4's inference, then refuses W4's training step.
   */
  @Test
  void everyFormComputesTheGeneratedClassOutputsAndTheScriptRefusesOtherOutputs(
      @TempDir Path dir) throws IOException {
    assumeTorch();
    List<Workload> all = List.of(Workload.values());
    PeerFixtures.write(dir, Weights.SEED, all.toArray(new Workload[0]));
    Path trained = dir.resolve("W4.trained");
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(trained))
        .order(ByteOrder.LITTLE_ENDIAN);
    bytes.putFloat(4, bytes.getFloat(4) + 1e-3f);
    Files.write(trained, bytes.array());
    IOException e = assertThrows(IOException.class, () -> TorchPeers.check(dir, all));
    String output = e.getMessage();
    for (Workload w : List.of(Workload.W1, Workload.W2, Workload.W3)) {
      for (String form : new String[] {"eager", "jit"}) {
        assertTrue(output.contains(w + " " + form + ": computes the generated class's outputs"),
            output);
      }
    }
    assertTrue(output.contains("PyTorch eager after one SGD step on W4 differs from the"
        + " generated class"), output);
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
