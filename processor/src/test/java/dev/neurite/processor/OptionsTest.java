package dev.neurite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.neurite.processor.plan.Planner;
import dev.neurite.processor.validate.ProcessorRule;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Processor options: declared in one place, parsed without throwing, misspellings caught. */
class OptionsTest {
  @Test
  void defaultsWhenNothingIsGiven() {
    Options options = Options.defaults();
    assertEquals(Planner.DEFAULT_UNROLL_LIMIT, options.unrollLimit());
    assertTrue(options.problems().isEmpty());
  }

  @Test
  void readsTheUnrollLimitAndIgnoresOtherProcessorsOptions() {
    Options options = Options.parse(Map.of(Options.UNROLL_LIMIT, " 64", "dagger.fastInit", "x"));
    assertEquals(64, options.unrollLimit());
    assertTrue(options.problems().isEmpty(), options.problems().toString());
  }

  @Test
  void aNegativeOrNonNumericValueIsAProblemAndKeepsTheDefault() {
    for (String bad : new String[] {"-1", "lots", "1e3", ""}) {
      Options options = Options.parse(Map.of(Options.UNROLL_LIMIT, bad));
      assertEquals(Planner.DEFAULT_UNROLL_LIMIT, options.unrollLimit());
      assertEquals(
          java.util.List.of(ProcessorRule.OPTION_VALUE.format(Options.UNROLL_LIMIT,
              "a non-negative integer (multiply-adds)", bad)), options.problems());
    }
  }

  @Test
  void theVectorApiIsOffUnlessAskedForWithTrue() {
    assertTrue(!Options.defaults().vectorApi());
    assertTrue(Options.parse(Map.of(Options.VECTOR_API, "true")).vectorApi());
    Options off = Options.parse(Map.of(Options.VECTOR_API, " false"));
    assertTrue(!off.vectorApi() && off.problems().isEmpty(), off.problems().toString());
  }

  @Test
  void aVectorApiValueOtherThanTrueOrFalseIsAProblem() {
    java.util.Map<String, String> bare = new java.util.HashMap<>();
    bare.put(Options.VECTOR_API, null); // what javac passes for a bare -Aneurite.vectorApi
    for (Map<String, String> raw : java.util.List.of(bare, Map.of(Options.VECTOR_API, "yes"),
        Map.of(Options.VECTOR_API, "True "))) {
      Options options = Options.parse(raw);
      assertTrue(!options.vectorApi());
      assertEquals(java.util.List.of(ProcessorRule.OPTION_VALUE.format(Options.VECTOR_API,
          "true or false", raw.get(Options.VECTOR_API) == null ? "" : raw.get(Options.VECTOR_API))),
          options.problems());
    }
  }

  @Test
  void aMisspelledOptionSuggestsTheClosestName() {
    Options options = Options.parse(Map.of("neurite.unrolLimit", "8"));
    assertEquals(1, options.problems().size());
    String message = options.problems().get(0);
    assertTrue(message.startsWith("[" + ProcessorRule.OPTION_UNKNOWN.id() + "]"), message);
    assertTrue(message.contains("did you mean " + Options.UNROLL_LIMIT + "?"), message);
  }

  @Test
  void everyOptionIsDeclaredToJavac() {
    assertEquals(Options.NAMES, new NeuriteProcessor().getSupportedOptions());
  }

  @Test
  void aBadOptionFailsTheCompilation() {
    Compilation compilation = javac().withProcessors(new NeuriteProcessor())
        .withOptions("-A" + Options.UNROLL_LIMIT + "=-5")
        .compile(JavaFileObjects.forSourceString("test.Xor", ProcessorTest.XOR));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[" + ProcessorRule.OPTION_VALUE.id() + "] -A"
        + Options.UNROLL_LIMIT + " must be a non-negative integer");
  }

  /** javac hands the processor {@code -Aname=} without its value: still an error, not unset. */
  @Test
  void anEmptyValueFailsTheCompilation() {
    for (String option : new String[] {"-A" + Options.UNROLL_LIMIT + "=",
        "-A" + Options.UNROLL_LIMIT}) {
      Compilation compilation = javac().withProcessors(new NeuriteProcessor())
          .withOptions(option)
          .compile(JavaFileObjects.forSourceString("test.Xor", ProcessorTest.XOR));
      assertThat(compilation).failed();
      assertThat(compilation).hadErrorContaining(ProcessorRule.OPTION_VALUE.format(
          Options.UNROLL_LIMIT, "a non-negative integer (multiply-adds)", ""));
    }
  }
}
