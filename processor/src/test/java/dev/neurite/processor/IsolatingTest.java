package dev.neurite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * Gradle's isolating contract: the processor says it is isolating, and every generated file names
 * exactly one originating element, the declaration it was generated from.
 */
class IsolatingTest {
  @Test
  void theJarDeclaresTheProcessorIsolating() throws IOException {
    try (InputStream in = NeuriteProcessor.class.getResourceAsStream(
        "/META-INF/gradle/incremental.annotation.processors")) {
      assertEquals("dev.neurite.processor.NeuriteProcessor,isolating\n",
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void eachGeneratedFileHasItsDeclarationAsTheOneOriginatingElement() {
    Map<String, List<String>> origins = new TreeMap<>();
    Compilation compilation = javac().withProcessors(new Recording(origins)).compile(
        JavaFileObjects.forSourceString("test.Xor", ProcessorTest.XOR),
        JavaFileObjects.forSourceString("test.Other", DiagnosticsTest.xor("@Input(3)")
            .replace("class Xor", "class Other")));
    assertThat(compilation).succeeded();
    assertEquals(Map.of("test.OtherNet", List.of("test.Other"), "test.XorNet", List.of("test.Xor")),
        origins);
  }

  /** Runs the processor with a Filer that records the originating elements of each file. */
  private static final class Recording extends AbstractProcessor {
    private final NeuriteProcessor delegate = new NeuriteProcessor();
    private final Map<String, List<String>> origins;

    Recording(Map<String, List<String>> origins) {
      this.origins = origins;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      Filer filer = proxy(Filer.class, env.getFiler(), (method, args) -> {
        if (method.equals("createSourceFile")) {
          List<String> names = new ArrayList<>();
          for (Element e : (Element[]) args[1]) {
            names.add(((TypeElement) e).getQualifiedName().toString());
          }
          origins.put(args[0].toString(), names);
        }
      });
      delegate.init(proxy(ProcessingEnvironment.class, env, (method, args) -> {}, filer));
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

    /** A proxy that tells {@code spy} of each call; {@code getFiler} answers {@code filer}. */
    private static <T> T proxy(Class<T> type, T target, Spy spy, Object... filer) {
      return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
          (self, method, args) -> {
            spy.saw(method.getName(), args);
            if (filer.length > 0 && method.getName().equals("getFiler")) {
              return filer[0];
            }
            try {
              return method.invoke(target, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          }));
    }

    private interface Spy {
      void saw(String method, Object[] args);
    }
  }
}
