package dev.neurite.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Test support: compiles a frozen class with plain javac ({@code --release 8}, no processor,
 * an empty class path) next to a small harness, and runs the harness in a fresh JVM whose class
 * path holds these two classes only. The harness reads inputs as raw bits, one sample a line,
 * and prints the frozen class's outputs as raw bits (and its class, for classifiers), then the
 * bytes its thread allocated over many more calls.
 */
final class IsolatedRun {
  private IsolatedRun() {}

  /** Compiles {@code sources} into {@code classes}; fails the test with javac's messages. */
  static void javac(Path classes, Path... sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Files.createDirectories(classes);
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null,
        StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(null, files, diagnostics, List.of("--release", "8",
              "-proc:none", "-classpath", "", "-Xlint:all", "-Xlint:-options", "-Werror", "-d",
              classes.toString()), null, files.getJavaFileObjects(sources)).call();
      if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
        throw new AssertionError("javac: " + diagnostics.getDiagnostics());
      }
    }
  }

  /** Returns the harness's source for {@code frozenClass} (qualified) in float or double. */
  static String harness(String frozenClass, boolean floats, boolean classifier, int outputs,
      int allocationCalls) {
    String t = floats ? "float" : "double";
    String toBits = floats ? "Integer.toHexString(Float.floatToRawIntBits(v))"
        : "Long.toHexString(Double.doubleToRawLongBits(v))";
    String fromBits = floats ? "Float.intBitsToFloat(Integer.parseUnsignedInt(s, 16))"
        : "Double.longBitsToDouble(Long.parseUnsignedLong(s, 16))";
    return """
        import java.io.BufferedReader;
        import java.io.InputStreamReader;
        import java.lang.management.ManagementFactory;
        import java.util.ArrayList;
        import java.util.List;

        public final class Harness {
          public static void main(String[] args) throws Exception {
            FROZEN model = new FROZEN();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
            List<T[]> inputs = new ArrayList<T[]>();
            for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
              String[] words = line.trim().split(" ");
              T[] x = new T[words.length];
              for (int i = 0; i < words.length; i++) {
                String s = words[i];
                x[i] = FROM_BITS;
              }
              inputs.add(x);
            }
            T[] out = new T[OUTPUTS];
            StringBuilder s = new StringBuilder();
            for (T[] x : inputs) {
              model.predict(x, out);
              for (T v : out) {
                s.append(TO_BITS).append(' ');
              }
              s.append(CLASSIFY).append('\\n');
            }
            System.out.print(s);
            com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().getId();
            long allocated = Long.MAX_VALUE;
            for (int round = 0; round < 20 && allocated >= CALLS; round++) {
              long before = threads.getThreadAllocatedBytes(id);
              for (int k = 0; k < CALLS; k++) {
                model.predict(inputs.get(k % inputs.size()), out);
              }
              allocated = threads.getThreadAllocatedBytes(id) - before;
            }
            System.out.println("allocated " + allocated + " bytes in CALLS calls");
          }
        }
        """.replace("FROZEN", frozenClass).replace("T[", t + "[").replace("T ", t + " ")
        .replace("FROM_BITS", fromBits).replace("TO_BITS", toBits)
        .replace("CLASSIFY", classifier ? "\"class \" + model.classify(x)" : "\"\"")
        .replace("OUTPUTS", Integer.toString(outputs))
        .replace("CALLS", Integer.toString(allocationCalls));
  }

  /** Runs {@code Harness} with {@code classes} as the whole class path; returns its lines. */
  static List<String> run(Path classes, String input) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xss1m", "-cp", classes.toString(),
        "Harness").redirectErrorStream(true).start();
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    List<String> lines = new ArrayList<>();
    try (var reader = p.inputReader(StandardCharsets.UTF_8)) {
      for (String line; (line = reader.readLine()) != null; ) {
        lines.add(line);
      }
    }
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("the harness failed: " + lines);
    }
    return lines;
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
