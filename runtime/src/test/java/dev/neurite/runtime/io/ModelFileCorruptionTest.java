package dev.neurite.runtime.io;

import static dev.neurite.runtime.io.Networks.bits;
import static dev.neurite.runtime.io.Networks.iris;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.data.Standardizer;
import dev.neurite.runtime.train.TrainableModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a model file can be damaged gives its own clear error and leaves the model as is. */
class ModelFileCorruptionTest {
  private static final int HEADER = 24;

  @TempDir Path dir;
  private Path file;
  private byte[] good;
  /** The model failed loads go into; each test checks it stays untouched. */
  private final TrainableModel target = iris(7);

  @BeforeEach
  void saveAGoodFile() throws IOException {
    file = dir.resolve("iris.nrt");
    ModelFile.save(iris(1), file, ModelExtras.builder()
        .standardizer(Standardizer.of(new double[4], new double[] {1, 2, 3, 4}))
        .optimizerState(new double[][] {{1, 2}, {}})
        .array("epochs", new double[] {10})
        .build());
    good = Files.readAllBytes(file);
  }

  @Test
  void truncationAtEveryLengthSaysTruncated() {
    for (int length = 0; length < good.length; length++) {
      String message = bytesLoadFails(Arrays.copyOf(good, length));
      assertTrue(message.contains(" is truncated: it holds " + length + " bytes"),
          length + ": " + message);
      assertTrue(streamLoadFails(Arrays.copyOf(good, length)).contains(" is truncated"),
          "stream of " + length + " bytes");
    }
  }

  @Test
  void truncatedFilesOnDiskSayTruncated() throws IOException {
    for (int length : new int[] {0, 5, 8, 13, HEADER, HEADER + 1, good.length / 2,
        good.length - 1}) {
      String message = loadFails(Arrays.copyOf(good, length));
      assertTrue(message.startsWith(file + " is truncated: it holds " + length + " bytes"),
          message);
    }
  }

  @Test
  void aFlippedByteAnywhereIsCaughtAndNamedByRegion() {
    for (int offset = 0; offset < good.length; offset++) {
      byte[] bad = good.clone();
      bad[offset] ^= 0x10;
      String message = bytesLoadFails(bad);
      String expected = offset < 8 ? "is not a Neurite model file"
          : offset < 12 ? "has format version"
          : offset < HEADER ? "is corrupted: the checksum of its header does not match"
          : "is corrupted: its checksum is";
      assertTrue(message.contains(expected), offset + ": " + message);
    }
  }

  @Test
  void wrongShapeNamesBothShapes() throws IOException {
    TrainableModel other = Networks.classifier("Small", 8, Activation.RELU, 1);
    double[] before = Networks.parameters(other);
    ShapeMismatchException e =
        assertThrows(ShapeMismatchException.class, () -> ModelFile.load(file, other));
    assertEquals(file + " holds 4-16-3 (relu, softmax) but the model Small is 4-8-3 (relu, "
        + "softmax)", e.getMessage());
    assertEquals("4-16-3 (relu, softmax)", e.fileShape());
    assertArrayEquals(before, Networks.parameters(other));
    ShapeMismatchException tanh = assertThrows(ShapeMismatchException.class,
        () -> ModelFile.load(file, Networks.classifier("Iris", 16, Activation.TANH, 1)));
    assertEquals("4-16-3 (tanh, softmax)", tanh.modelShape());
  }

  @Test
  void anotherKindOfFileIsNotAModelFile() throws IOException {
    String message = loadFails("5.1,3.5,1.4,0.2,0\n4.9,3.0,1.4,0.2,0\n"
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(file + " is not a Neurite model file: it does not start with the model file's "
        + "magic bytes", message);
    assertTrue(loadFails(new byte[0]).contains("is truncated: it holds 0 bytes"));
  }

  @Test
  void anUnknownVersionIsNamed() throws IOException {
    byte[] future = good.clone();
    ByteBuffer.wrap(future).putInt(8, 2);
    fixChecksums(future);
    assertEquals(file + " has format version 2, but this runtime reads version 1 only (the file "
        + "was written by another Neurite version, or is damaged)", loadFails(future));
  }

  @Test
  void trailingBytesAreCorruption() throws IOException {
    String message = loadFails(Arrays.copyOf(good, good.length + 3));
    assertTrue(message.contains("is corrupted: it holds " + (good.length + 3)
        + " bytes, but its header declares " + good.length), message);
  }

  @Test
  void aHugeCountWithValidChecksumsAllocatesNothing() throws IOException {
    // The first int after the header that equals the parameter count; the message below proves
    // it is the count and not a coincidence.
    int offset = indexOfInt(good, Networks.parameters(iris(1)).length, HEADER);
    byte[] bad = good.clone();
    ByteBuffer.wrap(bad).putInt(offset, Integer.MAX_VALUE);
    fixChecksums(bad);
    assertTrue(loadFails(bad).contains("is corrupted: it declares 2147483647 parameters, which "
        + "cannot fit"), loadFails(bad));
  }

  /**
   * Files with random bytes changed and both checksums fixed, as a malicious or very unlucky file
   * would be: loading either works or gives a ModelFileException, never another exception.
   */
  @Test
  void randomDamageBehindValidChecksumsNeverEscapesAsAnotherException() {
    SplittableRandom random = new SplittableRandom(2024);
    TrainableModel model = iris(9);
    for (int trial = 0; trial < 3000; trial++) {
      byte[] bad = good.clone();
      for (int k = 1 + random.nextInt(3); k > 0; k--) {
        int at = HEADER + random.nextInt(bad.length - HEADER - 4);
        bad[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) 0xFF;
      }
      fixChecksums(bad);
      try {
        ModelFile.load("fuzzed", bad, model);
      } catch (ModelFileException expected) {
        assertTrue(expected.getMessage().startsWith("fuzzed "),
            expected.getMessage());
      }
    }
  }

  private String loadFails(byte[] bytes) throws IOException {
    Files.write(file, bytes);
    TrainableModel model = iris(7);
    long[] before = bits(model);
    ModelFileException e =
        assertThrows(ModelFileException.class, () -> ModelFile.load(file, model));
    assertArrayEquals(before, bits(model), "a failed load must not touch the model");
    return e.getMessage();
  }

  private String bytesLoadFails(byte[] bytes) {
    TrainableModel model = target;
    long[] before = bits(model);
    ModelFileException e = assertThrows(ModelFileException.class,
        () -> ModelFile.load("in memory", bytes, model));
    assertArrayEquals(before, bits(model), "a failed load must not touch the model");
    return e.getMessage();
  }

  private String streamLoadFails(byte[] bytes) {
    return assertThrows(ModelFileException.class,
        () -> ModelFile.load(new ByteArrayInputStream(bytes), target)).getMessage();
  }

  private static int indexOfInt(byte[] bytes, int value, int from) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    for (int i = from; i + 4 <= bytes.length; i++) {
      if (buffer.getInt(i) == value) {
        return i;
      }
    }
    throw new AssertionError("not found: " + value);
  }

  /** Recomputes the header CRC and the trailing CRC after a deliberate change. */
  private static void fixChecksums(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    buffer.putInt(20, crc(bytes, 20));
    buffer.putInt(bytes.length - 4, crc(bytes, bytes.length - 4));
  }

  private static int crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }
}
