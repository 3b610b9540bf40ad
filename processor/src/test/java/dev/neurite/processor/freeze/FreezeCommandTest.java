package dev.neurite.processor.freeze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor jar's {@code freeze} command: what it writes, and how it refuses. */
class FreezeCommandTest {
  @TempDir Path dir;
  private Path model;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void saveAModel() throws IOException {
    model = dir.resolve("iris.nrt");
    ModelFile.save(new ReferenceNetwork(NetworkSpec.of("Iris", 4,
        List.of(LayerSpec.dense(8, Activation.TANH), LayerSpec.dense(3, Activation.SOFTMAX)),
        Loss.CATEGORICAL_CROSS_ENTROPY, Precision.FLOAT, 1)), model);
  }

  private int run(String... args) {
    return FreezeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesTheClassUnderItsPackageAndSaysWhat() throws IOException {
    Path src = dir.resolve("src");
    assertEquals(0, run("freeze", model.toString(), "--package", "com.acme", "--name",
        "IrisModel", "--out", src.toString()), errors());
    Path written = src.resolve("com/acme/IrisModel.java");
    assertEquals(new Freezer("com.acme", "IrisModel").source(model), Files.readString(written));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("IrisModel.java: Iris 4-8-3"));
  }

  @Test
  void theDefaultNameIsTheNetworksAndTheDefaultPlaceHere() throws IOException {
    assertEquals(0, run("freeze", model.toString(), "--out", dir.toString()), errors());
    assertTrue(Files.readString(dir.resolve("IrisFrozen.java"))
        .contains("public final class IrisFrozen {"));
  }

  @Test
  void aBadCommandLineShowsTheUsage() {
    assertEquals(FreezeCommand.USAGE_ERROR, run());
    assertEquals(FreezeCommand.USAGE_ERROR, run("thaw", model.toString()));
    assertTrue(errors().contains("unknown command \"thaw\""), errors());
    assertEquals(FreezeCommand.USAGE_ERROR, run("freeze", model.toString(), "--nam", "X"));
    assertTrue(errors().contains("unknown option --nam"), errors());
    assertEquals(FreezeCommand.USAGE_ERROR, run("freeze", model.toString(), "--name"));
    assertTrue(errors().contains("--name needs a value"), errors());
    assertEquals(FreezeCommand.USAGE_ERROR, run("freeze"));
    assertTrue(errors().contains("name the model file to freeze"), errors());
    assertEquals(FreezeCommand.USAGE_ERROR, run("freeze", model.toString(), "--name", "class"));
    assertTrue(errors().contains("must be a Java identifier"), errors());
    assertEquals(FreezeCommand.USAGE_ERROR,
        run("freeze", model.toString(), "--package", "com..acme"));
    assertTrue(errors().contains("must be a Java package name"), errors());
    assertTrue(errors().contains("usage: java -jar neurite-processor.jar freeze"), errors());
  }

  @Test
  void aMissingOrDamagedFileIsAFileError() throws IOException {
    assertEquals(FreezeCommand.FILE_ERROR, run("freeze", dir.resolve("none.nrt").toString()));
    assertTrue(errors().contains("none.nrt is not a file"), errors());
    byte[] bytes = Files.readAllBytes(model);
    Path truncated = Files.write(dir.resolve("truncated.nrt"),
        java.util.Arrays.copyOf(bytes, bytes.length - 9));
    assertEquals(FreezeCommand.FILE_ERROR, run("freeze", truncated.toString()));
    assertTrue(errors().contains("truncated.nrt is truncated"), errors());
    assertTrue(Files.notExists(dir.resolve("IrisFrozen.java")));
  }
}
