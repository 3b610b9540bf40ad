package dev.neurite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report's own JVM ({@code java -jar benchmarks.jar}) runs without the incubating Vector API
 * module; only the benchmark forks get it. Writing the tables touches every workload and peer,
 * so nothing there may link a Vector API class: this runs the writer in a JVM without the module.
 */
class ReportWithoutVectorModuleTest {
  @Test
  void theReportIsWrittenInAJvmWithoutTheModule() throws IOException, InterruptedException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        EmptyReport.class.getName())
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    assertTrue(output.contains("Neurite (Vector API, opt-in)"), output);
    assertTrue(!output.contains("Using incubator modules"), "the module was there: " + output);
  }

  /** Writes the report of no results to standard output. */
  static final class EmptyReport {
    public static void main(String[] args) {
      System.out.println(new ReportWriter(List.of(), new Scores(), List.of(), List.of(),
          Double.NaN, new RunInfo(true, 0, "-", "-")).markdown());
    }
  }
}
