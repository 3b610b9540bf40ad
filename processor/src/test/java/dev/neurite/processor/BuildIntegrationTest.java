package dev.neurite.processor;

import static dev.neurite.processor.DiagnosticsTest.xor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.processor.validate.ProcessorRule;
import dev.neurite.runtime.SpecRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor in a build: what a failed compilation leaves behind, a second build over the
 * output of the first (no {@code clean}), and byte-identical output whatever the order.
 */
class BuildIntegrationTest {
  private static final String GOOD = xor("@Input(2)").replace("class Xor", "class Good");
  private static final String BAD = xor("@Input(2)").replace("class Xor", "class Bad")
      .replace("units = 4", "units = 0");
  private static final String BROKEN = xor("@Input(2)").replace("class Xor", "class Broken");

  @Test
  void noCodeForADeclarationWithErrorsWhileTheValidOneIsGenerated(@TempDir Path dir) {
    JavacRun run = new JavacRun(dir);
    NeuriteProcessor processor = new NeuriteProcessor(declaration -> {
      if (declaration.equals("test.Broken")) {
        throw new IllegalStateException("planted");
      }
    });
    JavacRun.Result result = run.compile(processor, run.write("test.Bad", BAD),
        run.write("test.Good", GOOD), run.write("test.Broken", BROKEN));
    assertFalse(result.success());
    assertEquals(2, result.errors().size(), result.errors().toString());
    assertTrue(result.errors().get(0).startsWith("[" + SpecRule.DENSE_UNITS.id() + "]"));
    assertTrue(result.errors().get(1).startsWith("[" + ProcessorRule.INTERNAL_ERROR.id() + "]"));
    assertEquals(Set.of("test/GoodNet.java"), run.generated().keySet());
  }

  @Test
  void noCodeAtAllWhenAnOptionIsBad(@TempDir Path dir) {
    JavacRun run = new JavacRun(dir);
    JavacRun.Result result = run.compile(javax.tools.ToolProvider.getSystemJavaCompiler(),
        List.of("-A" + Options.UNROLL_LIMIT + "=many"), new NeuriteProcessor(),
        run.write("test.Good", GOOD));
    assertFalse(result.success());
    assertEquals(1, result.errors().size(), result.errors().toString());
    assertTrue(result.errors().get(0).startsWith("[" + ProcessorRule.OPTION_VALUE.id() + "]"));
    assertTrue(run.generated().isEmpty(), run.generated().keySet().toString());
  }

  @Test
  void aSecondBuildOverTheStaleGeneratedSourceIsNotANameClash(@TempDir Path dir) {
    JavacRun run = new JavacRun(dir);
    Path xor = run.write("test.Xor", ProcessorTest.XOR);
    assertTrue(run.compile(new NeuriteProcessor(), xor).success());
    byte[] first = run.generated().get("test/XorNet.java");
    // like `mvn compile` again: the old XorNet.java is on the source path, XorNet.class on the
    // class path, and only Xor.java is given to javac
    JavacRun.Result again = run.compile(new NeuriteProcessor(), xor);
    assertTrue(again.success(), again.errors().toString());
    assertArrayEquals(first, run.generated().get("test/XorNet.java"));
  }

  @Test
  void aSecondBuildOverTheStaleClassAloneIsNotANameClash(@TempDir Path dir) {
    JavacRun run = new JavacRun(dir);
    Path xor = run.write("test.Xor", ProcessorTest.XOR);
    assertTrue(run.compile(new NeuriteProcessor(), xor).success());
    run.deleteGenerated();
    JavacRun.Result again = run.compile(new NeuriteProcessor(), xor);
    assertTrue(again.success(), again.errors().toString());
    assertTrue(run.generated().containsKey("test/XorNet.java"));
  }

  @Test
  void aUserTypeOnTheSourcePathIsStillANameClash(@TempDir Path dir) {
    JavacRun run = new JavacRun(dir);
    run.write("test.XorNet", "package test;\n\npublic class XorNet {}\n");
    JavacRun.Result result = run.compile(new NeuriteProcessor(),
        run.write("test.Xor", ProcessorTest.XOR));
    assertEquals(List.of(ProcessorRule.NAME_CLASH.format("test.XorNet")), result.errors());
  }

  @Test
  void anotherDeclarationsStaleOutputIsADuplicate(@TempDir Path dir) {
    JavacRun run = new JavacRun(dir);
    run.writeGenerated("test.XorNet",
        "package test;\n\n@dev.neurite.dsl.GeneratedNetwork(\"test.Old\")\nclass XorNet {}\n");
    JavacRun.Result result = run.compile(new NeuriteProcessor(),
        run.write("test.Xor", ProcessorTest.XOR));
    assertEquals(List.of(ProcessorRule.NAME_DUPLICATE.format("test.XorNet", "test.Old")),
        result.errors());
  }

  @Test
  void outputIsByteIdenticalTwiceAndInReverseSourceOrder(@TempDir Path dir) {
    Map<String, byte[]> forward = compileAll(dir.resolve("a"), false);
    Map<String, byte[]> again = compileAll(dir.resolve("b"), false);
    Map<String, byte[]> reverse = compileAll(dir.resolve("c"), true);
    assertEquals(Set.of("test/GoodNet.java", "test/SineNet.java", "test/XorNet.java"),
        forward.keySet());
    for (String file : forward.keySet()) {
      assertArrayEquals(forward.get(file), again.get(file), file);
      assertArrayEquals(forward.get(file), reverse.get(file), file);
    }
  }

  /** Both forms: two annotated classes and a builder field. */
  private static Map<String, byte[]> compileAll(Path dir, boolean reversed) {
    JavacRun run = new JavacRun(dir);
    Path good = run.write("test.Good", GOOD);
    Path xor = run.write("test.Xor", ProcessorTest.XOR);
    Path specs = run.write("test.Specs", IsolatingTest.BUILDER);
    JavacRun.Result result = reversed ? run.compile(new NeuriteProcessor(), specs, xor, good)
        : run.compile(new NeuriteProcessor(), good, xor, specs);
    assertTrue(result.success(), result.errors().toString());
    return run.generated();
  }
}
