package dev.neurite.processor.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The repository speaks for itself: the links of its Markdown files lead somewhere, and no text
 * sends its reader to an issue tracker the reader does not have.
 */
class RepositoryTextTest {
  /** A Markdown link's target: {@code [text](target)}. */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  /** The word issue then a number, a hash allowed between them, or a hash then a number. */
  private static final Pattern ISSUE_NUMBER =
      Pattern.compile("(?i)\\bissues?\\s+#?[0-9]+|(?<![&\\w])#[0-9]+\\b");

  @Test
  void everyLocalLinkPointsAtAFileAndHeadingThatExist() {
    List<String> broken = new ArrayList<>();
    for (Path markdown : RepositoryFiles.files(file -> file.toString().endsWith(".md"))) {
      List<String> lines = RepositoryFiles.lines(markdown);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = LINK.matcher(lines.get(i));
        while (m.find()) {
          String problem = problem(markdown, m.group(1));
          if (problem != null) {
            broken.add(where(markdown, i) + ": " + m.group(1) + " " + problem);
          }
        }
      }
    }
    assertEquals(List.of(), broken, "broken links");
  }

  @Test
  void noTextCitesAnIssueNumber() {
    List<String> citing = new ArrayList<>();
    for (Path file : RepositoryFiles.textFiles()) {
      List<String> lines = RepositoryFiles.lines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (ISSUE_NUMBER.matcher(lines.get(i)).find()) {
          citing.add(where(file, i) + ": " + lines.get(i).trim());
        }
      }
    }
    assertEquals(List.of(), citing, "a reader of the repository has no issue tracker: say what "
        + "the text means instead of citing an issue");
  }

  /** Written in pieces, so that this file does not cite what it looks for. */
  @Test
  void theIssuePatternFindsCitationsAndNothingElse() {
    for (String citing : List.of("see issue " + 7, "Issue #" + 12 + "'s targets", "(#" + "3)")) {
      assertTrue(ISSUE_NUMBER.matcher(citing).find(), citing);
    }
    for (String plain : List.of("no issues here", "&#" + "160;", "W4 784-256", "C#")) {
      assertFalse(ISSUE_NUMBER.matcher(plain).find(), plain);
    }
  }

  @Test
  void headingsBecomeGitHubAnchors() {
    assertEquals("the-catalogue-of-diagnostics", anchor("## The catalogue of diagnostics"));
    assertEquals("the-processor-pipeline-devneuriteprocessor",
        anchor("## The processor pipeline (`dev.neurite.processor`)"));
  }

  /** Returns what is wrong with a link from {@code markdown}, or null if nothing is. */
  private static String problem(Path markdown, String target) {
    if (target.matches("(?i)(https?|mailto):.*")) {
      return null;
    }
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    Path file = path.isEmpty() ? markdown : markdown.getParent().resolve(path).normalize();
    if (!Files.exists(file)) {
      return "leads to no file";
    }
    if (hash < 0 || !file.toString().endsWith(".md")) {
      return null;
    }
    String fragment = target.substring(hash + 1);
    boolean found = RepositoryFiles.lines(file).stream()
        .filter(line -> line.startsWith("#"))
        .anyMatch(heading -> anchor(heading).equals(fragment));
    return found ? null : "leads to no heading of " + file.getFileName();
  }

  /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
  static String anchor(String heading) {
    return heading.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  private static String where(Path file, int index) {
    return RepositoryFiles.root().relativize(file) + ":" + (index + 1);
  }
}
