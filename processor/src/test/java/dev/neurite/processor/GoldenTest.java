package dev.neurite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import dev.neurite.processor.emit.ModelEmitter;
import dev.neurite.processor.plan.Planner;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The generated source of a few networks, compared with files checked in under
 * {@code src/test/resources/golden/}: they guard against output that is correct but weird, and
 * show in review how a change to the emitter changes the code. The functional tests are the
 * ones that run the code.
 *
 * <p>After an intended change, regenerate every golden with
 * {@code mvn -q -o -pl processor -am test -Dtest=GoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dneurite.updateGoldens=true} and review the diff.
 */
class GoldenTest {
  private static final Path GOLDEN = Paths.get("src", "test", "resources", "golden");
  private static final String UPDATE = "neurite.updateGoldens";

  private static final String XOR = """
      package test;

      import dev.neurite.dsl.*;
      import dev.neurite.runtime.*;

      @Network(loss = Loss.BINARY_CROSS_ENTROPY, seed = 7)
      @Input(2)
      @Dense(units = 4, activation = Activation.TANH)
      @Dense(units = 1, activation = Activation.SIGMOID)
      class Xor {}
      """;

  private static final String DIGITS = """
      package test;

      import dev.neurite.dsl.*;
      import dev.neurite.runtime.*;

      @Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, precision = Precision.DOUBLE)
      @Input(64)
      @Dense(units = 32, activation = Activation.RELU)
      @Dense(units = 10, activation = Activation.SOFTMAX)
      class Digits {}
      """;

  @Test
  void xorUnrolledInFloat() {
    Compilation compilation = Compiled.compile("test.Xor", XOR);
    assertThat(compilation).succeeded();
    matchesGolden("XorNet.java", generated(compilation, "test.XorNet"));
  }

  @Test
  void digitsInLoopsInDouble() {
    Compilation compilation = Compiled.compile("test.Digits", DIGITS);
    assertThat(compilation).succeeded();
    matchesGolden("DigitsNet.java", generated(compilation, "test.DigitsNet"));
  }

  @Test
  void dropoutBetweenUnrolledLayers() {
    NetworkSpec spec = NetworkSpec.of("DropoutNet", 3, Arrays.asList(
            LayerSpec.dense(4, Activation.LEAKY_RELU, 0.1, true), LayerSpec.dropout(0.25),
            LayerSpec.dense(2, Activation.IDENTITY, 0, false)),
        Loss.HUBER, Precision.FLOAT, 5);
    String source = ModelEmitter.emit(
        new Planner(Planner.DEFAULT_UNROLL_LIMIT).plan("test", "test.Dropout", spec)).toString();
    matchesGolden("DropoutNet.java", source);
  }

  private static String generated(Compilation compilation, String name) {
    try {
      return compilation.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void matchesGolden(String file, String actual) {
    Path path = GOLDEN.resolve(file);
    try {
      if (Boolean.getBoolean(UPDATE)) {
        Files.createDirectories(GOLDEN);
        Files.write(path, actual.getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (!Files.exists(path)) {
        fail("missing golden file " + path.toAbsolutePath() + ": create it with "
            + "mvn -q -o -pl processor -am test -Dtest=GoldenTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE + "=true");
      }
      String expected = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
      assertEquals(expected, actual, "generated source differs from " + path
          + "; if the change is intended, regenerate with -D" + UPDATE + "=true");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
