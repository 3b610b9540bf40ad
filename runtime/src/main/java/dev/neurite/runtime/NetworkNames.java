package dev.neurite.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of a network's name, which is also the simple name of its generated class and of
 * that class's files: what javac accepts as a class name, and what a file system can store.
 */
final class NetworkNames {
  /**
   * The longest name in bytes of UTF-8: {@code Name.class} must fit the 255-byte file names of
   * ext4, XFS, APFS and NTFS (in UTF-16 units there, which UTF-8 bytes bound from above).
   */
  static final int MAX_BYTES = 255 - ".class".length();

  private static final Set<String> KEYWORDS = words(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
      "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
      "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
      "long", "native", "new", "package", "private", "protected", "public", "return", "short",
      "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws",
      "transient", "try", "void", "volatile", "while", "_");
  private static final Set<String> LITERALS = words("true", "false", "null");
  /** Identifiers javac accepts for variables but refuses for types (Java 10, 14, 16, 17). */
  private static final Set<String> RESTRICTED = words(
      "var", "yield", "record", "sealed", "permits");

  private NetworkNames() {}

  /** Adds the problems of {@code name} to {@code problems}: at most one, the most telling. */
  static void check(String name, List<SpecProblem> problems) {
    if (name == null) {
      add(problems, SpecRule.NAME, "null");
      return;
    }
    String reserved = reservedAs(name);
    if (reserved != null) {
      add(problems, SpecRule.NAME_RESERVED, name, reserved, capitalized(name));
      return;
    }
    for (int i = 0; i < name.length(); i = name.offsetByCodePoints(i, 1)) {
      int c = name.codePointAt(i);
      if (c == '$' || Character.isIdentifierIgnorable(c)) {
        add(problems, SpecRule.NAME_CHARACTER, describe(c), visible(name), i, advice(c));
        return;
      }
    }
    if (!isIdentifier(name)) {
      add(problems, SpecRule.NAME, visible(name));
      return;
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      add(problems, SpecRule.NAME_LENGTH, MAX_BYTES, visible(name.substring(0, 12)) + "...class",
          bytes);
    }
  }

  private static String reservedAs(String name) {
    if (KEYWORDS.contains(name)) {
      return "is a Java keyword";
    }
    if (LITERALS.contains(name)) {
      return "is a Java literal";
    }
    if (RESTRICTED.contains(name)) {
      return "javac refuses as a class name (a restricted identifier)";
    }
    return null;
  }

  /** Code points, not chars: a letter outside the Basic Multilingual Plane is a letter. */
  private static boolean isIdentifier(String s) {
    if (s.isEmpty() || !Character.isJavaIdentifierStart(s.codePointAt(0))) {
      return false;
    }
    for (int i = 0; i < s.length(); i = s.offsetByCodePoints(i, 1)) {
      if (!Character.isJavaIdentifierPart(s.codePointAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String describe(int c) {
    String unicodeName = Character.getName(c);
    return c == '$' ? "'$'" : String.format("U+%04X (%s)", c,
        unicodeName == null ? "unnamed" : unicodeName);
  }

  private static String advice(int c) {
    return c == '$'
        ? "javac and class files use '$' for nested and generated classes; use a letter instead"
        : "it is invisible, javac ignores it in names, and some file systems refuse it; "
            + "remove it";
  }

  /** The name as a message can show it: invisible characters and controls as escapes. */
  static String visible(String name) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean shown = c >= ' ' && c != 0x7f && !Character.isIdentifierIgnorable(c)
          && !Character.isWhitespace(c) || c == ' ';
      s.append(shown ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    return s.toString();
  }

  private static String capitalized(String name) {
    String letters = name.replace("_", "");
    return letters.isEmpty() ? "Model"
        : Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
  }

  private static void add(List<SpecProblem> problems, SpecRule rule, Object... values) {
    problems.add(new SpecProblem(rule, SpecProblem.NETWORK, "name", rule.format(values)));
  }

  private static Set<String> words(String... words) {
    return new HashSet<>(Arrays.asList(words));
  }
}
