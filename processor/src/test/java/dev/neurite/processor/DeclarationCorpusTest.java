package dev.neurite.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.neurite.processor.DeclarationCorpus.Entry;
import dev.neurite.processor.DeclarationCorpus.Outcome;
import dev.neurite.processor.plan.Budget;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.Model;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.train.TrainableModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A seeded corpus of declarations, invalid and extreme ones among them, in both forms, compiled
 * in two javac runs. Every declaration is either refused, each error carrying a
 * {@code [Neurite...]} id and a line and nothing generated for it, or accepted, and then its
 * generated class compiles (with every other accepted one), loads, predicts, and refuses bad
 * arguments with an IllegalArgumentException. Declarations whose parts break a network rule
 * must be refused with that rule's id; the named cases are the hostile examples once accepted
 * into code that did not compile, or reported as internal errors. Seed:
 * {@code -Dneurite.corpusSeed} (printed).
 */
class DeclarationCorpusTest {
  private static final int RANDOM = 1000;
  private static final Pattern PINNED = Pattern.compile("^\\[(Neurite\\w+)\\] ");

  @Test
  void everyDeclarationIsRefusedWithPinnedIdsOrCompilesAndRuns() throws Exception {
    long seed = Long.getLong("neurite.corpusSeed", 16);
    List<Entry> entries = new ArrayList<>(DeclarationCorpus.generate(seed, RANDOM));
    entries.addAll(NamedDeclarations.all());
    long start = System.nanoTime();
    Compilation all = compile(entries);
    Map<String, List<String>> refusals = refusals(all, entries);
    double firstRun = (System.nanoTime() - start) / 1e9;
    List<Entry> accepted = new ArrayList<>();
    Map<String, Integer> ids = new TreeMap<>();
    for (Entry e : entries) {
      List<String> errors = refusals.get(e.className());
      if (errors == null) {
        accepted.add(e);
        assertTrue(e.outcome() != Outcome.REFUSED, e.label() + " must be refused with "
            + e.expectedIds() + "\n" + e.source());
        continue;
      }
      assertTrue(e.outcome() != Outcome.COMPILES, e.label() + " was refused: " + errors);
      Set<String> reported = new java.util.HashSet<>();
      for (String error : errors) {
        Matcher m = PINNED.matcher(error);
        assertTrue(m.find(), e.label() + ": an error without an id: " + error);
        reported.add(m.group(1));
        ids.merge(m.group(1), 1, Integer::sum);
      }
      assertTrue(reported.containsAll(e.expectedIds()), e.label() + " must report "
          + e.expectedIds() + " but reported " + errors + "\n" + e.source());
    }
    int runs = runAccepted(accepted);
    System.out.printf(Locale.ROOT, "declaration corpus (seed %d): %d declarations, %d refused with"
            + " pinned ids, %d compiled and ran (%d generated classes loaded); %.1f s (all: %.1f"
            + " s); ids %s%n", seed, entries.size(), entries.size() - accepted.size(),
        accepted.size(), runs, (System.nanoTime() - start) / 1e9, firstRun, ids);
    assertTrue(entries.size() - accepted.size() > RANDOM / 5, "the corpus must be hostile");
    assertTrue(accepted.size() > RANDOM / 10, "the corpus must also compile networks");
  }

  /** javac hands the processor {@code -Aneurite.unrollLimit=} without a value: an error. */
  @Test
  void anEmptyUnrollLimitIsAnOptionError() {
    Compilation compilation = javac().withProcessors(new NeuriteProcessor())
        .withOptions("-Aneurite.unrollLimit=")
        .compile(JavaFileObjects.forSourceString("test.Xor", ProcessorTest.XOR));
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertTrue(compilation.errors().get(0).getMessage(null).startsWith("[NeuriteOptionValue]"));
  }

  private static Compilation compile(List<Entry> entries) {
    List<JavaFileObject> files = new ArrayList<>(NamedDeclarations.supportFiles());
    for (Entry e : entries) {
      files.add(JavaFileObjects.forSourceString(e.className(), e.source()));
    }
    // javac stops reporting after 100 errors by default; every refusal must be seen
    return javac().withProcessors(new NeuriteProcessor()).withOptions("-Xmaxerrs", "100000")
        .compile(files);
  }

  /** The errors of each declaration's file; every error must be in one, and have a line. */
  private static Map<String, List<String>> refusals(Compilation compilation, List<Entry> entries) {
    Map<String, String> byFile = new LinkedHashMap<>();
    entries.forEach(e -> byFile.put(e.className().replace('.', '/') + ".java", e.className()));
    Map<String, List<String>> refusals = new LinkedHashMap<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
      String file = d.getSource() == null ? null
          : d.getSource().toUri().getPath().replaceFirst("^/", "");
      String owner = file == null ? null : byFile.get(file);
      assertTrue(owner != null, "an error outside the declarations (" + file + "): "
          + d.getMessage(Locale.ROOT));
      assertTrue(d.getLineNumber() > 0, owner + ": an error without a line: " + d);
      refusals.computeIfAbsent(owner, k -> new ArrayList<>()).add(d.getMessage(Locale.ROOT));
    }
    return refusals;
  }

  /**
   * Compiles the accepted declarations alone (their generated code must compile), then loads
   * each generated class and runs it. Returns how many ran.
   */
  private static int runAccepted(List<Entry> accepted) throws Exception {
    Compilation compilation = compile(accepted);
    assertEquals(List.of(), compilation.errors().stream().map(d -> d.getMessage(Locale.ROOT))
        .limit(5).toList(), "the accepted declarations must compile with their generated code");
    ClassLoader loader = Compiled.loader(compilation);
    int runs = 0;
    for (JavaFileObject generated : compilation.generatedSourceFiles()) {
      String path = generated.toUri().getPath();
      String name = path.substring(path.indexOf("/SOURCE_OUTPUT/") + "/SOURCE_OUTPUT/".length(),
          path.length() - ".java".length()).replace('/', '.');
      Object instance = loader.loadClass(name).getConstructor().newInstance();
      run(name, (Model) instance, (TrainableModel) instance);
      runs++;
    }
    assertTrue(runs >= accepted.size(), runs + " generated classes for " + accepted.size());
    return runs;
  }

  private static void run(String name, Model model, TrainableModel trainable) {
    double[] output = new double[model.outputSize()];
    model.predict(new double[model.inputSize()], output);
    assertThrows(IllegalArgumentException.class, () -> model.predict(null, output), name);
    Dataset data = Dataset.of(new double[][] {new double[model.inputSize()]},
        new double[][] {new double[model.outputSize()]});
    double[] gradient = new double[trainable.parameterCount()];
    assertThrows(IllegalArgumentException.class,
        () -> trainable.forwardBackwardBatch(data, new int[] {0}, 1, 0, gradient), name);
    assertEquals(0.0, trainable.forwardBackwardBatch(data, new int[] {0}, 1, 1, gradient), name);
  }

  /** The hostile examples, each a named case, and the files they need. */
  static final class NamedDeclarations {
    private NamedDeclarations() {}

    static List<JavaFileObject> supportFiles() {
      List<JavaFileObject> files = new ArrayList<>();
      files.add(JavaFileObjects.forSourceString("corpus.sub.Marker",
          "package corpus.sub;\npublic final class Marker {}\n"));
      files.add(JavaFileObjects.forSourceString("other.Dense",
          "package other;\npublic @interface Dense { int units(); }\n"));
      for (String hidden : new String[] {"Math", "System", "String", "Override",
          "IllegalArgumentException", "Object", "Double", "Float", "Integer", "LayerSpec",
          "Arrays", "ModelArguments", "NetworkSpec", "Dataset"}) {
        files.add(JavaFileObjects.forSourceString("corpus.shadow." + hidden,
            "package corpus.shadow;\nfinal class " + hidden + " {}\n"));
      }
      return files;
    }

    static List<Entry> all() {
      List<Entry> named = new ArrayList<>();
      named.add(annotated("alpha = Infinity on IDENTITY", "N01", "@Input(2)\n"
          + "@Dense(units = 1, activation = Activation.IDENTITY, alpha = "
          + "Double.POSITIVE_INFINITY)", "loss = Loss.MEAN_SQUARED_ERROR",
          "NeuriteActivationParameterUnused"));
      named.add(annotated("alpha = NaN on TANH is unset", "N02", "@Input(2)\n"
          + "@Dense(units = 1, activation = Activation.TANH, alpha = Double.NaN)",
          "loss = Loss.MEAN_SQUARED_ERROR"));
      String[][] names = {{"var", "NeuriteNameReserved"}, {"record", "NeuriteNameReserved"},
          {"yield", "NeuriteNameReserved"}, {"sealed", "NeuriteNameReserved"},
          {"permits", "NeuriteNameReserved"}, {"Math", "NeuriteNameHides"},
          {"Activation", "NeuriteNameHides"}, {"Loss", "NeuriteNameHides"},
          {"Xor\u200bNet", "NeuriteNameCharacter"}, {"Xor\u00adNet", "NeuriteNameCharacter"},
          {"\ufeffXorNet", "NeuriteNameCharacter"}, {"Xor\u0007Net", "NeuriteNameCharacter"},
          {"Xor\u0000Net", "NeuriteNameCharacter"}, {"Outer$Inner", "NeuriteNameCharacter"},
          {"sub", "NeuriteNamePackage"}, {"N".repeat(251), "NeuriteNameLength"}};
      for (int i = 0; i < names.length; i++) {
        named.add(annotated("name " + DeclarationCorpus.escaped(names[i][0]), "M" + i,
            xorLayers(),
            "name = \"" + DeclarationCorpus.escaped(names[i][0])
                + "\", loss = Loss.BINARY_CROSS_ENTROPY", names[i][1]));
      }
      named.add(annotated("no loss", "N03", xorLayers(), "", "NeuriteLossMissing"));
      named.add(annotated("a letter outside the basic plane", "N04", xorLayers(),
          "name = \"Named\\ud835\\udc9cNet\", loss = Loss.BINARY_CROSS_ENTROPY"));
      named.add(annotated(Budget.LAYERS + 200 + " layers", "N05", "@Input(2)\n"
          + "@Dense(units = 2, activation = Activation.TANH)\n".repeat(Budget.LAYERS + 199)
          + "@Dense(units = 1, activation = Activation.SIGMOID)",
          "loss = Loss.BINARY_CROSS_ENTROPY", "NeuriteLayerCount"));
      named.add(new Entry("builder: every mistake at once", "corpus.N06",
          DeclarationCorpus.builderSource("N06", "record", 2, List.of(".input(3)",
              ".dense(4, Activation.BINARY_STEP)", ".dense(1, Activation.SIGMOID)"),
              List.of(Loss.BINARY_CROSS_ENTROPY)),
          Set.of("NeuriteBuilderCall", "NeuriteNameReserved", "NeuriteUntrainableActivation"),
          Outcome.REFUSED));
      named.add(annotated("a user's @Dense beside Neurite's", "N07", "@other.Dense(units = 9)\n"
          + "@Input(2)\n@Dense(units = 0, activation = Activation.TANH)\n"
          + "@Dense(units = 1, activation = Activation.SIGMOID)",
          "loss = Loss.BINARY_CROSS_ENTROPY", "NeuriteDenseUnits"));
      named.add(new Entry("@Network on a record component", "corpus.N08",
          DeclarationCorpus.header() + "record N08(@Network NetworkSpec spec) {}\n",
          Set.of("NeuriteElementKind"), Outcome.REFUSED));
      named.add(new Entry("a TYPE_USE annotation on a builder field", "corpus.N09",
          DeclarationCorpus.builderSource("N09", "N09Net", 2, List.of(
              ".dense(1, Activation.SIGMOID)"), List.of(Loss.BINARY_CROSS_ENTROPY))
              .replace("static final NetworkSpec", "static final @N09.Checked NetworkSpec")
              .replace("final class N09 {", "final class N09 {\n  @java.lang.annotation.Target("
                  + "java.lang.annotation.ElementType.TYPE_USE)\n  @interface Checked {}"),
          Set.of(), Outcome.COMPILES));
      named.addAll(shadowed());
      return named;
    }

    /**
     * In a package whose own classes are named like what generated code uses ({@code Math},
     * {@code System}, {@code String}, ...), one network per activation and one per loss.
     */
    private static List<Entry> shadowed() {
      List<Entry> entries = new ArrayList<>();
      for (Activation a : Activation.values()) {
        String output = "@Dense(units = " + (a == Activation.SOFTMAX ? 3 : 2)
            + ", activation = Activation." + a + ")";
        String loss = a == Activation.SOFTMAX ? "Loss.CATEGORICAL_CROSS_ENTROPY"
            : "Loss.MEAN_SQUARED_ERROR";
        String hidden = a == Activation.SOFTMAX ? "Activation.TANH" : "Activation." + a;
        entries.add(shadowEntry("S" + a.ordinal(), "@Input(3)\n@Dense(units = 6, activation = "
            + hidden + ", dropout = 0.25)\n" + output, loss, a == Activation.BINARY_STEP));
      }
      for (Loss l : Loss.values()) {
        String output = switch (l) {
          case CATEGORICAL_CROSS_ENTROPY -> "@Dense(units = 3, activation = Activation.SOFTMAX)";
          case BINARY_CROSS_ENTROPY -> "@Dense(units = 1, activation = Activation.SIGMOID)";
          default -> "@Dense(units = 2, activation = Activation.IDENTITY)";
        };
        entries.add(shadowEntry("L" + l.ordinal(), "@Input(20)\n@Dense(units = 30, activation = "
            + "Activation.RELU)\n" + output, "Loss." + l, false));
      }
      return entries;
    }

    private static Entry shadowEntry(String name, String layers, String loss, boolean untrained) {
      String source = "package corpus.shadow;\n\nimport dev.neurite.dsl.Dense;\n"
          + "import dev.neurite.dsl.Input;\nimport dev.neurite.dsl.Network;\n"
          + "import dev.neurite.runtime.Activation;\nimport dev.neurite.runtime.Loss;\n\n"
          + "@Network(loss = " + loss + (untrained ? ", trainable = false" : "") + ")\n"
          + layers + "\nfinal class " + name + " {}\n";
      return new Entry("in a package with Math, System, String...: " + name,
          "corpus.shadow." + name, source, Set.of(), Outcome.COMPILES);
    }

    private static String xorLayers() {
      return "@Input(2)\n@Dense(units = 4, activation = Activation.TANH)\n"
          + "@Dense(units = 1, activation = Activation.SIGMOID)";
    }

    private static Entry annotated(String label, String className, String layers,
        String attributes, String... ids) {
      String source = DeclarationCorpus.header() + "@Network(" + attributes + ")\n" + layers
          + "\nclass " + className + " {}\n";
      return new Entry(label, DeclarationCorpus.PACKAGE + "." + className, source, Set.of(ids),
          ids.length == 0 ? Outcome.COMPILES : Outcome.REFUSED);
    }
  }
}
