package dev.neurite.processor.freeze;

import com.palantir.javapoet.JavaFile;
import dev.neurite.processor.emit.FrozenEmitter;
import dev.neurite.processor.emit.FrozenModel;
import dev.neurite.processor.plan.Planner;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.io.SavedModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.lang.model.SourceVersion;

/**
 * Writes the source of a frozen class from a trained model file: the network's inference with
 * its weights inside, a class that needs nothing outside {@code java.*} (see
 * {@link FrozenEmitter}). The same file always gives the same source, byte for byte.
 *
 * <pre>{@code
 * Path source = Freezer.freeze(Paths.get("digits.nrt"), "com.acme", "DigitsModel",
 *     Paths.get("src/main/java"));
 * }</pre>
 */
public final class Freezer {
  private final String packageName;
  private final String className;
  private final int unrollLimit;

  /**
   * Creates a freezer of classes named {@code className} in {@code packageName} ("" for the
   * unnamed package), whose layers are unrolled up to {@code unrollLimit} multiply-adds as in a
   * trainable class compiled with {@code -Aneurite.unrollLimit} (so both compute the same sums).
   *
   * @throws IllegalArgumentException if a name is not a Java name, or the limit is negative
   */
  public Freezer(String packageName, String className, int unrollLimit) {
    if (packageName == null || !(packageName.isEmpty() || SourceVersion.isName(packageName))) {
      throw new IllegalArgumentException("the package must be a Java package name such as "
          + "com.acme (or empty), but was " + quote(packageName));
    }
    if (className == null || !SourceVersion.isIdentifier(className)
        || SourceVersion.isKeyword(className)) {
      throw new IllegalArgumentException("the class name must be a Java identifier such as "
          + "DigitsModel, but was " + quote(className));
    }
    if (unrollLimit < 0) {
      throw new IllegalArgumentException("the unroll limit must not be negative, but was "
          + unrollLimit);
    }
    this.packageName = packageName;
    this.className = className;
    this.unrollLimit = unrollLimit;
  }

  /** Creates a freezer with the processor's default unroll limit. */
  public Freezer(String packageName, String className) {
    this(packageName, className, Planner.DEFAULT_UNROLL_LIMIT);
  }

  private static String quote(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }

  /**
   * Writes the frozen class of the model file {@code model} under {@code outputDirectory}, in
   * its package's directories, and returns the path of the source file written.
   *
   * @throws dev.neurite.runtime.io.ModelFileException if the file is not a sound model file
   */
  public static Path freeze(Path model, String packageName, String className,
      Path outputDirectory) throws IOException {
    return new Freezer(packageName, className).writeTo(model, outputDirectory);
  }

  /** Writes the frozen class of {@code model} under {@code outputDirectory}; returns its path. */
  public Path writeTo(Path model, Path outputDirectory) throws IOException {
    byte[] bytes = Files.readAllBytes(model);
    return file(bytes, String.valueOf(model.getFileName())).writeToPath(outputDirectory);
  }

  /** Returns the source of the frozen class of the model file at {@code model}. */
  public String source(Path model) throws IOException {
    byte[] bytes = Files.readAllBytes(model);
    return file(bytes, String.valueOf(model.getFileName())).toString();
  }

  /**
   * Returns the frozen class of the model file whose bytes are {@code bytes}, named
   * {@code fileName} in its documentation.
   */
  public JavaFile file(byte[] bytes, String fileName) throws IOException {
    return file(read(bytes, fileName), bytes, fileName);
  }

  /** Returns the frozen class of {@code saved}, read from {@code bytes} named {@code fileName}. */
  public JavaFile file(SavedModel saved, byte[] bytes, String fileName) {
    return file(saved.spec(), saved, bytes, fileName);
  }

  /**
   * Returns the frozen class of {@code saved}'s parameters in the network {@code spec}, which
   * has the file's shape: a declaration's, whose name and precision then hold (the build-time
   * form, so that the frozen class sums as the declaration's trainable class does).
   */
  public JavaFile file(NetworkSpec spec, SavedModel saved, byte[] bytes, String fileName) {
    return FrozenEmitter.emit(new FrozenModel(packageName, className,
        new Planner(unrollLimit).plan(packageName, fileName, spec), saved.parameters(),
        saved.info().extras().standardizer(), saved.info().extras().targetStandardizer(),
        saved.info().extras().classNames(), fileName, sha256(bytes)));
  }

  /** Reads the model file {@code bytes}; errors name it {@code fileName}. */
  public static SavedModel read(byte[] bytes, String fileName) throws IOException {
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      return ModelFile.read(in, fileName);
    }
  }

  /** Returns the SHA-256 of {@code bytes} in hexadecimal. */
  static String sha256(byte[] bytes) {
    try {
      StringBuilder hex = new StringBuilder();
      for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) {
        hex.append(Character.forDigit(b >> 4 & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
