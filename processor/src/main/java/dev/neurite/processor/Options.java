package dev.neurite.processor;

import dev.neurite.processor.plan.Planner;
import dev.neurite.processor.validate.ProcessorRule;
import dev.neurite.processor.validate.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The processor options ({@code -Aneurite.name=value}), all declared and parsed here and nowhere
 * else: an option not listed in {@link #NAMES} does not exist.
 *
 * <p>Parsing never throws: a bad value or an unknown {@code neurite.*} name becomes a problem
 * (with a "did you mean" for a misspelled name), and the option keeps its default.
 */
public final class Options {
  /** The largest layer, in multiply-adds, that the planner writes out fully unrolled. */
  public static final String UNROLL_LIMIT = "neurite.unrollLimit";
  /**
   * Whether loop layers are written with the incubating Vector API ({@code jdk.incubator.vector},
   * JDK 16+, compiled and run with {@code --add-modules jdk.incubator.vector}); off by default.
   */
  public static final String VECTOR_API = "neurite.vectorApi";

  /** Every option, with what its value must be, in the words of an error message. */
  private static final Map<String, String> EXPECTED = sorted(Map.of(
      UNROLL_LIMIT, "a non-negative integer (multiply-adds)",
      VECTOR_API, "true or false"));

  /** The names of every option, for {@code getSupportedOptions()}. */
  public static final Set<String> NAMES = Collections.unmodifiableSet(EXPECTED.keySet());

  private static final String PREFIX = "neurite.";

  private final int unrollLimit;
  private final boolean vectorApi;
  private final List<String> problems;

  private Options(int unrollLimit, boolean vectorApi, List<String> problems) {
    this.unrollLimit = unrollLimit;
    this.vectorApi = vectorApi;
    this.problems = List.copyOf(problems);
  }

  /** Returns the defaults, as if no option had been given. */
  public static Options defaults() {
    return parse(Map.of());
  }

  /** Parses the options javac was given (all processors' options; others are ignored). */
  public static Options parse(Map<String, String> raw) {
    List<String> problems = new ArrayList<>();
    for (String name : sorted(raw).keySet()) {
      if (name.startsWith(PREFIX) && !EXPECTED.containsKey(name)) {
        problems.add(ProcessorRule.OPTION_UNKNOWN.format(name,
            Suggestions.closest(name, EXPECTED.keySet()), String.join(", ", EXPECTED.keySet())));
      }
    }
    int unrollLimit = nonNegativeInt(raw, UNROLL_LIMIT, Planner.DEFAULT_UNROLL_LIMIT, problems);
    boolean vectorApi = bool(raw, VECTOR_API, false, problems);
    return new Options(unrollLimit, vectorApi, problems);
  }

  /** Returns the largest layer, in multiply-adds, to unroll ({@value #UNROLL_LIMIT}). */
  public int unrollLimit() {
    return unrollLimit;
  }

  /** Returns whether loop layers use the Vector API ({@value #VECTOR_API}). */
  public boolean vectorApi() {
    return vectorApi;
  }

  /** Returns one message per bad option, stable id first; empty when every option is fine. */
  public List<String> problems() {
    return problems;
  }

  private static int nonNegativeInt(
      Map<String, String> raw, String name, int fallback, List<String> problems) {
    if (!raw.containsKey(name)) {
      return fallback;
    }
    String text = valueOf(raw, name);
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below, with what was expected
    }
    problems.add(ProcessorRule.OPTION_VALUE.format(name, EXPECTED.get(name), text));
    return fallback;
  }

  private static boolean bool(
      Map<String, String> raw, String name, boolean fallback, List<String> problems) {
    if (!raw.containsKey(name)) {
      return fallback;
    }
    String text = valueOf(raw, name);
    switch (text.trim()) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        problems.add(ProcessorRule.OPTION_VALUE.format(name, EXPECTED.get(name), text));
        return fallback;
    }
  }

  /**
   * javac maps a bare {@code -Aname} to {@code null}, {@code -Aname=} to the empty string: an
   * option without a value is as unclear as a wrong one, so both are errors.
   */
  private static String valueOf(Map<String, String> raw, String name) {
    return raw.get(name) == null ? "" : raw.get(name);
  }

  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
