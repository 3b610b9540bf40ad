package dev.neurite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.train.TrainableModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The processor end to end under javac: what it generates, and what it refuses. */
class ProcessorTest {
  static final String XOR = """
      package test;

      import dev.neurite.dsl.*;
      import dev.neurite.runtime.*;

      @Network(loss = Loss.BINARY_CROSS_ENTROPY)
      @Input(2)
      @Dense(units = 4, activation = Activation.TANH)
      @Dense(units = 1, activation = Activation.SIGMOID)
      class Xor {}
      """;

  @Test
  void generatesACompilingClassNamedAfterTheDeclaration() {
    Compilation compilation = Compiled.compile("test.Xor", XOR);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.XorNet")
        .contentsAsUtf8String().contains("public final class XorNet implements FloatModel, TrainableModel");
  }

  @Test
  void nonPositiveUnitsIsAnErrorOnTheUnitsValue() {
    Compilation compilation = Compiled.compile("test.Xor", XOR.replace("units = 4", "units = 0"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[NeuriteDenseUnits] dense units must be positive,"
        + " but was 0").inFile(compilation.sourceFiles().get(0)).onLine(8).atColumn(16);
  }

  @Test
  void aBuildWithEveryLintWarningAsAnErrorStillCompiles() {
    // unclaimed annotations would draw javac's "No processor claimed" warning, fatal here
    Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new NeuriteProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .compile(com.google.testing.compile.JavaFileObjects.forSourceString("test.Xor", XOR));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void denseDropoutBecomesADropoutLayerAfterItsDenseLayer() {
    String code = XOR.replace("activation = Activation.TANH)",
            "activation = Activation.TANH, dropout = 0.25)")
        .replace("class Xor", "class Xor2").replace("@Input(2)", "@Input(3)");
    TrainableModel net = Compiled.instance("test.Xor2", code, "test.Xor2Net", TrainableModel.class);
    assertEquals(Arrays.asList(LayerSpec.dense(4, Activation.TANH), LayerSpec.dropout(0.25),
        LayerSpec.dense(1, Activation.SIGMOID)), net.spec().layers());
  }
}
