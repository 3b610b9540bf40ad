package dev.neurite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.neurite.runtime.SpecRule;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.junit.jupiter.api.Test;

/**
 * Gradle's isolating contract: the processor says it is isolating, and every generated file names
 * exactly one originating element, the declaration it was generated from. Gradle watches the
 * Filer by wrapping the processing environment, as these tests do; the processor must then still
 * find javac's tree API inside the wrapper.
 */
class IsolatingTest {
  static final String BUILDER = """
      package test;

      import dev.neurite.dsl.*;
      import dev.neurite.runtime.*;

      final class Specs {
        @Network
        static final NetworkSpec SINE = Networks.sequential("SineNet")
            .input(1)
            .dense(8, Activation.TANH)
            .dense(1, Activation.IDENTITY)
            .loss(Loss.MEAN_SQUARED_ERROR)
            .build();
      }
      """;

  @Test
  void theJarDeclaresTheProcessorIsolatingAndTheFrozenOneAggregating() throws IOException {
    try (InputStream in = NeuriteProcessor.class.getResourceAsStream(
        "/META-INF/gradle/incremental.annotation.processors")) {
      // FrozenProcessor reads a model file besides the declaration, which isolating forbids.
      assertEquals("dev.neurite.processor.NeuriteProcessor,isolating\n"
              + "dev.neurite.processor.FrozenProcessor,aggregating\n",
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void eachGeneratedFileHasItsDeclarationAsTheOneOriginatingElement() {
    Map<String, List<String>> origins = new TreeMap<>();
    Compilation compilation = javac().withProcessors(new GradleLike(origins)).compile(
        JavaFileObjects.forSourceString("test.Xor", ProcessorTest.XOR),
        JavaFileObjects.forSourceString("test.Specs", BUILDER),
        JavaFileObjects.forSourceString("test.Other", DiagnosticsTest.xor("@Input(3)")
            .replace("class Xor", "class Other")));
    assertThat(compilation).succeeded();
    assertEquals(Map.of("test.OtherNet", List.of("class test.Other"),
            "test.SineNet", List.of("field SINE"), "test.XorNet", List.of("class test.Xor")),
        origins);
  }

  @Test
  void errorsInsideRepeatedDenseAreStillPinnedThroughTheWrapper() {
    String code = DiagnosticsTest.xor("@Input(2)").replace("units = 4", "units = /*^*/0");
    Compilation compilation = javac().withProcessors(new GradleLike(new TreeMap<>()))
        .compile(JavaFileObjects.forSourceString("test.Xor", code));
    int[] at = DiagnosticsTest.marker(code);
    assertThat(compilation).hadErrorContaining("[" + SpecRule.DENSE_UNITS.id() + "]")
        .inFile(compilation.sourceFiles().get(0)).onLine(at[0]).atColumn(at[1]);
  }

  /**
   * Runs the processor as Gradle does, in a delegating environment whose Filer records the
   * originating elements of each file.
   */
  private static final class GradleLike extends AbstractProcessor {
    private final NeuriteProcessor delegate = new NeuriteProcessor();
    private final Map<String, List<String>> origins;

    GradleLike(Map<String, List<String>> origins) {
      this.origins = origins;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      delegate.init(new DelegatingEnvironment(env, recording(env.getFiler())));
    }

    private Filer recording(Filer filer) {
      return (Filer) Proxy.newProxyInstance(Filer.class.getClassLoader(),
          new Class<?>[] {Filer.class}, (self, method, args) -> {
            if (method.getName().equals("createSourceFile")) {
              List<String> names = new ArrayList<>();
              for (Element e : (Element[]) args[1]) {
                names.add(e.getKind().toString().toLowerCase(Locale.ROOT) + " "
                    + (e instanceof TypeElement t ? t.getQualifiedName() : e.getSimpleName()));
              }
              origins.put(args[0].toString(), names);
            }
            try {
              return method.invoke(filer, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }
  }

  /** The shape of Gradle's {@code IncrementalProcessingEnvironment}: a delegate field. */
  private static final class DelegatingEnvironment implements ProcessingEnvironment {
    private final ProcessingEnvironment delegate;
    private final Filer filer;

    DelegatingEnvironment(ProcessingEnvironment delegate, Filer filer) {
      this.delegate = delegate;
      this.filer = filer;
    }

    @Override public Map<String, String> getOptions() { return delegate.getOptions(); }
    @Override public Messager getMessager() { return delegate.getMessager(); }
    @Override public Filer getFiler() { return filer; }
    @Override public Elements getElementUtils() { return delegate.getElementUtils(); }
    @Override public Types getTypeUtils() { return delegate.getTypeUtils(); }
    @Override public SourceVersion getSourceVersion() { return delegate.getSourceVersion(); }
    @Override public Locale getLocale() { return delegate.getLocale(); }
  }
}
