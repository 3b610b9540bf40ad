package dev.neurite.runtime.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.io.ModelFileException;
import dev.neurite.runtime.train.TrainableModel;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded corpus of what the file system can put in a model file's place: sparse files of
 * gigabytes behind a valid header to load from; leftover temporaries of killed saves, symbolic
 * links (chains, dangling, loops), directories and pipes to save to. (Devices, pipes and
 * directories to load from are among {@link HostileInputExamplesTest}.) Loads are
 * refused quickly and without holding the file in memory; saves either write what loads back bit
 * for bit or are refused by name, the previous file unchanged. The counts are in the README.
 */
class FileSystemCorpusTest {
  static final int STALE_TEMPORARY_SAVES = 40;
  static final int SYMLINK_SAVES = 40;
  /** Memory a refused load may allocate: a few buffers, nothing the size of the file. */
  private static final long ALLOCATION_BOUND = 1 << 20;

  @TempDir Path dir;
  private final SplittableRandom random = new SplittableRandom(ModelFileCorpusTest.SEED + 10);

  /** Sparse files behind a valid header (a sparse file of zeros is in the examples). */
  @Test
  void sparseFilesOfGigabytesAreRefusedWithoutHoldingThem() throws IOException {
    // A header announcing the whole sparse file: only its checksum can tell, read in chunks.
    Path announced = sparse("announced.nrt", 100_000_000L, header(100_000_000L));
    assertLoadRefused(announced, "is corrupted: its checksum is");
    Path longer = sparse("longer.nrt", 1_900_000_000L, header(1000));
    assertLoadRefused(longer, "holds 1900000000 bytes, but its header declares 1000");
  }

  @Test
  void savesRemoveTheTemporariesOfKilledSavesAndKeepOtherFiles() throws IOException {
    for (int i = 0; i < STALE_TEMPORARY_SAVES; i++) {
      Path folder = Files.createDirectory(dir.resolve("stale" + i));
      Path file = folder.resolve(i % 3 == 0 ? "m.nrt" : "a-rather-long-model-name-" + i
          + "-padded-past-fifty-characters-for-the-prefix.nrt");
      String prefix = "." + truncated(file.getFileName().toString()) + ".";
      int stale = random.nextInt(130);
      for (int t = 0; t < stale; t++) {
        String token = random.nextBoolean() ? String.valueOf(t)
            : Long.toHexString(random.nextLong());
        Files.write(folder.resolve(prefix + token + ".tmp"), new byte[random.nextInt(64)]);
      }
      List<String> others = List.of(prefix + "notes.tmp", "." + file.getFileName() + ".bak",
          file.getFileName() + ".tmp");
      for (String other : others) {
        Files.write(folder.resolve(other), new byte[] {7});
      }
      TrainableModel model = saveAndLoadBack(file);
      List<String> expected = new ArrayList<>(others);
      expected.add(file.getFileName().toString());
      expected.sort(null);
      assertEquals(expected, names(folder), "case " + i + " with " + stale + " stale");
      assertTrue(model.parameterCount() > 0);
    }
  }

  @Test
  void savesThroughSymbolicLinksWriteTheirTargetAndKeepTheLinks() throws IOException {
    assumeTrue(symlinksWork());
    for (int i = 0; i < SYMLINK_SAVES; i++) {
      Path folder = Files.createDirectory(dir.resolve("links" + i));
      Path real = folder.resolve("real.nrt");
      if (random.nextBoolean()) {
        Files.write(real, new byte[] {1, 2, 3});
      }
      Path link = real;
      int chain = 1 + random.nextInt(3);
      for (int k = 0; k < chain; k++) {
        Path next = folder.resolve("link" + k + ".nrt");
        Files.createSymbolicLink(next, random.nextBoolean() ? link : link.getFileName());
        link = next;
      }
      saveAndLoadBack(link);
      assertTrue(Files.isSymbolicLink(link), "case " + i + ": the link was replaced");
      assertTrue(Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS));
      assertEquals(chain + 1, names(folder).size(), "case " + i + ": " + names(folder));
    }
  }

  @Test
  void savesToWhatCannotHoldAModelAreRefusedByName() throws IOException {
    TrainableModel model = RandomNetworks.model(RandomNetworks.spec(random), random);
    Path directory = Files.createDirectory(dir.resolve("models"));
    assertSaveRefused(model, directory, "it is a directory, pass the path of the model file");
    if (symlinksWork()) {
      Path a = dir.resolve("a.nrt");
      Path b = dir.resolve("b.nrt");
      Files.createSymbolicLink(a, b);
      Files.createSymbolicLink(b, a);
      assertSaveRefused(model, a, "symbolic links (a loop?)");
    }
    Path pipe = dir.resolve("pipe.nrt");
    if (mkfifo(pipe)) {
      assertSaveRefused(model, pipe, "it exists and is not a regular file");
    }
  }

  private void assertSaveRefused(TrainableModel model, Path path, String expected) throws IOException {
    List<String> before = names(dir);
    IOException e = assertThrows(IOException.class, () -> ModelFile.save(model, path));
    assertTrue(e.getMessage().startsWith("cannot save to " + path + ": ")
        && e.getMessage().contains(expected), e.getMessage());
    assertEquals(before, names(dir), "a refused save leaves the directory as it was");
  }

  /** Saves a random model to {@code path}, loads it back into another, checks bit equality. */
  private TrainableModel saveAndLoadBack(Path path) throws IOException {
    NetworkSpec spec = RandomNetworks.spec(random);
    TrainableModel saved = RandomNetworks.model(spec, random);
    ModelFile.save(saved, path);
    TrainableModel loaded = RandomNetworks.model(spec, random);
    ModelFile.load(path, loaded);
    assertArrayEquals(RandomNetworks.bits(saved), RandomNetworks.bits(loaded));
    return loaded;
  }

  /**
   * Loads {@code path} into a model, within seconds and a bounded allocation, and checks the
   * refusal: a {@link ModelFileException} naming the path; the model unchanged.
   */
  private void assertLoadRefused(Path path, String expected) {
    NetworkSpec spec = RandomNetworks.spec(random);
    TrainableModel model = RandomNetworks.model(spec, random);
    long[] before = RandomNetworks.bits(model);
    Executable load = () -> ModelFile.load(path, model);
    ModelFileException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      long allocated = allocatedBytes();
      ModelFileException thrown = assertThrows(ModelFileException.class, load);
      long used = allocatedBytes() - allocated;
      assertTrue(used < ALLOCATION_BOUND, path + ": the refused load allocated " + used);
      return thrown;
    });
    assertTrue(e.getMessage().startsWith(path.toString()) && e.getMessage().contains(expected),
        e.getMessage());
    assertArrayEquals(before, RandomNetworks.bits(model));
  }

  /** A sparse file of {@code size} bytes, starting with {@code start}. */
  private Path sparse(String name, long size, byte[] start) throws IOException {
    Path file = dir.resolve(name);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.write(start);
      raf.setLength(size);
    }
    return file;
  }

  /** A valid model file header announcing {@code length} bytes. */
  private static byte[] header(long length) {
    byte[] header = new byte[24];
    ByteBuffer.wrap(header).put(new byte[] {(byte) 0x89, 'N', 'R', 'T', '\r', '\n', 0x1A, '\n'})
        .putInt(1).putLong(length);
    ByteBuffer.wrap(header).putInt(20, ModelFileCorpusTest.crc(header, 20));
    return header;
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  private static String truncated(String name) {
    return name.length() > 50 ? name.substring(0, 50) : name;
  }

  private boolean mkfifo(Path path) {
    try {
      return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean symlinksWork() {
    try {
      Path probe = Files.createSymbolicLink(dir.resolve("probe"), dir.resolve("nowhere"));
      Files.delete(probe);
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static List<String> names(Path folder) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.forEach(p -> names.add(p.getFileName().toString()));
    }
    names.sort(null);
    return names;
  }
}
