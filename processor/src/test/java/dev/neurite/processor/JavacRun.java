package dev.neurite.processor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Test support: javac through the {@code javax.tools} API on real directories laid out as a build
 * tool lays them out ({@code src}, generated sources in {@code gen} and on the source path,
 * classes in {@code classes} and on the class path), so that tests can look at what a failed
 * compilation generated and compile again over the output of an earlier build.
 */
final class JavacRun {
  private final Path src;
  private final Path gen;
  private final Path classes;

  JavacRun(Path root) {
    this.src = root.resolve("src");
    this.gen = root.resolve("gen");
    this.classes = root.resolve("classes");
    for (Path dir : List.of(src, gen, classes)) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The outcome of one compilation. */
  record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    /** Returns the messages of the errors, in order. */
    List<String> errors() {
      List<String> errors = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          errors.add(d.getMessage(null));
        }
      }
      return errors;
    }
  }

  /** Writes the source of {@code qualifiedName} under {@code src}; returns its path. */
  Path write(String qualifiedName, String code) {
    return writeUnder(src, qualifiedName, code);
  }

  /** Writes a source into the generated-sources directory, as an earlier build would have. */
  Path writeGenerated(String qualifiedName, String code) {
    return writeUnder(gen, qualifiedName, code);
  }

  /** Compiles the given sources (in that order) with {@code processor}, under javac. */
  Result compile(Processor processor, Path... sources) {
    return compile(ToolProvider.getSystemJavaCompiler(),
        List.of("-Xlint:all,-processing", "-implicit:class"), processor, sources);
  }

  /** Compiles the given sources with {@code compiler}, given {@code options} besides paths. */
  Result compile(JavaCompiler compiler, List<String> extraOptions, Processor processor,
      Path... sources) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      List<String> options = new ArrayList<>(List.of("-d", classes.toString(),
          "-s", gen.toString(), "-sourcepath", src + File.pathSeparator + gen,
          "-classpath", classes + File.pathSeparator + System.getProperty("java.class.path")));
      options.addAll(extraOptions);
      JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options,
          null, files.getJavaFileObjects(sources));
      task.setProcessors(List.of(processor));
      return new Result(task.call(), diagnostics.getDiagnostics());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns every generated source, by path relative to the generated-sources directory. */
  Map<String, byte[]> generated() {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(gen)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        files.put(gen.relativize(p).toString().replace(File.separatorChar, '/'),
            Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Returns a class loader over the compiled classes, child of the test's. */
  ClassLoader classLoader() {
    try {
      return new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
          JavacRun.class.getClassLoader());
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deletes the generated sources, keeping the classes of the earlier build. */
  void deleteGenerated() {
    try (Stream<Path> walk = Files.walk(gen)) {
      walk.filter(Files::isRegularFile).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path writeUnder(Path root, String qualifiedName, String code) {
    Path file = root.resolve(qualifiedName.replace('.', '/') + ".java");
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, code);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
