package dev.neurite.runtime.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.data.Standardizer;
import dev.neurite.runtime.io.ModelExtras;
import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.io.ModelFileException;
import dev.neurite.runtime.train.TrainableModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded corpus of damaged model files, each loaded from disk into a model: every one must be
 * refused with a {@link ModelFileException} that says what is wrong, and leave the model and the
 * file as they were. The good files come from random networks with random extras; the damage is
 * truncation, flipped bytes, overwritten runs, lying lengths in the header, wrong magic, and
 * counts in the body that lie behind valid checksums. The case counts are quoted in the README.
 */
class ModelFileCorpusTest {
  static final long SEED = 20261204L;
  static final int TRUNCATIONS = 600;
  static final int FLIPPED_BYTES = 600;
  static final int OVERWRITTEN_RUNS = 300;
  static final int LYING_LENGTHS = 300;
  static final int WRONG_MAGIC = 100;
  static final int LYING_COUNTS = 300;
  private static final int HEADER = 24;
  private static final int GOOD_FILES = 40;
  private static final List<Good> GOOD = new ArrayList<>();

  @TempDir static Path dir;

  /** A good file and the network it was saved from. */
  private static final class Good {
    final NetworkSpec spec;
    final byte[] bytes;
    /** The offsets of the 4-byte counts in the body bound to the network, and the others. */
    final List<Integer> bound;
    final List<Integer> free;

    Good(NetworkSpec spec, byte[] bytes, List<List<Integer>> counts) {
      this.spec = spec;
      this.bytes = bytes;
      this.bound = counts.get(0);
      this.free = counts.get(1);
    }
  }

  @BeforeAll
  static void saveGoodFiles() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < GOOD_FILES; i++) {
      NetworkSpec spec = RandomNetworks.spec(random);
      TrainableModel model = RandomNetworks.model(spec, random);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ModelFile.write(model, out, extras(spec, random));
      byte[] bytes = out.toByteArray();
      GOOD.add(new Good(spec, bytes, FormatWalk.countOffsets(bytes)));
      // Each good file loads back bit for bit: the damage below is the only reason to refuse.
      Path file = dir.resolve("good.nrt");
      Files.write(file, bytes);
      TrainableModel loaded = RandomNetworks.model(spec, random);
      ModelFile.load(file, loaded);
      assertArrayEquals(RandomNetworks.bits(model), RandomNetworks.bits(loaded));
    }
  }

  private static ModelExtras extras(NetworkSpec spec, SplittableRandom random) {
    ModelExtras.Builder extras = ModelExtras.builder();
    if (random.nextBoolean()) {
      double[] means = new double[spec.inputSize()];
      double[] stddevs = new double[spec.inputSize()];
      for (int c = 0; c < means.length; c++) {
        means[c] = random.nextDouble(-5, 5);
        stddevs[c] = random.nextDouble(0.1, 3);
      }
      extras.standardizer(Standardizer.of(means, stddevs));
    }
    if (random.nextBoolean()) {
      extras.optimizerState(new double[][] {new double[random.nextInt(5)], {1, 2}});
    }
    for (int a = random.nextInt(3); a > 0; a--) {
      extras.array("array" + a, new double[random.nextInt(4)]);
    }
    return extras.build();
  }

  @Test
  void truncatedFilesAreRefusedAsTruncated() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    for (int i = 0; i < TRUNCATIONS; i++) {
      Good good = pick(random);
      byte[] bad = Arrays.copyOf(good.bytes, random.nextInt(good.bytes.length));
      assertRefused(good, bad, " is truncated", random);
    }
  }

  @Test
  void aFlippedByteIsRefusedNamingItsRegion() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED + 2);
    for (int i = 0; i < FLIPPED_BYTES; i++) {
      Good good = pick(random);
      byte[] bad = good.bytes.clone();
      int offset = random.nextInt(bad.length);
      bad[offset] ^= (byte) (1 + random.nextInt(255));
      assertRefused(good, bad, offset < 8 ? "is not a Neurite model file"
          : offset < 12 ? "has format version"
          : offset < HEADER ? "the checksum of its header does not match"
          : "is corrupted: its checksum is", random);
    }
  }

  @Test
  void anOverwrittenRunOfBytesIsRefused() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED + 3);
    for (int i = 0; i < OVERWRITTEN_RUNS; i++) {
      Good good = pick(random);
      byte[] bad = good.bytes.clone();
      int length = 2 + random.nextInt(15);
      int start = random.nextInt(bad.length - length);
      for (int k = start; k < start + length; k++) {
        bad[k] = (byte) random.nextInt(256);
      }
      bad[start] = (byte) ~good.bytes[start];
      assertRefused(good, bad, "", random);
    }
  }

  /** Lengths from negative to {@code Long.MAX_VALUE}, with a valid header checksum. */
  @Test
  void aHeaderThatAnnouncesAnotherLengthIsRefusedBeforeAnythingIsRead() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED + 4);
    long[] bases = {Long.MIN_VALUE, -1, 0, 27, Integer.MAX_VALUE, 1L << 32, Long.MAX_VALUE};
    for (int i = 0; i < LYING_LENGTHS; i++) {
      Good good = pick(random);
      long length = random.nextBoolean()
          ? bases[random.nextInt(bases.length)] - random.nextInt(3)
          : good.bytes.length + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(4096));
      byte[] bad = good.bytes.clone();
      ByteBuffer.wrap(bad).putLong(12, length).putInt(20, crc(bad, 20));
      assertRefused(good, bad, "its header declares " + length, random);
    }
  }

  @Test
  void aFileWithoutTheMagicIsNotAModelFile() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED + 5);
    for (int i = 0; i < WRONG_MAGIC; i++) {
      Good good = pick(random);
      byte[] bad = good.bytes.clone();
      int offset = random.nextInt(8);
      bad[offset] = (byte) (bad[offset] + 1 + random.nextInt(255));
      assertRefused(good, bad, "is not a Neurite model file", random);
    }
  }

  /**
   * A count in the body replaced, with both checksums recomputed, so that only the structure
   * can tell: a count bound to the network (layers, units, parameters, normalizer columns) by
   * any other int; another (optimizer and named arrays) by one that cannot fit.
   */
  @Test
  void aCountThatLiesBehindValidChecksumsIsRefused() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED + 6);
    int[] extremes = {Integer.MIN_VALUE, -1, Integer.MAX_VALUE, 1 << 28};
    for (int i = 0; i < LYING_COUNTS; i++) {
      Good good = pick(random);
      byte[] bad = good.bytes.clone();
      ByteBuffer buffer = ByteBuffer.wrap(bad);
      boolean bound = good.free.isEmpty() || random.nextBoolean();
      List<Integer> offsets = bound ? good.bound : good.free;
      int offset = offsets.get(random.nextInt(offsets.size()));
      int lie = !bound || random.nextBoolean() ? extremes[random.nextInt(extremes.length)]
          : buffer.getInt(offset) + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(8));
      buffer.putInt(offset, lie);
      buffer.putInt(bad.length - 4, crc(bad, bad.length - 4));
      assertRefused(good, bad, "", random);
    }
  }

  private static Good pick(SplittableRandom random) {
    return GOOD.get(random.nextInt(GOOD.size()));
  }

  /**
   * Writes {@code bad}, loads it into a fresh model of the good file's network and checks the
   * refusal: a {@link ModelFileException} naming the file and containing {@code expected}; the
   * model and the file unchanged.
   */
  private static void assertRefused(Good good, byte[] bad, String expected,
      SplittableRandom random) throws IOException {
    Path file = dir.resolve("damaged.nrt");
    Files.write(file, bad);
    TrainableModel model = RandomNetworks.model(good.spec, random);
    long[] before = RandomNetworks.bits(model);
    ModelFileException e =
        assertThrows(ModelFileException.class, () -> ModelFile.load(file, model));
    assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(expected),
        e.getMessage());
    assertArrayEquals(before, RandomNetworks.bits(model));
    assertArrayEquals(bad, Files.readAllBytes(file));
  }

  static int crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }
}
