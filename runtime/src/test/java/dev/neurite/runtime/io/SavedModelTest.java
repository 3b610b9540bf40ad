package dev.neurite.runtime.io;

import static dev.neurite.runtime.io.Networks.bits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.data.Standardizer;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a model file without a model: the network, parameters and extras come back. */
class SavedModelTest {
  @TempDir Path dir;

  private static TrainableModel network() {
    return new ReferenceNetwork(NetworkSpec.of("Wide", 5, List.of(
        LayerSpec.dense(7, Activation.LEAKY_RELU, 0.125, true), LayerSpec.dropout(0.3),
        LayerSpec.dense(2, Activation.SIGMOID, 0, false)),
        Loss.BINARY_CROSS_ENTROPY, Precision.FLOAT, 17));
  }

  @Test
  void theNetworkItsParametersAndExtrasComeBack() throws IOException {
    TrainableModel saved = network();
    Path file = dir.resolve("wide.nrt");
    Standardizer standardizer = Standardizer.of(new double[] {1, 2, 3, 4, 5},
        new double[] {0.5, 1, 1.5, 2, 2.5});
    ModelFile.save(saved, file, ModelExtras.builder().standardizer(standardizer).build());
    SavedModel read = ModelFile.read(file);
    assertEquals(saved.spec(), read.spec());
    assertEquals(0.3, read.spec().layer(1).rate());
    double[] parameters = read.parameters();
    long[] readBits = new long[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      readBits[i] = Double.doubleToRawLongBits(parameters[i]);
    }
    assertArrayEquals(bits(saved), readBits);
    assertArrayEquals(standardizer.means(), read.info().extras().standardizer().means());
    assertEquals("5-7-2 (leaky_relu(0.125), dropout, sigmoid no bias)", read.info().shape());
  }

  @Test
  void aStreamReadsTheSameAndNamesItsSourceInErrors() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFile.write(network(), out, ModelExtras.none());
    SavedModel read = ModelFile.read(new ByteArrayInputStream(out.toByteArray()), "wide.nrt");
    assertEquals(network().spec(), read.spec());
    byte[] damaged = out.toByteArray();
    damaged[damaged.length / 2] ^= 1;
    ModelFileException e = assertThrows(ModelFileException.class,
        () -> ModelFile.read(new ByteArrayInputStream(damaged), "wide.nrt"));
    assertTrue(e.getMessage().startsWith("wide.nrt is corrupted"), e.getMessage());
  }

  @Test
  void anUnknownActivationIsReportedAsSuch() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFile.write(network(), out, ModelExtras.none());
    // Same length, another name: the checksums are recomputed so only the name is wrong.
    byte[] file = replace(out.toByteArray(), "SIGMOID", "SIGMUID");
    Path path = dir.resolve("renamed.nrt");
    Files.write(path, file);
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(path));
    assertTrue(e.getMessage().contains("activation \"SIGMUID\""), e.getMessage());
  }

  private static byte[] replace(byte[] file, String from, String to) {
    String text = new String(file, StandardCharsets.ISO_8859_1).replace(from, to);
    byte[] changed = text.getBytes(StandardCharsets.ISO_8859_1);
    int end = changed.length - ModelFileFormat.TRAILER_SIZE;
    java.nio.ByteBuffer.wrap(changed).putInt(end, ModelFileFormat.crc(changed, end));
    return changed;
  }
}
