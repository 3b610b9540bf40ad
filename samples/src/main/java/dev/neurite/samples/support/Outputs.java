package dev.neurite.samples.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where a sample writes its files (training history, loss curve, saved model): never into the
 * source tree. Each file name starts with the sample's name, so samples can share a directory.
 */
public final class Outputs {
  /** The directory used when no argument names one, relative to the working directory. */
  public static final String DEFAULT_DIRECTORY = "target/sample-output";

  private Outputs() {}

  /** Returns (and creates) the directory named by the first argument, or the default one. */
  public static Path directory(String[] args) throws IOException {
    return Files.createDirectories(Paths.get(args.length > 0 ? args[0] : DEFAULT_DIRECTORY));
  }
}
