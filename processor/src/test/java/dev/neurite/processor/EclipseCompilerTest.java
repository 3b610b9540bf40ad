package dev.neurite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.neurite.processor.validate.ProcessorRule;
import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.SpecRule;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.TrainableModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.tools.JavaFileObject;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotated-class form under Eclipse's compiler, which has no javac tree API: the processor
 * must generate the same working class, and pin its errors through the element API instead.
 */
class EclipseCompilerTest {
  @TempDir static Path sources;

  /**
   * Compiles {@code code} with ECJ; the source goes through a real file, since ECJ opens each
   * compilation unit as a {@code File} from its URI.
   */
  private static Compilation compile(String name, String code) {
    try {
      Path file = Files.createTempDirectory(sources, "src")
          .resolve(name.replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, code);
      return Eclipse.compile(JavaFileObjects.forResource(file.toUri().toURL()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Through real directories: ECJ reads generated sources back as files, which compile-testing's
   * in-memory output is not.
   */
  @Test
  void generatesAClassThatComputesWhatTheInterpreterComputes(@TempDir Path dir) throws Exception {
    JavacRun run = new JavacRun(dir);
    JavacRun.Result result = run.compile(new EclipseCompiler(), List.of("-17"),
        new NeuriteProcessor(), run.write("test.Xor", ProcessorTest.XOR));
    assertTrue(result.success(), result.errors().toString());
    TrainableModel generated = (TrainableModel) run.classLoader().loadClass("test.XorNet")
        .getConstructor().newInstance();
    ReferenceNetwork reference = new ReferenceNetwork(generated.spec());
    double[] parameters = new double[generated.parameterCount()];
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < parameters.length; i++) {
      parameters[i] = random.nextDouble(-1, 1);
    }
    generated.setParameters(parameters);
    reference.setParameters(parameters);
    float[] out = new float[1];
    double[] expected = new double[1];
    ((FloatModel) generated).predict(new float[] {1, 0}, out);
    reference.predict(new double[] {1, 0}, expected);
    assertEquals(expected[0], out[0], 1e-6);
  }

  @Test
  void errorsArePinnedWithoutTheTreeApi() {
    String code = DiagnosticsTest.xor("@Input(/*^*/0)");
    Compilation compilation = compile("test.Xor", code);
    JavaFileObject source = compilation.sourceFiles().get(0);
    assertThat(compilation).hadErrorContaining("[" + SpecRule.INPUT_SIZE.id() + "]")
        .inFile(source).onLine(7);
  }

  @Test
  void aRepeatedLayersErrorIsPinnedThroughTheElementApi() {
    // javac cannot map a value inside the repeated-annotation container back to source, ECJ can
    Compilation compilation = compile("test.Xor",
        DiagnosticsTest.xor("@Input(2)").replace("units = 4", "units = 0"));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[" + SpecRule.DENSE_UNITS.id() + "]")
        .inFile(compilation.sourceFiles().get(0)).onLine(8);
  }

  @Test
  void anElementKindErrorIsPinnedToTheAnnotation() {
    Compilation compilation = compile("test.Xor",
        ProcessorTest.XOR.replace("class Xor {}", "interface Xor {}"));
    assertThat(compilation).hadErrorContaining(ProcessorRule.ELEMENT_KIND.format("interface Xor"))
        .inFile(compilation.sourceFiles().get(0)).onLine(6);
  }
}
