package dev.neurite.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Test support: runs the processor on sources with javac, and loads the classes it produced so
 * that tests can run the generated code.
 */
final class Compiled {
  private Compiled() {}

  /** Compiles {@code source} (fully qualified name, code) with the processor and options. */
  static Compilation compile(String qualifiedName, String code, String... options) {
    return javac().withProcessors(new NeuriteProcessor()).withOptions((Object[]) options)
        .compile(JavaFileObjects.forSourceString(qualifiedName, code));
  }

  /** Returns a class loader that defines every class file of {@code compilation}. */
  static ClassLoader loader(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String path = file.toUri().getPath();
        String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
            path.length() - ".class".length()).replace('/', '.');
        classes.put(name, bytes(file));
      }
    }
    return new ClassLoader(Compiled.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
      }
    };
  }

  /** Compiles {@code code}, expects success, and returns a new instance of the generated class. */
  static <T> T instance(String qualifiedName, String code, String generatedName, Class<T> type,
      String... options) {
    Compilation compilation = compile(qualifiedName, code, options);
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError("compilation failed: " + compilation.diagnostics());
    }
    try {
      Class<?> c = loader(compilation).loadClass(generatedName);
      return type.cast(c.getConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] bytes(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
