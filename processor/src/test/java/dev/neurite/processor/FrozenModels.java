package dev.neurite.processor;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: model files for {@code @Frozen} declarations in package {@code test}, in a
 * directory put on javac's class path: {@code xor.nrt} (the XOR declaration's 2-4-1),
 * {@code other.nrt} (2-8-1) and {@code broken.nrt} (not a model file).
 */
final class FrozenModels {
  private static List<File> classPath;

  private FrozenModels() {}

  /** Returns the test's class path with the model directory in front, created once. */
  static synchronized List<File> classPath() {
    if (classPath == null) {
      try {
        Path dir = Files.createTempDirectory("neurite-models");
        dir.toFile().deleteOnExit();
        writeModels(dir.resolve("test"));
        List<File> files = new ArrayList<>(List.of(dir.toFile()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
          files.add(new File(entry));
        }
        classPath = List.copyOf(files);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return classPath;
  }

  /** Writes the three files into {@code dir}. */
  static void writeModels(Path dir) throws IOException {
    Files.createDirectories(dir);
    ModelFile.save(xor(4, 1), dir.resolve("xor.nrt"));
    ModelFile.save(xor(8, 1), dir.resolve("other.nrt"));
    Files.write(dir.resolve("broken.nrt"), "not a model".getBytes(StandardCharsets.UTF_8));
  }

  /** A trained-looking 2-hidden-1 XOR network of the declaration's activations. */
  static ReferenceNetwork xor(int hidden, long seed) {
    return new ReferenceNetwork(NetworkSpec.of("XorNet", 2, List.of(
        LayerSpec.dense(hidden, Activation.TANH), LayerSpec.dense(1, Activation.SIGMOID)),
        Loss.BINARY_CROSS_ENTROPY, Precision.FLOAT, seed));
  }
}
