package dev.neurite.processor.emit;

import com.palantir.javapoet.JavaFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a generated file, with an explicit import of every {@code java.lang} type its code
 * names ({@code import java.lang.Math;}).
 *
 * <p>A type of the user's package hides {@code java.lang}'s type of the same simple name (a class
 * {@code Math} or {@code System} next to the declaration would turn {@code Math.exp} into a call
 * to it); a single-type import hides the package's type in turn (JLS 6.4.1), so the generated
 * code means {@code java.lang}'s whatever the package holds, without qualifying every name. The
 * generated class itself never has such a name: the processor refuses names that hide a
 * {@code java.lang} type.
 */
public final class GeneratedSource {
  /** The {@code java.lang} types generated code may name, now or after a change to an emitter. */
  private static final Set<String> JAVA_LANG = Set.of(
      "ArithmeticException", "ArrayIndexOutOfBoundsException", "AssertionError", "Boolean",
      "Byte", "Character", "Class", "Deprecated", "Double", "Error", "Exception", "Float",
      "IllegalArgumentException", "IllegalStateException", "IndexOutOfBoundsException", "Integer",
      "Iterable", "Long", "Math", "NullPointerException", "Number", "Object", "Override",
      "Runnable", "RuntimeException", "Short", "StrictMath", "String", "StringBuilder",
      "SuppressWarnings", "System", "Thread", "ThreadLocal", "UnsupportedOperationException");
  /** A simple name, not the tail of a qualified one. */
  private static final Pattern NAME = Pattern.compile("(?<![\\w.$])[A-Z][A-Za-z]*\\b");

  private GeneratedSource() {}

  /** Returns the source of {@code file} with its {@code java.lang} imports. */
  public static String text(JavaFile file) {
    String source = file.toString();
    Set<String> imports = new TreeSet<>();
    Matcher m = NAME.matcher(source);
    while (m.find()) {
      if (JAVA_LANG.contains(m.group())) {
        imports.add("import java.lang." + m.group() + ";");
      }
    }
    return imports.isEmpty() ? source : withImports(source, imports);
  }

  /** Merges {@code imports} into the file's sorted block of imports. */
  private static String withImports(String source, Set<String> imports) {
    List<String> lines = new ArrayList<>(List.of(source.split("\n", -1)));
    int first = 0;
    while (first < lines.size() && !lines.get(first).startsWith("import ")) {
      first++;
    }
    if (first == lines.size()) {
      throw new IllegalStateException("generated code without imports: " + source);
    }
    int end = first;
    while (end < lines.size() && lines.get(end).startsWith("import ")) {
      imports.add(lines.get(end++));
    }
    lines.subList(first, end).clear();
    lines.addAll(first, imports);
    return String.join("\n", lines);
  }
}
