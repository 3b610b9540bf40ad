package dev.neurite.runtime.io;

import static dev.neurite.runtime.io.Networks.iris;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.neurite.runtime.train.TrainableModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save that fails part way leaves the previous file as it was, and no stray files. */
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
  void aStaleTemporaryFileFromACrashDoesNotBlockSaving() throws IOException {
    Path file = dir.resolve("iris.nrt");
    Files.write(dir.resolve(".iris.nrt.0.tmp"), new byte[] {9, 9});
    ModelFile.save(iris(1), file);
    TrainableModel loaded = iris(3);
    ModelFile.load(file, loaded);
    assertArrayEquals(Networks.bits(iris(1)), Networks.bits(loaded));
    assertEquals(List.of(".iris.nrt.0.tmp", "iris.nrt"), names(dir));
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
