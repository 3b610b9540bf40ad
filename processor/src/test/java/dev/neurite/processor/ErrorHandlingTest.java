package dev.neurite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.neurite.processor.DiagnosticsTest.marker;
import static dev.neurite.processor.DiagnosticsTest.xor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.neurite.processor.validate.ProcessorRule;
import dev.neurite.runtime.SpecRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How errors travel: all of them reported, none hiding another, none thrown at javac, and none
 * added where javac has already spoken.
 */
class ErrorHandlingTest {
  @Test
  void everyProblemOfOneDeclarationIsReported() {
    Compilation compilation = compile("test.Xor", xor("@Input(0)")
        .replace("units = 4", "units = -3")
        .replace("loss = Loss.BINARY_CROSS_ENTROPY", "loss = Loss.CATEGORICAL_CROSS_ENTROPY"));
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("[" + SpecRule.INPUT_SIZE.id() + "]");
    assertThat(compilation).hadErrorContaining("[" + SpecRule.DENSE_UNITS.id() + "]");
    assertThat(compilation).hadErrorContaining("[" + SpecRule.LOSS_MISMATCH.id() + "]");
  }

  /**
   * A file system that refuses the generated file (here a file stands where the package's
   * directory must go) is the user's to fix: its own id, the reason, and no internal error.
   */
  @Test
  void aFileTheFileSystemRefusesIsAUserError(@TempDir Path dir) throws IOException {
    JavacRun run = new JavacRun(dir);
    Files.writeString(dir.resolve("gen").resolve("test"), "not a directory");
    JavacRun.Result result = run.compile(new NeuriteProcessor(),
        run.write("test.Xor", ProcessorTest.XOR));
    assertFalse(result.success());
    assertEquals(1, result.errors().size(), result.errors().toString());
    assertTrue(result.errors().get(0).startsWith(ProcessorRule.FILE_WRITE.format("test.XorNet",
        "").substring(0, 60)), result.errors().get(0));
  }

  /** The user's own annotation named Dense is not Neurite's, and moves no error. */
  @Test
  void anotherAnnotationNamedDenseDoesNotMoveTheError() {
    String code = xor("@Input(2)").replace("units = 1", "units = /*^*/0")
        .replace("class Xor", "@other.Dense(9)\nclass Xor");
    JavaFileObject xor = source("test.Xor", code);
    Compilation compilation = javac().withProcessors(new NeuriteProcessor()).compile(xor,
        source("other.Dense", "package other;\npublic @interface Dense { int value(); }\n"));
    assertThat(compilation).hadErrorCount(1);
    int[] at = marker(code);
    assertThat(compilation).hadErrorContaining("[" + SpecRule.DENSE_UNITS.id() + "]")
        .inFile(xor).onLine(at[0]).atColumn(at[1]);
  }

  @Test
  void oneBadDeclarationDoesNotHideTheErrorsOfAnother() {
    JavaFileObject first = source("test.Xor", xor("@Input(/*^*/0)"));
    JavaFileObject second = source("test.Other", xor("@Input(2)").replace("class Xor", "class Other")
        .replace("units = 1", "units = /*^*/0"));
    Compilation compilation = javac().withProcessors(new NeuriteProcessor()).compile(first, second);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[" + SpecRule.INPUT_SIZE.id() + "]")
        .inFile(first).onLine(7).atColumn(marker(xor("@Input(/*^*/0)"))[1]);
    assertThat(compilation).hadErrorContaining("[" + SpecRule.DENSE_UNITS.id() + "]")
        .inFile(second).onLine(9);
  }

  @Test
  void twoDeclarationsOfTheSameClassAreADuplicateOnTheSecond() {
    String named = xor("@Input(2)").replace("@Network(", "@Network(name = /*^*/\"Same\", ");
    JavaFileObject first = source("test.Xor", named);
    JavaFileObject second = source("test.Other", named.replace("class Xor", "class Other"));
    Compilation compilation = javac().withProcessors(new NeuriteProcessor()).compile(first, second);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(
            ProcessorRule.NAME_DUPLICATE.format("test.Same", "test.Xor"))
        .inFile(second).onLine(6).atColumn(marker(named)[1]);
  }

  @Test
  void aFailureInsideTheProcessorIsReportedOnTheDeclarationAsABug() {
    NeuriteProcessor failing = new NeuriteProcessor(declaration -> {
      throw new IllegalStateException("planted failure for " + declaration);
    });
    Compilation compilation = javac().withProcessors(failing)
        .compile(source("test.Xor", ProcessorTest.XOR));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[" + ProcessorRule.INTERNAL_ERROR.id() + "]")
        .inFile(compilation.sourceFiles().get(0)).onLine(6).atColumn(1);
    assertThat(compilation).hadErrorContaining("this is a bug in Neurite, please report it");
    assertThat(compilation).hadErrorContaining(
        "java.lang.IllegalStateException: planted failure for test.Xor");
  }

  @Test
  void anUnresolvedValueLeavesTheWordToJavac() {
    Compilation compilation = compile("test.Xor", xor("@Input(2)")
        .replace("units = 4", "units = UNKNOWN_CONSTANT")
        .replace("Activation.SIGMOID", "Activation.NO_SUCH_ACTIVATION"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("UNKNOWN_CONSTANT");
    assertThat(compilation).hadErrorContaining("NO_SUCH_ACTIVATION");
    for (var diagnostic : compilation.errors()) {
      org.junit.jupiter.api.Assertions.assertFalse(
          diagnostic.getMessage(null).contains("[Neurite"), diagnostic.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"enum Xor { A }", "@interface Xor {}", "record Xor() {}"})
  void networkOnATypeThatIsNotAClassIsAnError(String type) {
    Compilation compilation = compile("test.Xor", ProcessorTest.XOR.replace("class Xor {}", type));
    assertThat(compilation).hadErrorCount(1);
    String kind = type.startsWith("@") ? "annotation type" : type.split(" ")[0];
    assertThat(compilation).hadErrorContaining(ProcessorRule.ELEMENT_KIND.format(kind + " Xor"))
        .inFile(compilation.sourceFiles().get(0)).onLine(6).atColumn(1);
  }

  @Test
  void networkOnAFieldThatIsNotAStaticFinalSpecIsAnError() {
    String code = """
        package test;
        import dev.neurite.dsl.*;
        class Holder {
          @Network Object net;
        }
        """;
    Compilation compilation = compile("test.Holder", code);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(ProcessorRule.BUILDER_FIELD.format("net", "Object"))
        .inFile(compilation.sourceFiles().get(0)).onLine(4).atColumn(19);
  }

  @Test
  void repeatedDenseWithoutNetworkIsPinnedToTheFirstDense() {
    String code = ProcessorTest.XOR.replace("@Network(loss = Loss.BINARY_CROSS_ENTROPY)\n", "")
        .replace("@Input(2)\n", "");
    Compilation compilation = compile("test.Xor", code);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(ProcessorRule.NETWORK_MISSING.format("class Xor"))
        .inFile(compilation.sourceFiles().get(0)).onLine(6).atColumn(1);
  }

  @Test
  void aNetworkOfBillionsOfParametersJustUnderTheLimitStillCompiles() {
    // the other side of NeuriteParameterCount: plan and emit must not overflow either
    Compilation compilation = compile("test.Xor", xor("@Input(40000)")
        .replace("units = 4", "units = 40000"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.XorNet").contentsAsUtf8String()
        .contains("PARAMETERS = 1600080001;");
  }

  @Test
  void aJavaKeywordIsNotANetworkName() {
    Compilation compilation = compile("test.Xor",
        xor("@Input(2)").replace("@Network(", "@Network(name = \"class\", "));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(
        SpecRule.NAME_RESERVED.format("class", "is a Java keyword", "Class"));
  }

  @Test
  void anInferenceOnlyNetworkMayUseBinaryStep() {
    Compilation compilation = compile("test.Xor", xor("@Input(2)")
        .replace("@Network(", "@Network(trainable = false, ")
        .replace("Activation.TANH", "Activation.BINARY_STEP"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.XorNet");
  }

  private static Compilation compile(String name, String code) {
    return javac().withProcessors(new NeuriteProcessor()).compile(source(name, code));
  }

  private static JavaFileObject source(String name, String code) {
    return JavaFileObjects.forSourceString(name, code);
  }
}
