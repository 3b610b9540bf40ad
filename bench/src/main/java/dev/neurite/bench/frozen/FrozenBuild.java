package dev.neurite.bench.frozen;

import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a frozen class the way the README tells a user to: a model file saved by the runtime,
 * the processor jar's {@code freeze} command, then plain {@code javac --release 8}; each step in a
 * process of its own, timed. Beside the frozen class it compiles a one-line adapter that exposes
 * its {@code predict} as a {@code BiConsumer<float[], float[]>}, so the bench calls it through an
 * interface as it calls the generated classes, and the frozen class itself stays as users get it.
 */
public final class FrozenBuild {
  /** The package of the frozen classes and their adapters. */
  public static final String PACKAGE = "dev.neurite.bench.frozen.classes";

  private final Path processorJar;
  private final Path javaBin;

  private FrozenBuild(Path processorJar, Path javaBin) {
    this.processorJar = processorJar;
    this.javaBin = javaBin;
  }

  /**
   * Returns a build that uses the processor jar of the repository this JVM was started in, and
   * this JVM's own {@code java} and {@code javac}.
   *
   * @throws IllegalStateException if there is no processor jar or no {@code javac}
   */
  public static FrozenBuild fromRepositoryRoot() {
    Path javaBin = Paths.get(System.getProperty("java.home"), "bin");
    if (!Files.isExecutable(javaBin.resolve("javac"))) {
      throw new IllegalStateException("no javac in " + javaBin + ": run the bench on a JDK");
    }
    return new FrozenBuild(processorJar(), javaBin);
  }

  /**
   * Returns the repository's root: the working directory, as {@code bench/run.sh} runs, or its
   * parent, where Maven runs the bench module's tests.
   */
  static Path repositoryRoot() {
    Path here = Paths.get("");
    return Files.isDirectory(here.resolve("processor")) ? here : Paths.get("..");
  }

  private static Path processorJar() {
    Path target = repositoryRoot().resolve("processor").resolve("target");
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "neurite-processor-*.jar")) {
      for (Path jar : jars) {
        String name = jar.getFileName().toString();
        if (!name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar")) {
          return jar;
        }
      }
    } catch (IOException e) {
      // Reported below, with what to do.
    }
    throw new IllegalStateException("no neurite-processor jar in " + target.toAbsolutePath()
        + ": run bench/run.sh from the repository root (it packages the processor first)");
  }

  /**
   * Saves {@code spec} with {@code parameters} as a model file in {@code directory} and freezes
   * it into {@code directory/src} as {@link #PACKAGE}{@code .className}; returns what it took.
   */
  public Frozen freeze(NetworkSpec spec, double[] parameters, String className, Path directory)
      throws IOException {
    Files.createDirectories(directory);
    ReferenceNetwork model = new ReferenceNetwork(spec);
    model.setParameters(parameters);
    Path modelFile = directory.resolve(className + ".nrt");
    ModelFile.save(model, modelFile);
    Path sources = directory.resolve("src");
    long start = System.nanoTime();
    run(List.of(javaBin.resolve("java").toString(), "-jar", processorJar.toString(), "freeze",
        modelFile.toString(), "--package", PACKAGE, "--name", className,
        "--out", sources.toString()));
    double millis = (System.nanoTime() - start) / 1e6;
    Path source = sources.resolve(PACKAGE.replace('.', '/')).resolve(className + ".java");
    return new Frozen(className, source, Files.size(modelFile), millis);
  }

  /**
   * Compiles {@code sources} with {@code javac --release 8 -proc:none} into {@code classes};
   * returns the wall time in milliseconds, process start included (as a build pays it).
   */
  public double javac(List<Path> sources, Path classes) throws IOException {
    Files.createDirectories(classes);
    List<String> command = new ArrayList<>(List.of(javaBin.resolve("javac").toString(),
        "--release", "8", "-proc:none", "-nowarn", "-d", classes.toString()));
    for (Path source : sources) {
      command.add(source.toString());
    }
    long start = System.nanoTime();
    run(command);
    return (System.nanoTime() - start) / 1e6;
  }

  /**
   * Writes, beside {@code frozen}'s source, the adapter {@link FrozenCall#adapterName} that calls
   * its {@code predict}; returns the adapter's source file.
   */
  public static Path writeAdapter(Frozen frozen) throws IOException {
    String adapter = FrozenCall.adapterName(frozen.className());
    String source = "package " + PACKAGE + ";\n\n"
        + "/** Calls " + frozen.className() + ".predict through an interface, for the bench. */\n"
        + "public final class " + adapter
        + " implements java.util.function.BiConsumer<float[], float[]> {\n"
        + "  private final " + frozen.className() + " model = new " + frozen.className()
        + "();\n\n"
        + "  @Override\n"
        + "  public void accept(float[] input, float[] output) {\n"
        + "    model.predict(input, output);\n"
        + "  }\n"
        + "}\n";
    Path file = frozen.source().resolveSibling(adapter + ".java");
    Files.write(file, source.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  private static void run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    try {
      int status = process.waitFor();
      if (status != 0) {
        throw new IOException(String.join(" ", command) + " exited with " + status + ":\n"
            + new String(output, StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
  }

  /**
   * A frozen class's source as the command wrote it, and what writing it took.
   *
   * @param className the simple name of the frozen class
   * @param source its source file
   * @param modelFileBytes the size of the model file it was frozen from
   * @param freezeMillis the wall time of the {@code freeze} command, JVM start included
   */
  public record Frozen(String className, Path source, long modelFileBytes, double freezeMillis) {}
}
