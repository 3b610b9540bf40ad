package dev.neurite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.bench.workloads.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report names the strongest peer of each row and divides by its figure, not another's. */
class PeerTablesTest {
  private static final double NAN = Double.NaN;

  /** A constructed table: W4's figures from an earlier run on this machine. */
  private static Scores w4() {
    Scores s = new Scores();
    put(s, Task.PREDICT, Contender.NEURITE, 15_300);
    put(s, Task.PREDICT, Contender.VECTOR, 12_400);
    put(s, Task.PREDICT, Contender.ONNX_RUNTIME, 17_200);
    put(s, Task.PREDICT, Contender.PYTORCH_EAGER, 28_500);
    put(s, Task.PREDICT, Contender.PYTORCH_JIT, 34_900);
    put(s, Task.PREDICT, Contender.HANDWRITTEN, 126_000);
    put(s, Task.PREDICT, Contender.REFERENCE, 10_000);
    put(s, Task.PREDICT_BATCH, Contender.NEURITE, 57_000);
    put(s, Task.PREDICT_BATCH, Contender.VECTOR, 78_400);
    put(s, Task.PREDICT_BATCH, Contender.ONNX_RUNTIME, 93_300);
    put(s, Task.PREDICT_BATCH, Contender.PYTORCH_EAGER, 349_000);
    put(s, Task.PREDICT_BATCH, Contender.PYTORCH_JIT, 302_000);
    put(s, Task.PREDICT_BATCH, Contender.HANDWRITTEN, 7_800);
    put(s, Task.TRAIN, Contender.NEURITE, 29_900);
    put(s, Task.TRAIN, Contender.SHAPED, 31_000);
    put(s, Task.TRAIN, Contender.HANDWRITTEN, 6_700);
    return s;
  }

  private static void put(Scores s, Task task, Contender c, double value) {
    s.put(task, Workload.W4, c, new Score(value, NAN));
  }

  @Test
  void theStrongestPeerIsTheFastestPeerInTheTasksSense() {
    Scores s = w4();
    // Lower is better for latency: ONNX Runtime, not PyTorch's larger number; the reference
    // interpreter is faster still here, but it is Neurite's own, not a peer.
    assertEquals(Contender.ONNX_RUNTIME, s.strongestPeer(Task.PREDICT, Workload.W4));
    assertEquals(Contender.PYTORCH_EAGER, s.strongestPeer(Task.PREDICT_BATCH, Workload.W4));
    assertEquals(Contender.SHAPED, s.strongestPeer(Task.TRAIN, Workload.W4));
    assertNull(s.strongestPeer(Task.PREDICT, Workload.W1));
    assertEquals(17_200 / 15_300.0, s.speedup(Task.PREDICT, Workload.W4, Contender.NEURITE,
        Contender.ONNX_RUNTIME), 1e-12);
  }

  @Test
  void theHeadlineNamesTheStrongestPeerAndItsRatio() {
    String md = markdown(w4());
    assertTrue(md.contains("| W4 784-256-128-10 single-sample inference, ns | 15,300 | 12,400"
        + " | ONNX Runtime 1.23.2: 17,200 | 1.12x | 1.39x |"), md);
    assertTrue(md.contains("| W4 784-256-128-10 batch-256 inference, samples/s | 57,000"
        + " | 78,400 | PyTorch (eager): 349,000 | 0.16x | 0.22x |"), md);
    assertTrue(md.contains("| W4 784-256-128-10 training, minibatch 32, samples/s | 29,900"
        + " | - | hand-written, recommended shapes: 31,000 | 0.96x | - |"), md);
    assertTrue(md.contains("| W1 2-4-1 single-sample inference, ns | - | - | - | - | - |"), md);
    // The headline comes first, before the details.
    assertTrue(md.indexOf("strongest peer |") < md.indexOf("## How this was measured"));
  }

  @Test
  void theTaskTablesGiveTheStrongestPeerRatioWithItsName() {
    String md = markdown(w4());
    assertTrue(md.contains("| 0.16x (PyTorch (eager)) | 0.22x (PyTorch (eager)) | 7.31x |"),
        md);
  }

  @Test
  void onnxRuntimeAllocationIsNeverClaimedWhereItIsNotMeasured() {
    Scores s = w4();
    String md = markdown(s);
    String table = section(md, "## Allocation");
    // No -prof gc figure for ONNX Runtime: the table says so rather than print a number.
    assertTrue(table.contains("ONNX Runtime 1.23.2, Java heap only |"), table);
    assertTrue(lineOf(table, "| W4 |").endsWith("| not measured |"), table);
    assertTrue(table.contains("native memory"), table);
    assertTrue(table.contains("not measured"), table);
    assertFalse(table.contains("PyTorch (eager) |"), "PyTorch's allocation is not measured");
    // With a figure, it is the Java heap's, in the column that says so.
    s.putHeapBytes(Workload.W4, Contender.ONNX_RUNTIME, 824);
    s.putHeapBytes(Workload.W4, Contender.NEURITE, 0.1);
    table = section(markdown(s), "## Allocation");
    assertTrue(lineOf(table, "| W4 |").endsWith("| 824 |"), table);
    // Nowhere else does the report state an allocation for ONNX Runtime.
    String rest = markdown(s).replace(table, "");
    assertFalse(rest.contains("824"), rest);
  }

  private static String markdown(Scores s) {
    return new ReportWriter(List.of(), s, List.of(), List.of(), Double.NaN,
        new RunInfo(false, 1, "1.0", "test"))
        .markdown();
  }

  private static String section(String md, String title) {
    int start = md.indexOf(title);
    int end = md.indexOf("\n## ", start + 1);
    return md.substring(start, end < 0 ? md.length() : end);
  }

  private static String lineOf(String text, String prefix) {
    for (String line : text.split("\n")) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    return "";
  }
}
