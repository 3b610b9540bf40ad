package dev.neurite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error of the builder form, pinned to its line and column: the field, the chain, the
 * arguments, and the spec rules the replayed builder reports.
 */
class BuilderDiagnosticsTest {
  /** Line 10 holds the field; the chain's calls follow, one per line, from line 10 to 15. */
  private static final String MODELS = """
      package test;

      import dev.neurite.dsl.*;
      import dev.neurite.runtime.*;

      public final class Models {
        static int hidden = 16;

        @Network
        static final NetworkSpec IRIS = Networks.sequential("IrisNet")
            .input(4)
            .dense(16, Activation.RELU)
            .dense(3, Activation.SOFTMAX)
            .loss(Loss.CATEGORICAL_CROSS_ENTROPY)
            .build();
      }
      """;

  @Test
  void validChainCompilesIntoTheFieldsPackageUnderTheBuildersName() {
    Compilation compilation = compile(MODELS);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.IrisNet").contentsAsUtf8String()
        .contains("The network declared by {@code test.Models.IRIS}");
  }

  /** Reading the chain attributes the class early; code using the class to come must not mind. */
  @Test
  void theDeclaringClassMayUseTheGeneratedClass() {
    Compilation compilation = compile(MODELS.replace("  static int hidden = 16;",
        "  static Model create() {\n    return new IrisNet();\n  }"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void anUnrelatedErrorInTheClassIsJavacsAloneAndTheNetworkIsStillRead() {
    Compilation compilation = compile(MODELS.replace("  static int hidden = 16;",
        "  static int broken() {\n    return \"not an int\";\n  }"));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("incompatible types")
        .inFile(compilation.sourceFiles().get(0)).onLine(8);
  }

  @Test
  void nonConstantArgumentIsAnErrorOnThatArgument() {
    assertError(MODELS.replace(".dense(16,", ".dense(hidden,"), 12, 14,
        "[NeuriteBuilderConstant] arguments of the builder must be compile-time constants the"
            + " processor reads: a literal, a static final constant field or an enum constant, but"
            + " `hidden` is none of these; write the value, or declare a constant for it");
  }

  @Test
  void methodCallArgumentIsNotAConstant() {
    assertError(MODELS.replace(".input(4)", ".input(Integer.parseInt(\"4\"))"), 11, 30,
        "but `Integer.parseInt(\"4\")` is none of these");
  }

  /** javac folds {@code 2 * 8}, but the processor reads names and literals only: it says so. */
  @Test
  void constantExpressionIsAnErrorOnThatArgument() {
    assertError(MODELS.replace(".dense(16,", ".dense(2 * 8,"), 12, 16,
        "but `2 * 8` is none of these");
  }

  @Test
  void unknownMethodIsAnErrorOnItsName() {
    Compilation compilation = compile(MODELS.replace(".input(4)", ".inputs(4)"));
    assertThat(compilation).hadErrorContaining("[NeuriteBuilderMethod] inputs(...) is not a"
        + " method of the network builder; the builder has dense, denseWithoutBias, dropout,"
        + " huberDelta, input, loss, precision, seed and build")
        .inFile(compilation.sourceFiles().get(0)).onLine(11).atColumn(7);
  }

  @Test
  void missingBuildIsAnErrorOnTheLastCall() {
    Compilation compilation = compile(MODELS.replace("\n      .build();", ";"));
    assertThat(compilation).hadErrorContaining("[NeuriteBuilderBuild] the builder chain must end"
        + " with .build(), but it ends with .loss(...)")
        .inFile(compilation.sourceFiles().get(0)).onLine(14).atColumn(7);
  }

  @Test
  void chainNotStartingAtSequentialIsAnErrorOnTheInitializer() {
    String code = MODELS.replace("Networks.sequential(\"IrisNet\")", "start()").replace(
        "  static int hidden = 16;", "  static SequentialBuilder start() {\n"
            + "    return Networks.sequential(\"IrisNet\");\n  }");
    assertError(code, 12, 35, "[NeuriteBuilderStart] a @Network field must be initialized by"
        + " a chain that starts at Networks.sequential(\"Name\") and ends with .build(), but it"
        + " starts with `start()`");
  }

  @Test
  void softmaxOnAHiddenLayerIsTheSpecRuleOnThatLayersActivation() {
    assertError(MODELS.replace("16, Activation.RELU", "16, Activation.SOFTMAX"), 12, 28,
        "[NeuriteSoftmaxPlacement] softmax must only be the activation of the last layer, but"
            + " layer 0 is hidden; use RELU or TANH for hidden layers");
  }

  @Test
  void nonPositiveUnitsIsTheSpecRuleOnTheUnitsArgument() {
    assertError(MODELS.replace(".dense(3,", ".dense(-3,"), 13, 14,
        "[NeuriteDenseUnits] dense units must be positive, but was -3");
  }

  @Test
  void missingLossIsAnErrorOnBuild() {
    assertError(MODELS.replace("\n      .loss(Loss.CATEGORICAL_CROSS_ENTROPY)", ""), 14, 7,
        "[NeuriteLossMissing] the network must have a loss; for a SOFTMAX output use"
            + " CATEGORICAL_CROSS_ENTROPY");
  }

  @Test
  void lossMismatchIsAnErrorOnTheLossArgument() {
    assertError(MODELS.replace("Loss.CATEGORICAL_CROSS_ENTROPY", "Loss.BINARY_CROSS_ENTROPY"),
        14, 17, "[NeuriteLossMismatch] BINARY_CROSS_ENTROPY needs a SIGMOID output layer");
  }

  @Test
  void huberDeltaIsCheckedOnItsArgument() {
    assertError(MODELS.replace(".loss(Loss.CATEGORICAL_CROSS_ENTROPY)",
        ".loss(Loss.CATEGORICAL_CROSS_ENTROPY).huberDelta(2.0)"), 14, 56,
        "[NeuriteHuberDelta] the Huber delta must be finite and positive, and set only with loss"
            + " HUBER, but was 2.0 with loss CATEGORICAL_CROSS_ENTROPY");
  }

  @Test
  void builderRefusalIsAnErrorOnThatCall() {
    assertError(MODELS.replace(".input(4)", ".input(4).input(5)"), 11, 16,
        "[NeuriteBuilderCall] this builder call fails: input(int) may be called once, but the"
            + " input size is already 4");
  }

  @Test
  void fieldThatIsNotStaticFinalIsAnErrorOnTheField() {
    assertError(MODELS.replace("static final NetworkSpec IRIS", "static NetworkSpec IRIS"), 10,
        22, "[NeuriteBuilderField] @Network must be on a static final NetworkSpec field, but IRIS"
            + " is declared `static NetworkSpec`");
  }

  @Test
  void attributesOfNetworkOnABuilderFieldAreAnErrorOnTheAttribute() {
    assertError(MODELS.replace("@Network\n", "@Network(seed = 3)\n"), 9, 19,
        "[NeuriteBuilderAttributes] @Network on a builder field takes no attributes but"
            + " trainable");
  }

  @Test
  void untrainableActivationIsTheSpecRuleOnTheActivationArgument() {
    assertError(MODELS.replace("16, Activation.RELU", "16, Activation.BINARY_STEP"), 12, 28,
        "[NeuriteUntrainableActivation]");
  }

  @Test
  void anInferenceOnlyBuilderNetworkMayUseAnUntrainableActivation() {
    Compilation compilation = compile(MODELS.replace("16, Activation.RELU",
        "16, Activation.BINARY_STEP").replace("@Network\n", "@Network(trainable = false)\n"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.IrisNet");
  }

  @Test
  void generatedNameThatExistsIsAnErrorOnTheNameArgument() {
    assertError(MODELS.replace("\"IrisNet\"", "\"Models\""), 10, 55,
        "[NeuriteNameClash] the generated class test.Models already exists");
  }

  @Test
  void networkOnAMethodIsAnErrorOnTheMethod() {
    String code = MODELS.replace("static final NetworkSpec IRIS =", "static NetworkSpec iris() {"
        + " return").replace(".build();", ".build(); }");
    assertError(code, 9, 3, "[NeuriteElementKind] @Network must be on a class or on a static"
        + " final NetworkSpec field, but was on method iris");
  }

  /**
   * Every mistake at once, as in the annotated form: a refused call, a reserved name and an
   * activation no gradient flows through (a training rule, checked even when build() fails).
   */
  @Test
  void everyMistakeOfAChainIsReportedAtOnce() {
    Compilation compilation = compile(MODELS.replace("\"IrisNet\"", "\"record\"")
        .replace(".input(4)", ".input(4).input(5)")
        .replace("16, Activation.RELU", "16, Activation.BINARY_STEP"));
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("[NeuriteBuilderCall]")
        .inFile(compilation.sourceFiles().get(0)).onLine(11);
    assertThat(compilation).hadErrorContaining("[NeuriteNameReserved] the network name must not"
        + " be \"record\"").inFile(compilation.sourceFiles().get(0)).onLine(10).atColumn(55);
    assertThat(compilation).hadErrorContaining("[NeuriteUntrainableActivation]")
        .inFile(compilation.sourceFiles().get(0)).onLine(12).atColumn(28);
  }

  @Test
  void alphaOnAnActivationWithoutOneIsTheSpecRuleOnTheAlphaArgument() {
    assertError(MODELS.replace("16, Activation.RELU", "16, Activation.RELU, 0.5"), 12, 35,
        "[NeuriteActivationParameterUnused] RELU takes no parameter, but layer 0 gives it 0.5");
  }

  @Test
  void aLetterOutsideTheBasicPlaneIsAValidName() {
    Compilation compilation = compile(MODELS.replace("\"IrisNet\"", "\"Iris\ud835\udc9cNet\""));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Iris\ud835\udc9cNet");
  }

  /** A TYPE_USE annotation is part of the field's type, not another type. */
  @Test
  void aTypeUseAnnotationOnTheFieldsTypeIsFine() {
    Compilation compilation = Compiled.compile("test.Models", MODELS
        .replace("static final NetworkSpec IRIS", "static final @Checked NetworkSpec IRIS")
        .replace("public final class Models {", "public final class Models {\n"
            + "  @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)\n"
            + "  @interface Checked {}\n"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.IrisNet");
  }

  /**
   * On a record component, {@code @Network} reaches the component's field and accessor, which
   * have no source of their own: one error, on the annotation as written.
   */
  @Test
  void networkOnARecordComponentIsOneErrorOnTheAnnotation() {
    String code = """
        package test;

        import dev.neurite.dsl.*;
        import dev.neurite.runtime.*;

        record Holder(@Network NetworkSpec spec) {}
        """;
    Compilation compilation = Compiled.compile("test.Holder", code);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[NeuriteElementKind] @Network must be on a class"
        + " or on a static final NetworkSpec field, but was on record component spec")
        .inFile(compilation.sourceFiles().get(0)).onLine(6).atColumn(15);
  }

  /** Eclipse's compiler has no tree API: the builder form says so, on the field. */
  @Test
  void underEclipsesCompilerABuilderIsAnErrorOnTheField(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("test/Models.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, MODELS);
    Compilation compilation = Eclipse.compile(JavaFileObjects.forResource(file.toUri().toURL()));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[NeuriteBuilderNeedsJavac] a builder declaration"
        + " is read from its source through javac's tree API, which this compiler does not offer")
        .inFile(compilation.sourceFiles().get(0)).onLine(10);
  }

  private static Compilation compile(String code) {
    return Compiled.compile("test.Models", code);
  }

  private static void assertError(String code, int line, int column, String message) {
    Compilation compilation = compile(code);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message)
        .inFile(compilation.sourceFiles().get(0)).onLine(line).atColumn(column);
  }
}
