package dev.neurite.processor.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.processor.validate.ProcessorRule;
import dev.neurite.runtime.SpecRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md's catalogue of diagnostics lists exactly the ids the code can report: those of
 * {@link SpecRule} and {@link ProcessorRule}, and any other id a module's main sources declare
 * (as a {@code "NeuriteSomething"} string or a {@code [NeuriteSomething]} message prefix).
 */
class DiagnosticCatalogueTest {
  private static final String HEADING = "## The catalogue of diagnostics";
  private static final String ID = "Neurite[A-Z][A-Za-z0-9]*";
  /** An id as a whole string literal, or in brackets at the start of a message. */
  private static final Pattern DECLARED = Pattern.compile("\"(" + ID + ")\"|\"\\[(" + ID + ")\\]");
  private static final Pattern IN_BACKTICKS = Pattern.compile("`(" + ID + ")`");

  @Test
  void everyIdTheCodeDeclaresHasARowInTheCatalogue() {
    Set<String> missing = new TreeSet<>(declaredIds());
    missing.removeAll(catalogueIds());
    assertEquals(Set.of(), missing, "ids the code reports but ARCHITECTURE.md's catalogue lacks;"
        + " add a row (id, rule, where it points) to the table under '" + HEADING + "'");
  }

  @Test
  void everyRowOfTheCatalogueNamesAnIdTheCodeDeclares() {
    Set<String> stale = new TreeSet<>(catalogueIds());
    stale.removeAll(declaredIds());
    assertEquals(Set.of(), stale,
        "rows of ARCHITECTURE.md's catalogue for ids no main source declares; remove them");
  }

  /** The source scan is what finds ids outside the two enums: it must find theirs too. */
  @Test
  void theSourceScanFindsEveryIdOfTheTwoCatalogues() {
    Set<String> scanned = scannedIds();
    for (SpecRule rule : SpecRule.values()) {
      assertTrue(scanned.contains(rule.id()), rule.id());
    }
    for (ProcessorRule rule : ProcessorRule.values()) {
      assertTrue(scanned.contains(rule.id()), rule.id());
    }
  }

  private static Set<String> declaredIds() {
    Set<String> ids = scannedIds();
    for (SpecRule rule : SpecRule.values()) {
      ids.add(rule.id());
    }
    for (ProcessorRule rule : ProcessorRule.values()) {
      ids.add(rule.id());
    }
    return ids;
  }

  /** Ids in the main Java sources of every module. */
  private static Set<String> scannedIds() {
    Set<String> ids = new TreeSet<>();
    List<Path> sources = RepositoryFiles.files(file -> file.toString().endsWith(".java")
        && file.toString().contains("/src/main/"));
    for (Path source : sources) {
      for (String line : RepositoryFiles.lines(source)) {
        Matcher m = DECLARED.matcher(line);
        while (m.find()) {
          ids.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
      }
    }
    return ids;
  }

  /** The ids in the first column of the catalogue's table. */
  private static Set<String> catalogueIds() {
    List<String> lines = RepositoryFiles.lines(RepositoryFiles.root().resolve("ARCHITECTURE.md"));
    int start = lines.indexOf(HEADING);
    assertTrue(start >= 0, "ARCHITECTURE.md must have the heading '" + HEADING + "'");
    Set<String> ids = new TreeSet<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("#")) {
        break;
      }
      if (line.startsWith("| `")) {
        Matcher m = IN_BACKTICKS.matcher(line.split("\\|")[1]);
        while (m.find()) {
          ids.add(m.group(1));
        }
      }
    }
    assertTrue(ids.size() > 1, "no catalogue table under '" + HEADING + "'");
    return ids;
  }
}
