package dev.neurite.runtime.io;

import static dev.neurite.runtime.io.Networks.iris;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.neurite.runtime.train.TrainableModel;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save that fails part way leaves the previous file as it was, and no stray files; temporaries
 * of killed saves are cleaned up, those of running saves kept; the replaced file's mode stays.
 */
class AtomicSaveTest {
  @TempDir Path dir;

  @Test
  void aSaveThatFailsWhileReadingTheModelLeavesTheOldFileIntact() throws IOException {
    Path file = dir.resolve("iris.nrt");
    ModelFile.save(iris(1), file);
    byte[] before = Files.readAllBytes(file);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ModelFile.save(new FailingModel(iris(2)), file));
    assertEquals("simulated failure while saving", e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    assertEquals(List.of("iris.nrt"), names(dir));
  }

  @Test
  void aSaveThatFailsToReplaceTheTargetRemovesItsTemporaryFile() throws IOException {
    Path target = dir.resolve("busy");
    Files.createDirectory(target);
    Files.write(target.resolve("inside"), new byte[] {1});
    assertThrows(IOException.class, () -> ModelFile.save(iris(1), target));
    assertEquals(List.of("busy"), names(dir));
    assertArrayEquals(new byte[] {1}, Files.readAllBytes(target.resolve("inside")));
  }

  @Test
  void staleTemporaryFilesFromKilledSavesAreRemovedAndBlockNothing() throws IOException {
    Path file = dir.resolve("iris.nrt");
    for (int i = 0; i < 100; i++) {
      Files.write(dir.resolve(".iris.nrt." + i + ".tmp"), new byte[] {9, 9});
    }
    Files.write(dir.resolve(".iris.nrt.3fa9c0de12.tmp"), new byte[] {9});
    Files.write(dir.resolve(".iris.nrt.notes.tmp"), new byte[] {1});
    ModelFile.save(iris(1), file);
    TrainableModel loaded = iris(3);
    ModelFile.load(file, loaded);
    assertArrayEquals(Networks.bits(iris(1)), Networks.bits(loaded));
    assertEquals(List.of(".iris.nrt.notes.tmp", "iris.nrt"), names(dir));
  }

  @Test
  void aTemporaryThatARunningSaveHoldsIsLeftAlone() throws IOException {
    Path live = dir.resolve(".iris.nrt.5eed.tmp");
    try (FileChannel channel = FileChannel.open(live, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
      ModelFile.save(iris(1), dir.resolve("iris.nrt"));
      assertEquals(List.of(".iris.nrt.5eed.tmp", "iris.nrt"), names(dir));
    }
    ModelFile.save(iris(1), dir.resolve("iris.nrt"));
    assertEquals(List.of("iris.nrt"), names(dir));
  }

  @Test
  void aSaveKeepsTheModeOfTheFileItReplaces() throws IOException {
    Path file = dir.resolve("iris.nrt");
    ModelFile.save(iris(1), file);
    assumeTrue(Files.getFileAttributeView(file, PosixFileAttributeView.class) != null);
    for (String mode : new String[] {"r--r-----", "rw-------", "rwxr-xr-x"}) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
      ModelFile.save(iris(2), file);
      assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      TrainableModel loaded = iris(3);
      ModelFile.load(file, loaded);
      assertArrayEquals(Networks.bits(iris(2)), Networks.bits(loaded));
    }
  }

  @Test
  void aSaveIntoAMissingDirectoryCreatesIt() throws IOException {
    Path file = dir.resolve("models").resolve("2026").resolve("iris.nrt");
    ModelFile.save(iris(1), file);
    TrainableModel loaded = iris(3);
    ModelFile.load(file, loaded);
    assertArrayEquals(Networks.bits(iris(1)), Networks.bits(loaded));
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsNamed() throws IOException {
    Files.write(dir.resolve("plain"), new byte[] {1});
    Path file = dir.resolve("plain").resolve("sub").resolve("iris.nrt");
    IOException e = assertThrows(IOException.class, () -> ModelFile.save(iris(1), file));
    assertTrue(e.getMessage().startsWith("cannot save to " + file + ": cannot create its "
        + "directory " + file.getParent()), e.getMessage());
  }

  private static List<String> names(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(p -> names.add(p.getFileName().toString()));
    }
    names.sort(null);
    return names;
  }
}
