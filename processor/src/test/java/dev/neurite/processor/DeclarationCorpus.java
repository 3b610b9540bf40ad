package dev.neurite.processor;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.SpecProblem;
import dev.neurite.runtime.SpecRule;
import dev.neurite.runtime.SpecValidator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Test support: a seeded generator of declarations, invalid and extreme ones among them, in both
 * forms, each in a file of its own, with the ids of the network rules it must break (as the
 * runtime's {@link SpecValidator} judges its parts). Named cases hold the hostile examples that
 * once compiled into broken code or reached javac as internal errors.
 */
final class DeclarationCorpus {
  /** The package of the generated declarations. */
  static final String PACKAGE = "corpus";

  /** What must become of a declaration. */
  enum Outcome {
    /** Refused, with at least the expected ids. */
    REFUSED,
    /** Accepted: its generated class compiles and runs. */
    COMPILES,
    /** Either, as long as a refusal is pinned and carries ids. */
    EITHER
  }

  /**
   * A declaration: its class (qualified), its source, the rule ids it must be refused with, and
   * what must become of it.
   */
  record Entry(String label, String className, String source, Set<String> expectedIds,
      Outcome outcome) {}

  private static final String[] HOSTILE_NAMES = {
      "var", "record", "yield", "sealed", "permits", "_", "class", "int", "goto", "const",
      "true", "null", "enum", "Xor\u200bNet", "Xor\u00adNet", "\ufeffXorNet", "Xor\u0000Net",
      "Xor\u0001Net", "Xor\u007fNet", "Xor\u202eNet", "Outer$Inner", "$Net", "Xor Net", "1Net",
      "Math", "System", "String", "Override", "IllegalArgumentException", "Object", "Integer",
      "Activation", "Loss", "Network", "Dense", "NetworkSpec", "Precision",
      "N".repeat(251), "\u00e9".repeat(125), "\ud83d\ude00Net", "sub"};
  private static final String[] FINE_NAMES = {
      "Iris\ud835\udc9cNet", "N".repeat(249), "\u00e9t\u00e9Net", "\u0394Net", "_Net", "Net_2"};
  private static final int[] SIZES = {1, 2, 3, 5, 8, 17, 40};
  private static final int[] BAD_SIZES = {0, -1, Integer.MIN_VALUE, 2_000_000_000};
  private static final double[] ALPHAS = {
      0.5, 0.01, 0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300};
  private static final double[] RATES = {0.25, 0.5, 0.999, 1.0, -0.1, Double.NaN};

  private final SplittableRandom random;
  private final List<Entry> entries = new ArrayList<>();

  private DeclarationCorpus(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Returns {@code count} random declarations from {@code seed}. */
  static List<Entry> generate(long seed, int count) {
    DeclarationCorpus corpus = new DeclarationCorpus(seed);
    for (int i = 0; i < count; i++) {
      corpus.next(i);
    }
    return corpus.entries;
  }

  private void next(int i) {
    String className = (random.nextBoolean() ? "A" : "B") + String.format(Locale.ROOT, "%04d", i);
    String name = name();
    int input = random.nextInt(8) == 0 ? pick(BAD_SIZES) : pick(SIZES);
    List<LayerSpec> layers = new ArrayList<>();
    List<String> calls = new ArrayList<>();
    boolean annotated = className.startsWith("A");
    int count = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
    for (int l = 0; l < count; l++) {
      layer(annotated, l == count - 1, layers, calls);
    }
    List<Loss> losses = losses(annotated, layers);
    boolean trainable = !annotated || random.nextInt(6) != 0;
    String source = annotated
        ? annotatedSource(className, name, input, calls, losses, trainable)
        : builderSource(className, name == null ? className + "Net" : name, input, calls, losses);
    String generatedName = name == null ? className + "Net" : name;
    Set<String> expected = expected(generatedName, input, layers, losses, trainable);
    entries.add(new Entry("random " + className, PACKAGE + "." + className, source, expected,
        expected.isEmpty() ? Outcome.EITHER : Outcome.REFUSED));
  }

  private String name() {
    int kind = random.nextInt(10);
    if (kind < 5) {
      return null;
    }
    return kind < 8 ? HOSTILE_NAMES[random.nextInt(HOSTILE_NAMES.length)]
        : FINE_NAMES[random.nextInt(FINE_NAMES.length)];
  }

  private void layer(boolean annotated, boolean last, List<LayerSpec> layers, List<String> calls) {
    Activation[] all = Activation.values();
    Activation activation = last && random.nextBoolean() ? pick(Activation.SIGMOID,
        Activation.SOFTMAX, Activation.IDENTITY) : all[random.nextInt(all.length)];
    int units = random.nextInt(12) == 0 ? pick(BAD_SIZES) : pick(SIZES);
    if (activation == Activation.SOFTMAX && units == 1 && random.nextBoolean()) {
      units = 3;
    }
    boolean alpha = random.nextInt(4) == 0;
    double value = pick(ALPHAS);
    double parameter = alpha && !Double.isNaN(value) ? value : activation.defaultParameter();
    layers.add(LayerSpec.dense(units, activation, parameter, true));
    double rate = random.nextInt(5) == 0 ? pick(RATES) : 0;
    if (annotated) {
      calls.add("@Dense(units = " + literal(units) + ", activation = Activation." + activation
          + (alpha ? ", alpha = " + literal(value) : "")
          + (rate != 0 ? ", dropout = " + literal(rate) : "") + ")");
    } else {
      calls.add(".dense(" + literal(units) + ", Activation." + activation
          + (alpha ? ", " + literal(value) : "") + ")");
      if (rate != 0) {
        calls.add(".dropout(" + literal(rate) + ")");
      }
    }
    if (rate != 0) {
      layers.add(LayerSpec.dropout(rate));
    }
  }

  private List<Loss> losses(boolean annotated, List<LayerSpec> layers) {
    int kind = random.nextInt(12);
    if (kind == 0) {
      return List.of();
    }
    if (kind == 1 && annotated) {
      return List.of(Loss.MEAN_SQUARED_ERROR, Loss.BINARY_CROSS_ENTROPY);
    }
    Loss[] all = Loss.values();
    if (kind < 6 || layers.isEmpty()) {
      return List.of(all[random.nextInt(all.length)]);
    }
    Activation output = layers.get(layers.size() - 1).activation();
    return List.of(output == Activation.SOFTMAX ? Loss.CATEGORICAL_CROSS_ENTROPY
        : output == Activation.SIGMOID ? Loss.BINARY_CROSS_ENTROPY : Loss.MEAN_SQUARED_ERROR);
  }

  /** The ids the runtime's rules give these parts; the processor must report each of them. */
  static Set<String> expected(String name, int input, List<LayerSpec> layers, List<Loss> losses,
      boolean trainable) {
    Set<String> ids = new LinkedHashSet<>();
    Loss loss = losses.size() == 1 ? losses.get(0) : null;
    for (SpecProblem p : SpecValidator.validate(name, input, layers, loss)) {
      if (p.rule() != SpecRule.LOSS_MISSING || losses.isEmpty()) {
        ids.add(p.rule().id());
      }
    }
    if (trainable) {
      SpecValidator.trainingProblems(layers).forEach(p -> ids.add(p.rule().id()));
    }
    if (losses.size() > 1) {
      ids.add("NeuriteLossCount");
    }
    return ids;
  }

  static String annotatedSource(String className, String name, int input, List<String> layers,
      List<Loss> losses, boolean trainable) {
    List<String> attributes = new ArrayList<>();
    if (name != null) {
      attributes.add("name = \"" + escaped(name) + "\"");
    }
    if (!losses.isEmpty()) {
      List<String> named = new ArrayList<>();
      losses.forEach(l -> named.add("Loss." + l));
      attributes.add("loss = " + (losses.size() == 1 ? named.get(0)
          : "{" + String.join(", ", named) + "}"));
    }
    if (!trainable) {
      attributes.add("trainable = false");
    }
    return header() + "@Network(" + String.join(", ", attributes) + ")\n@Input("
        + literal(input) + ")\n" + String.join("\n", layers) + "\nclass " + className + " {}\n";
  }

  static String builderSource(String className, String name, int input, List<String> calls,
      List<Loss> losses) {
    return header() + "final class " + className + " {\n  @Network\n  static final NetworkSpec "
        + "SPEC = Networks.sequential(\"" + escaped(name) + "\")\n      .input(" + literal(input)
        + ")\n      " + String.join("\n      ", calls)
        + (losses.isEmpty() ? "" : "\n      .loss(Loss." + losses.get(0) + ")")
        + "\n      .build();\n}\n";
  }

  static String header() {
    return "package " + PACKAGE + ";\n\nimport dev.neurite.dsl.*;\nimport dev.neurite.runtime.*;"
        + "\n\n";
  }

  /** Java source for a string's characters, ASCII only: every other one as a unicode escape. */
  static String escaped(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c >= ' ' && c < 0x7f && c != '"' && c != '\\' ? String.valueOf(c)
          : String.format(Locale.ROOT, "\\u%04x", (int) c));
    }
    return b.toString();
  }

  static String literal(double value) {
    if (Double.isNaN(value)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return Double.toString(value);
  }

  static String literal(int value) {
    return value == Integer.MIN_VALUE ? "Integer.MIN_VALUE" : Integer.toString(value);
  }

  private int pick(int... values) {
    return values[random.nextInt(values.length)];
  }

  private double pick(double... values) {
    return values[random.nextInt(values.length)];
  }

  @SafeVarargs
  private <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }
}
