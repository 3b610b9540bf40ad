package dev.neurite.bench.frozen;

import dev.neurite.bench.workloads.Weights;
import dev.neurite.bench.workloads.Workload;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * What a frozen class costs to build, at W4's size and at two million parameters: the model
 * file's, source's and class file's sizes, the {@code freeze} command's and {@code javac}'s wall
 * times, and the class's initialization (where it decodes its weights) in a fresh class loader.
 */
public final class FrozenSizes {
  /** {@code javac} runs per network. */
  public static final int JAVAC_RUNS = 3;
  private static final Path DIRECTORY =
      FrozenBuild.repositoryRoot().resolve(Paths.get("bench", "target", "frozen-sizes"));

  private FrozenSizes() {}

  /** The networks measured: W4, and 784-2048-256-10 (2,134,794 parameters). */
  public static List<NetworkSpec> networks() {
    NetworkSpec large = NetworkSpec.of("Large", 784,
        List.of(LayerSpec.dense(2048, Activation.RELU), LayerSpec.dense(256, Activation.RELU),
            LayerSpec.dense(10, Activation.SOFTMAX)),
        Loss.CATEGORICAL_CROSS_ENTROPY, Precision.FLOAT, NetworkSpec.DEFAULT_SEED);
    return List.of(Workload.W4.spec(), large);
  }

  /** Freezes, compiles ({@link #JAVAC_RUNS} times) and loads each of {@link #networks()}. */
  public static List<FrozenSize> measure() throws IOException {
    FrozenBuild build = FrozenBuild.fromRepositoryRoot();
    List<FrozenSize> sizes = new ArrayList<>();
    for (NetworkSpec spec : networks()) {
      sizes.add(measure(build, spec));
    }
    return sizes;
  }

  /**
   * Returns the wall time of {@code javac} on an empty class: what every row's {@code javac}
   * time includes before the frozen class itself (the JVM and the compiler starting).
   */
  public static double emptyClassJavacMillis() throws IOException {
    FrozenBuild build = FrozenBuild.fromRepositoryRoot();
    Path source = DIRECTORY.resolve("empty").resolve("Empty.java");
    Files.createDirectories(source.getParent());
    Files.write(source, "final class Empty {}\n".getBytes(StandardCharsets.UTF_8));
    return build.javac(List.of(source), source.resolveSibling("classes"));
  }

  private static FrozenSize measure(FrozenBuild build, NetworkSpec spec) throws IOException {
    String className = spec.name() + "Frozen";
    Path directory = DIRECTORY.resolve(spec.name());
    FrozenBuild.Frozen frozen =
        build.freeze(spec, Weights.of(spec), className, directory);
    Path classes = directory.resolve("classes");
    double[] javac = new double[JAVAC_RUNS];
    for (int run = 0; run < JAVAC_RUNS; run++) {
      javac[run] = build.javac(List.of(frozen.source()), classes);
    }
    Path classFile = classes.resolve(FrozenBuild.PACKAGE.replace('.', '/'))
        .resolve(className + ".class");
    return new FrozenSize(spec, frozen.modelFileBytes(), Files.size(frozen.source()),
        Files.size(classFile), frozen.freezeMillis(), javac,
        initializationMillis(classes, FrozenBuild.PACKAGE + "." + className));
  }

  /** Loads and initializes the class in a class loader of its own: its weights are decoded. */
  private static double initializationMillis(Path classes, String name) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        FrozenSizes.class.getClassLoader())) {
      long start = System.nanoTime();
      Class.forName(name, true, loader);
      return (System.nanoTime() - start) / 1e6;
    } catch (ClassNotFoundException e) {
      throw new IOException(name + " was not compiled into " + classes, e);
    }
  }
}
