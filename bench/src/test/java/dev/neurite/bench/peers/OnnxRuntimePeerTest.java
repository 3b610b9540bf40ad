package dev.neurite.bench.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.bench.workloads.Samples;
import dev.neurite.bench.workloads.Workload;
import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.train.TrainableModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The committed ONNX files carry the bench's weights: ONNX Runtime computes the generated
 * class's outputs on them, one sample at a time and in one batch of 256.
 */
class OnnxRuntimePeerTest {
  private static final long SEED = 5;

  @ParameterizedTest
  @EnumSource(Workload.class)
  void singleAndBatchRunsComputeTheGeneratedClassOutputs(Workload w) {
    Samples samples = Samples.of(w.spec(), SEED);
    OnnxRuntimePeer onnx = new OnnxRuntimePeer(w, samples);
    FloatModel generated = PeerKind.oracle(w);
    float[][] inputs = Samples.toFloat(samples.inputs());
    float[] output = new float[generated.outputSize()];
    for (int k : new int[] {0, 7, Samples.BATCH - 1}) {
      generated.predict(inputs[k], output);
      assertArrayEquals(Samples.toDouble(output), onnx.outputOf(k), PeerKind.TOLERANCE, w + " " + k);
    }
    for (int k : new int[] {0, 100, Samples.COUNT - 1}) {
      generated.predict(inputs[k], output);
      assertArrayEquals(Samples.toDouble(output), onnx.batchOutputOf(k), PeerKind.TOLERANCE,
          w + " batch " + k);
    }
  }

  @Test
  void theCheckRefusesAnOnnxFileOfAnotherNetwork() {
    // W3's file against W3's generated class loaded with other weights: a different function.
    Samples samples = Samples.of(Workload.W3.spec(), SEED);
    OnnxRuntimePeer onnx = new OnnxRuntimePeer(Workload.W3, samples);
    FloatModel other = Workload.W3.newGenerated();
    double[] weights = new double[other.parameterCount()];
    java.util.Arrays.fill(weights, 0.01);
    ((TrainableModel) other).setParameters(weights); // generated: both contracts
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PeerKind.ONNX_RUNTIME.check(Workload.W3, onnx, other, samples));
    assertTrue(e.getMessage().contains("different function"), e.getMessage());
  }

  @Test
  void thePeerDoesNotPretendToTrain() {
    OnnxRuntimePeer onnx = new OnnxRuntimePeer(Workload.W1, Samples.of(Workload.W1.spec(), SEED));
    assertFalse(onnx.trains());
    assertThrows(UnsupportedOperationException.class, onnx::trainStep);
  }
}
