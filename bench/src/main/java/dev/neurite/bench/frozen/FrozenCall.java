package dev.neurite.bench.frozen;

import dev.neurite.bench.workloads.Weights;
import dev.neurite.bench.workloads.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A workload's frozen class, made from the bench's {@link Weights} on first use and kept in
 * {@code bench/target/frozen} (the JMH forks that measure it reuse it), loaded in a class loader
 * of its own: nothing of Neurite is linked by it.
 */
public final class FrozenCall {
  private static final Path DIRECTORY =
      FrozenBuild.repositoryRoot().resolve(Paths.get("bench", "target", "frozen"));

  private FrozenCall() {}

  /** Returns the adapter class's simple name for the frozen class {@code className}. */
  static String adapterName(String className) {
    return className + "Call";
  }

  /**
   * Returns {@code predict(float[], float[])} of {@code workload}'s frozen class, loaded with the
   * bench's weights; freezes and compiles it first if this checkout has not yet.
   */
  public static BiConsumer<float[], float[]> of(Workload workload) {
    String className = workload.name() + "Frozen";
    Path directory = DIRECTORY.resolve(workload.name());
    Path classes = directory.resolve("classes");
    String adapter = FrozenBuild.PACKAGE + "." + adapterName(className);
    try {
      if (!Files.exists(classes.resolve(adapter.replace('.', '/') + ".class"))) {
        FrozenBuild build = FrozenBuild.fromRepositoryRoot();
        FrozenBuild.Frozen frozen = build.freeze(
            workload.spec(), Weights.of(workload.spec()), className, directory);
        build.javac(List.of(frozen.source(), FrozenBuild.writeAdapter(frozen)), classes);
      }
      return load(classes, adapter);
    } catch (IOException e) {
      throw new UncheckedIOException("could not make " + className, e);
    }
  }

  @SuppressWarnings("unchecked") // the adapter is written by FrozenBuild as exactly this type
  private static BiConsumer<float[], float[]> load(Path classes, String adapter) {
    try {
      URL[] path = {classes.toUri().toURL()};
      ClassLoader loader = new URLClassLoader(path, FrozenCall.class.getClassLoader());
      return (BiConsumer<float[], float[]>)
          Class.forName(adapter, true, loader).getConstructor().newInstance();
    } catch (MalformedURLException | ReflectiveOperationException e) {
      throw new IllegalStateException("could not load " + adapter + " from " + classes, e);
    }
  }
}
