package dev.neurite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.neurite.processor.plan.Budget;
import dev.neurite.processor.plan.Planner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every generated method stays under the bytecode budget, read from the class files javac
 * wrote, from a 2-2-1 network up to a 4096-4096 layer; and the generated source compiles with
 * every lint as an error, and at Java 8.
 *
 * <p>Deep networks too, up to {@link Budget#LAYERS}: their per-layer lists of calls and of
 * field initializers are split into parts. The largest method of each network is printed, for
 * the record.
 */
class MethodSizeTest {
  private static final String SOURCE = """
      package test;

      import dev.neurite.dsl.*;
      import dev.neurite.runtime.*;

      @Network(loss = Loss.LOSS, precision = Precision.PRECISION)
      @Input(INPUTS)
      LAYERS
      class Net {}
      """;

  /** Networks from 2-2-1 to 4096-4096 at a limit of 256, then unrolled code split into parts. */
  @ParameterizedTest(name = "{0} {1}, unroll limit {2}, strict {3}")
  @CsvSource({
      "2-2-1, FLOAT, 256, true",
      "4-16-3, FLOAT, 256, false",
      "64-32-10, FLOAT, 256, false",
      "784-256-128-10, FLOAT, 256, false",
      "4096-4096, FLOAT, 256, false",
      "784-256-128-10, DOUBLE, 256, true",
      "64-32-10, FLOAT, 4096, true",
      "64-32-10, DOUBLE, 16384, false",
  })
  void everyMethodIsUnderTheBudget(
      String shape, String precision, int unrollLimit, boolean strict) {
    String label = shape + " " + precision + " unroll limit " + unrollLimit;
    Compilation compilation = compile(source(shape, precision), unrollLimit, label);
    if (strict) {
      compilesStrictly(compilation);
    }
  }

  /**
   * Deep networks: 4-unit layers are unrolled, 8-unit ones loops trained in groups, every other
   * one followed by dropout; at the limit, every list of per-layer calls and initializers (the
   * constructor's, the static initializer's, the passes') is split into parts.
   */
  @ParameterizedTest(name = "{0} layers of {1} units, dropout {2}")
  @CsvSource({"200, 4, false", "500, 8, true"})
  void deepNetworksKeepEveryMethodUnderTheBudget(int depth, int width, boolean dropout) {
    Compilation compilation = compile(deep(depth, width, dropout), Planner.DEFAULT_UNROLL_LIMIT,
        depth + " layers of " + width + (dropout ? " with dropout" : ""));
    if (depth == 200) {
      compilesStrictly(compilation);
    }
  }

  /** The deepest network accepted has {@link Budget#LAYERS} layers, dropout included. */
  static String deep(int depth, int width, boolean dropout) {
    StringBuilder layers = new StringBuilder();
    for (int l = 0; l < depth - 1; l++) {
      boolean drop = dropout && l % 2 == 0 && l + 1 < depth - 1;
      layers.append("@Dense(units = ").append(width).append(", activation = Activation.RELU")
          .append(drop ? ", dropout = 0.25" : "").append(")\n");
      l += drop ? 1 : 0;
    }
    return SOURCE.replace("INPUTS", String.valueOf(width))
        .replace("LAYERS", layers + "@Dense(units = 1, activation = Activation.SIGMOID)")
        .replace("LOSS", "BINARY_CROSS_ENTROPY").replace("PRECISION", "FLOAT");
  }

  private static Compilation compile(String source, int unrollLimit, String label) {
    Compilation compilation = javac().withProcessors(new NeuriteProcessor())
        .withOptions("-Aneurite.unrollLimit=" + unrollLimit)
        .compile(JavaFileObjects.forSourceString("test.Net", source));
    assertThat(compilation).succeededWithoutWarnings();
    ClassFileSizes sizes = ClassFileSizes.of(classFile(compilation, "test/NetNet.class"));
    for (Map.Entry<String, Integer> method : sizes.methodBytes().entrySet()) {
      assertTrue(method.getValue() <= Budget.METHOD_BYTES, method.getKey() + " has "
          + method.getValue() + " bytes of bytecode, over the budget of " + Budget.METHOD_BYTES);
    }
    assertTrue(sizes.constantPoolCount() < 65535);
    System.out.printf("method sizes: %s: largest %s = %d bytes, %d methods, constant pool "
            + "%d%n", label, sizes.largest().getKey(), sizes.largest().getValue(),
        sizes.methodBytes().size(), sizes.constantPoolCount());
    return compilation;
  }

  /** Recompiles the generated source alone with every lint as an error, then at Java 8. */
  private static void compilesStrictly(Compilation compilation) {
    List<JavaFileObject> generated = new ArrayList<>(compilation.generatedSourceFiles());
    assertThat(javac().withOptions("-Xlint:all", "-Werror").compile(generated))
        .succeededWithoutWarnings();
    assertThat(javac().withOptions("--release", "8", "-Xlint:all,-options", "-Werror")
        .compile(generated)).succeededWithoutWarnings();
  }

  static String source(String shape, String precision) {
    String[] sizes = shape.split("-");
    StringBuilder layers = new StringBuilder();
    for (int l = 1; l < sizes.length; l++) {
      boolean last = l == sizes.length - 1;
      layers.append(l == 1 ? "" : "\n").append("@Dense(units = ").append(sizes[l])
          .append(", activation = Activation.").append(last ? "SOFTMAX" : "RELU").append(")");
    }
    boolean binary = sizes[sizes.length - 1].equals("1");
    return SOURCE.replace("INPUTS", sizes[0]).replace("LAYERS", layers)
        .replace("SOFTMAX", binary ? "SIGMOID" : sizes.length == 2 ? "TANH" : "SOFTMAX")
        .replace("LOSS", binary ? "BINARY_CROSS_ENTROPY"
            : sizes.length == 2 ? "MEAN_SQUARED_ERROR" : "CATEGORICAL_CROSS_ENTROPY")
        .replace("PRECISION", precision);
  }

  static byte[] classFile(Compilation compilation, String path) {
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS && file.toUri().getPath().endsWith(path)) {
        try (InputStream in = file.openInputStream()) {
          return in.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new AssertionError("no class file " + path);
  }
}
