package dev.neurite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.neurite.processor.plan.Budget;
import dev.neurite.processor.validate.ProcessorRule;
import dev.neurite.runtime.SpecRule;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per rule of the catalogues: a declaration that breaks it, and the exact line and
 * column the error must point at (marked {@code ^} in the source, on the line below). Messages
 * are matched by their stable id, so rewording a message does not break these tests.
 */
class DiagnosticsTest {
  /**
   * A rule, a source that breaks it, and the text that must start the message. The error must
   * point just after the {@code /*^*}{@code /} marker: at the value, or for a qualified enum
   * constant at its dot, where javac itself points in a member select.
   */
  record Case(String rule, String source, String message) {
    @Override
    public String toString() {
      return rule;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(SpecRule.INPUT_SIZE.id(), xor("@Input(/*^*/0)"), "the input size must be positive"),
        new Case(ProcessorRule.INPUT_MISSING.id(),
            xor("").replace("@Network(", "/*^*/@Network("), "a network must declare its input"),
        new Case(SpecRule.NO_LAYERS.id(), """
            package test;
            import dev.neurite.dsl.*;
            import dev.neurite.runtime.*;
            /*^*/@Network(loss = Loss.MEAN_SQUARED_ERROR)
            @Input(2)
            class Xor {}
            """, "a network must have at least one layer"),
        new Case(SpecRule.DENSE_UNITS.id(), xor("@Input(2)").replace("units = 4", "units = /*^*/0"),
            "dense units must be positive, but was 0"),
        new Case(SpecRule.SOFTMAX_NOT_LAST.id(), xor("@Input(2)")
            .replace("activation = Activation.TANH", "activation = Activation/*^*/.SOFTMAX"),
            "softmax must only be the activation of the last layer"),
        new Case(SpecRule.SOFTMAX_UNITS.id(), xor("@Input(2)")
            .replace("BINARY_CROSS_ENTROPY", "CATEGORICAL_CROSS_ENTROPY")
            .replace("units = 1, activation = Activation.SIGMOID",
                "units = /*^*/1, activation = Activation.SOFTMAX"),
            "softmax needs at least 2 units"),
        new Case(SpecRule.ACTIVATION_PARAMETER.id(), xor("@Input(2)")
            .replace("activation = Activation.TANH", "activation = Activation.LEAKY_RELU, "
                + "alpha = /*^*/-1"), "the LEAKY_RELU parameter must be finite and non-negative"),
        new Case(SpecRule.LOSS_MISMATCH.id(), xor("@Input(2)")
            .replace("loss = Loss.BINARY_CROSS_ENTROPY", "loss = Loss/*^*/.CATEGORICAL_CROSS_ENTROPY"),
            SpecRule.LOSS_MISMATCH.format("CATEGORICAL_CROSS_ENTROPY", "SOFTMAX", "SIGMOID",
                "BINARY_CROSS_ENTROPY")),
        new Case(SpecRule.HUBER_DELTA.id(), xor("@Input(2)")
            .replace("@Network(", "@Network(huberDelta = /*^*/2.0, "),
            SpecRule.HUBER_DELTA.format(2.0, "BINARY_CROSS_ENTROPY")),
        new Case(SpecRule.DROPOUT_RATE.id(), xor("@Input(2)")
            .replace("activation = Activation.TANH", "activation = Activation.TANH, "
                + "dropout = /*^*/1.5"), "dropout rate must be in [0, 1), but was 1.5"),
        new Case(SpecRule.DROPOUT_LAST.id(), xor("@Input(2)")
            .replace("activation = Activation.SIGMOID", "activation = Activation.SIGMOID, "
                + "dropout = /*^*/0.5"), "dropout must be followed by a dense layer"),
        new Case(SpecRule.NAME.id(), xor("@Input(2)")
            .replace("@Network(", "@Network(name = /*^*/\"Xor Net\", "),
            "the network name must be a Java identifier"),
        new Case(SpecRule.NAME_RESERVED.id(), xor("@Input(2)")
            .replace("@Network(", "@Network(name = /*^*/\"record\", "),
            "the network name must not be \"record\", which javac refuses as a class name"),
        new Case(SpecRule.NAME_CHARACTER.id(), xor("@Input(2)")
            .replace("@Network(", "@Network(name = /*^*/\"Xor\\u200bNet\", "),
            "the network name must not contain U+200B (ZERO WIDTH SPACE)"),
        new Case(SpecRule.NAME_LENGTH.id(), xor("@Input(2)")
            .replace("@Network(", "@Network(name = /*^*/\"" + "N".repeat(250) + "\", "),
            "the network name must be at most 249 bytes in UTF-8"),
        new Case(SpecRule.ACTIVATION_PARAMETER_UNUSED.id(), xor("@Input(2)")
            .replace("activation = Activation.TANH", "activation = Activation.TANH, "
                + "alpha = /*^*/0.5"), "TANH takes no parameter, but layer 0 gives it 0.5"),
        new Case(SpecRule.LOSS_MISSING.id(), xor("@Input(2)")
            .replace("@Network(loss = Loss.BINARY_CROSS_ENTROPY)", "/*^*/@Network"),
            "the network must have a loss; for a SIGMOID output use BINARY_CROSS_ENTROPY"),
        new Case(ProcessorRule.LOSS_COUNT.id(), xor("@Input(2)")
            .replace("loss = Loss.BINARY_CROSS_ENTROPY",
                "loss = /*^*/{Loss.BINARY_CROSS_ENTROPY, Loss.MEAN_SQUARED_ERROR}"),
            ProcessorRule.LOSS_COUNT.format(2)),
        new Case(ProcessorRule.NAME_HIDES.id(), xor("@Input(2)")
            .replace("@Network(", "@Network(name = /*^*/\"Activation\", "),
            ProcessorRule.NAME_HIDES.format("test.Activation", "dev.neurite.runtime.Activation",
                "the declaring file imports with dev.neurite.runtime.*")),
        new Case(ProcessorRule.NAME_PACKAGE.id(), xor("@Input(2)")
            .replace("package test;", "package dev.neurite;")
            .replace("@Network(", "@Network(name = /*^*/\"dsl\", "),
            ProcessorRule.NAME_PACKAGE.format("dev.neurite.dsl", "dev.neurite.dsl")),
        new Case(ProcessorRule.LAYER_COUNT.id(), xor("@Input(2)")
            .replace("@Dense(units = 4, activation = Activation.TANH)\n",
                "@Dense(units = 4, activation = Activation.TANH)\n".repeat(Budget.LAYERS))
            .replace("@Dense(units = 1", "/*^*/@Dense(units = 1"),
            ProcessorRule.LAYER_COUNT.format(Budget.LAYERS, Budget.LAYERS + 1)),
        new Case(SpecRule.PARAMETER_COUNT.id(), xor("@Input(2)")
            .replace("units = 4", "units = /*^*/2_000_000_000"),
            "a network must have at most 2147483639 parameters"),
        new Case(SpecRule.UNTRAINABLE_ACTIVATION.id(), xor("@Input(2)")
            .replace("activation = Activation.TANH", "activation = Activation/*^*/.BINARY_STEP"),
            "BINARY_STEP has a zero derivative"),
        new Case(ProcessorRule.NAME_CLASH.id(), xor("@Input(2)")
            .replace("@Network(", "@Network(name = /*^*/\"Taken\", ")
            + "class Taken {}\n", ProcessorRule.NAME_CLASH.format("test.Taken")),
        new Case(ProcessorRule.ELEMENT_KIND.id(), """
            package test;
            import dev.neurite.dsl.*;
            import dev.neurite.runtime.*;
            /*^*/@Network(loss = Loss.MEAN_SQUARED_ERROR)
            @Input(2)
            @Dense(units = 1, activation = Activation.IDENTITY)
            interface Xor {}
            """, ProcessorRule.ELEMENT_KIND.format("interface Xor")),
        new Case(ProcessorRule.NETWORK_MISSING.id(), """
            package test;
            import dev.neurite.dsl.*;
            import dev.neurite.runtime.*;
            /*^*/@Input(2)
            @Dense(units = 4, activation = Activation.TANH)
            @Dense(units = 1, activation = Activation.SIGMOID)
            class Xor {}
            """, ProcessorRule.NETWORK_MISSING.format("class Xor")),
        new Case(ProcessorRule.FROZEN_NETWORK_MISSING.id(), """
            package test;
            import dev.neurite.dsl.*;
            /*^*/@Frozen(model = "xor.nrt")
            class Xor {}
            """, ProcessorRule.FROZEN_NETWORK_MISSING.format("class Xor")),
        new Case(ProcessorRule.FROZEN_NAME.id(),
            frozen("model = \"xor.nrt\", name = /*^*/\"Xor Model\""),
            ProcessorRule.FROZEN_NAME.format("XorNet", "Xor Model")),
        new Case(ProcessorRule.FROZEN_MODEL_MISSING.id(),
            frozen("model = /*^*/\"missing.nrt\""),
            ProcessorRule.FROZEN_MODEL_MISSING.format("missing.nrt", "/test/missing.nrt",
                "test/missing.nrt")),
        new Case(ProcessorRule.FROZEN_MODEL_UNREADABLE.id(),
            frozen("model = /*^*/\"broken.nrt\""),
            "broken.nrt is not a Neurite model file"),
        new Case(ProcessorRule.FROZEN_MODEL_SHAPE.id(), frozen("model = /*^*/\"other.nrt\""),
            "other.nrt holds 2-8-1 (tanh, sigmoid) but the model XorNet is 2-4-1 (tanh, "
                + "sigmoid)"));
  }

  /** The XOR declaration with {@code @Frozen(attributes)}. */
  static String frozen(String attributes) {
    return xor("@Input(2)\n@Frozen(" + attributes + ")");
  }

  /** The XOR declaration, with its {@code @Input} line replaced by {@code input}. */
  static String xor(String input) {
    return ProcessorTest.XOR.replace("@Input(2)", input);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachRuleIsOneErrorAtTheValueAtFault(Case c) {
    JavaFileObject source = JavaFileObjects.forSourceString("test.Xor", c.source());
    Compilation compilation = javac().withProcessors(new NeuriteProcessor(),
        new FrozenProcessor()).withClasspath(FrozenModels.classPath()).compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    int[] at = marker(c.source());
    assertThat(compilation).hadErrorContaining("[" + c.rule() + "] " + c.message()
            .replaceFirst("^\\[\\w+\\] ", ""))
        .inFile(source).onLine(at[0]).atColumn(at[1]);
  }

  @Test
  void everyRuleThatAnAnnotationCanBreakHasACase() {
    Set<String> covered = cases().map(Case::rule).collect(Collectors.toSet());
    Set<String> expected = Stream.concat(
        EnumSet.complementOf(EnumSet.of(
            SpecRule.ACTIVATION_MISSING)) // annotation values cannot be null
            .stream().map(SpecRule::id),
        EnumSet.complementOf(EnumSet.of(
            ProcessorRule.OPTION_UNKNOWN, ProcessorRule.OPTION_VALUE, // OptionsTest: no element
            ProcessorRule.NAME_DUPLICATE, ProcessorRule.INTERNAL_ERROR, // tested below
            ProcessorRule.FILE_WRITE)) // ErrorHandlingTest: a file system that refuses
            .stream().map(ProcessorRule::id)
            .filter(id -> !id.startsWith("NeuriteBuilder"))) // BuilderDiagnosticsTest
        .collect(Collectors.toSet());
    assertEquals(expected, covered);
  }

  /** Returns the 1-based line and column of the token after the marker, marker removed. */
  static int[] marker(String source) {
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int column = lines[i].indexOf("/*^*/");
      if (column >= 0) {
        return new int[] {i + 1, column + "/*^*/".length() + 1};
      }
    }
    throw new AssertionError("no /*^*/ marker in\n" + source);
  }

  static List<JavaFileObject> sources(String... namesAndCodes) {
    List<JavaFileObject> files = new java.util.ArrayList<>();
    for (int i = 0; i < namesAndCodes.length; i += 2) {
      files.add(JavaFileObjects.forSourceString(namesAndCodes[i], namesAndCodes[i + 1]));
    }
    return files;
  }
}
