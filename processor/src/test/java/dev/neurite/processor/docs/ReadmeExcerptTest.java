package dev.neurite.processor.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README opens with a declaration and an excerpt of the class it generates: the excerpt must
 * be what the processor writes, so every line of it stands, in the same order, in the golden
 * file that {@code GoldenTest} compares the processor's output of that declaration with.
 */
class ReadmeExcerptTest {
  private static final String GOLDEN = "processor/src/test/resources/golden/XorNet.java";

  @Test
  void theReadmesExcerptOfXorNetIsInTheGoldenFile() {
    List<String> excerpt = javaBlocks().get(1);
    List<String> golden = RepositoryFiles.lines(RepositoryFiles.root().resolve(GOLDEN));
    int at = 0;
    for (String line : excerpt) {
      if (line.trim().equals("...")) {
        continue;
      }
      int found = golden.subList(at, golden.size()).indexOf(line);
      assertTrue(found >= 0, "README's excerpt line \"" + line + "\" is not in " + GOLDEN
          + " after line " + at + "; copy the excerpt from the golden file again");
      at += found + 1;
    }
  }

  @Test
  void theReadmesDeclarationIsTheOneTheGoldenFileWasGeneratedFrom() {
    List<String> golden = RepositoryFiles.lines(RepositoryFiles.root().resolve(GOLDEN));
    List<String> declaration = javaBlocks().get(0);
    assertTrue(declaration.contains("@Network(loss = Loss.BINARY_CROSS_ENTROPY, seed = 7)"));
    assertTrue(declaration.contains("@Dense(units = 4, activation = Activation.TANH)"));
    assertTrue(declaration.contains("@Dense(units = 1, activation = Activation.SIGMOID)"));
    assertTrue(golden.contains("      LayerSpec.dense(4, Activation.TANH, 0.0, true),"));
    assertTrue(golden.contains("    Loss.BINARY_CROSS_ENTROPY, Precision.FLOAT, 7L);"));
  }

  /** The README's ```java blocks, in order, each as its lines. */
  private static List<List<String>> javaBlocks() {
    Path readme = RepositoryFiles.root().resolve("README.md");
    List<List<String>> blocks = new ArrayList<>();
    List<String> block = null;
    for (String line : RepositoryFiles.lines(readme)) {
      if (block == null && line.equals("```java")) {
        block = new ArrayList<>();
      } else if (block != null && line.equals("```")) {
        blocks.add(block);
        block = null;
      } else if (block != null) {
        block.add(line);
      }
    }
    return blocks;
  }
}
