package dev.neurite.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The Huber delta in model files: recorded with the loss only when it is not 1, so files of the
 * default read exactly as before; the loss does not change what the weights mean, so a file
 * loads whatever the delta of the network it goes into.
 */
class HuberDeltaFileTest {
  private static ReferenceNetwork network(double delta, long seed) {
    return new ReferenceNetwork(NetworkSpec.of("Robust", 2, Arrays.asList(
        LayerSpec.dense(3, Activation.TANH), LayerSpec.dense(1, Activation.IDENTITY)),
        Loss.HUBER, delta, Precision.DOUBLE, seed));
  }

  @Test
  void theFileRecordsADeltaOtherThanOne() {
    assertEquals("HUBER", ModelFileWriter.lossName(network(1, 1).spec()));
    assertEquals("HUBER(0.5)", ModelFileWriter.lossName(network(0.5, 1).spec()));
  }

  @Test
  void aFileRebuildsItsDelta() throws IOException {
    for (double delta : new double[] {1, 0.5}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ModelFile.write(network(delta, 1), out, ModelExtras.none());
      assertEquals(network(delta, 1).spec(),
          ModelFile.read(new ByteArrayInputStream(out.toByteArray()), "robust.nrt").spec());
    }
  }

  @Test
  void weightsLoadAcrossDeltas() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFile.write(network(0.5, 1), out, ModelExtras.none());
    ReferenceNetwork loaded = network(1, 2);
    ModelFile.load(new ByteArrayInputStream(out.toByteArray()), loaded);
    assertArrayEquals(Networks.bits(network(0.5, 1)), Networks.bits(loaded));
  }
}
