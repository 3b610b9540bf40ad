package dev.neurite.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import model.onnx model.nrt}: the model file holds the imported network exactly. */
class OnnxCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void importWritesAModelFileOfTheImportedNetwork() throws Exception {
    Path nrt = dir.resolve("relu.nrt");
    assertEquals(0, run("import", Fixtures.onnx("torch_relu").toString(), nrt.toString(),
        "--name", "Relu", "--seed", "7"), text(err));
    ImportedNetwork imported = new OnnxImporter().name("Relu").seed(7)
        .read(Fixtures.onnx("torch_relu"));
    ReferenceNetwork loaded = new ReferenceNetwork(imported.spec());
    ModelFile.load(nrt, loaded);
    double[] parameters = new double[loaded.parameterCount()];
    loaded.getParameters(parameters);
    assertArrayEquals(imported.parameters(), parameters);
    assertTrue(text(out).contains("wrote " + nrt), text(out));
  }

  @Test
  void badCommandLinesAndFilesAreSaidSo() throws Exception {
    assertEquals(OnnxCommand.USAGE_ERROR, run("export", "a", "b"));
    assertTrue(text(err).contains("unknown command \"export\""), text(err));
    assertEquals(OnnxCommand.USAGE_ERROR, run("import", "a.onnx", "b.nrt", "--colour", "red"));
    assertTrue(text(err).contains("unknown option --colour"), text(err));
    assertEquals(OnnxCommand.FILE_ERROR, run("import",
        Fixtures.onnx("unsupported_conv").toString(), dir.resolve("c.nrt").toString()));
    assertTrue(text(err).contains("(Conv): operator Conv is not supported"), text(err));
  }

  private int run(String... args) {
    return OnnxCommand.run(args, new PrintStream(out, true), new PrintStream(err, true));
  }

  private static String text(ByteArrayOutputStream bytes) {
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }
}
