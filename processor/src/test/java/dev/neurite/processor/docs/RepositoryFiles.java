package dev.neurite.processor.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files of this repository as a reader of it sees them: the checkout the tests run in, without
 * build output ({@code target}) and hidden directories other than {@code .ci}.
 */
final class RepositoryFiles {
  /** Endings of the files that are text a reader reads. */
  static final Set<String> TEXT_ENDINGS = Set.of(".md", ".java", ".xml", ".sh", ".py", ".txt",
      ".properties", ".kts", ".gradle", ".yml", ".yaml", ".json", ".csv");

  private RepositoryFiles() {}

  /** Returns the repository's root: the nearest directory up from here with ARCHITECTURE.md. */
  static Path root() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("ARCHITECTURE.md"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no ARCHITECTURE.md above " + Paths.get("").toAbsolutePath());
  }

  /** Returns every file of the repository that {@code filter} accepts, in path order. */
  static List<Path> files(Predicate<Path> filter) {
    try (Stream<Path> walk = Files.walk(root())) {
      return walk.filter(Files::isRegularFile)
          .filter(file -> !excluded(root().relativize(file)))
          .filter(filter)
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns every text file of the repository (by its ending). */
  static List<Path> textFiles() {
    return files(file -> TEXT_ENDINGS.stream().anyMatch(file.toString()::endsWith));
  }

  /** Returns the lines of a UTF-8 file. */
  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Build output and hidden directories (git's, an IDE's) are not the repository's text. */
  private static boolean excluded(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.equals("target") || (name.startsWith(".") && !name.equals(".ci")
          && !name.equals(".gitignore"))) {
        return true;
      }
    }
    return false;
  }
}
