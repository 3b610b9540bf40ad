package dev.neurite.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.processor.freeze.Freezer;
import dev.neurite.runtime.io.ModelFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build-time form: {@code @Frozen} on a declaration writes, in the same compilation, the
 * class the {@code freeze} command writes from the same file, found on the class path; a build
 * after the file changed writes the new weights.
 */
class FrozenDeclarationTest {
  @TempDir Path dir;

  @Test
  void writesWhatTheCommandWritesAndRewritesItWhenTheFileChanges() throws IOException {
    JavacRun run = new JavacRun(dir);
    Path model = dir.resolve("classes/test/xor.nrt");
    Files.createDirectories(model.getParent());
    ModelFile.save(FrozenModels.xor(4, 1), model);
    Path source = run.write("test.Xor",
        DiagnosticsTest.frozen("model = \"xor.nrt\", name = \"XorModel\""));

    String first = build(run, source);
    assertEquals(new Freezer("test", "XorModel").source(model), first);

    ModelFile.save(FrozenModels.xor(4, 2), model); // trained again
    String second = build(run, source);
    assertNotEquals(first, second);
    assertEquals(new Freezer("test", "XorModel").source(model), second);
  }

  @Test
  void aFileNamedFromTheRootIsFoundThere() throws IOException {
    JavacRun run = new JavacRun(dir);
    Path model = dir.resolve("classes/models/xor.nrt");
    Files.createDirectories(model.getParent());
    ModelFile.save(FrozenModels.xor(4, 3), model);
    Path source = run.write("test.Xor", DiagnosticsTest.frozen("model = \"/models/xor.nrt\""));
    assertEquals(new Freezer("test", "XorNetFrozen").source(model), build(run, source));
  }

  private static String build(JavacRun run, Path source) {
    JavacRun.Result result = run.compile(new FrozenProcessor(), source);
    assertTrue(result.success(), result.errors().toString());
    return run.generated().entrySet().stream()
        .filter(e -> e.getKey().startsWith("test/Xor") && !e.getKey().endsWith("XorNet.java"))
        .map(e -> new String(e.getValue(), StandardCharsets.UTF_8))
        .findFirst().orElseThrow();
  }
}
