package dev.neurite.bench;

import dev.neurite.bench.frozen.FrozenSize;
import dev.neurite.bench.frozen.FrozenSizes;
import dev.neurite.bench.workloads.Workload;
import java.util.List;
import java.util.Locale;

/** The report's section on frozen classes: what building one costs at W4's size and at 2M. */
final class FrozenTables {
  private final List<FrozenSize> sizes;
  private final double emptyClassJavacMillis;
  private final StringBuilder md;

  FrozenTables(List<FrozenSize> sizes, double emptyClassJavacMillis, StringBuilder md) {
    this.sizes = sizes;
    this.emptyClassJavacMillis = emptyClassJavacMillis;
    this.md = md;
  }

  /** The table, with how it was measured; nothing when the suite did not run. */
  void details() {
    if (sizes.isEmpty()) {
      return;
    }
    md.append("## Frozen classes: `javac` time and class-file size\n\n"
        + "The frozen class of a model file (weights inside as string constants, see"
        + " ARCHITECTURE.md), float\nprecision, the bench's seeded weights, made as the README"
        + " says: `java -jar neurite-processor.jar\nfreeze`, then `javac --release 8 -proc:none`"
        + " (" + FrozenSizes.JAVAC_RUNS + " runs each). Wall times include\nstarting the JVM: `javac` of"
        + " an empty class took " + seconds(emptyClassJavacMillis) + " in this run. Class"
        + " initialization\n(decoding the weights) is timed in a fresh class loader.\n\n"
        + "| network | parameters | model file | source | class file | `freeze` | `javac` |"
        + " class initialization |\n| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |\n");
    for (FrozenSize s : sizes) {
      md.append("| ").append(shape(s)).append(" | ")
          .append(String.format(Locale.ROOT, "%,d", s.spec().parameterCount())).append(" | ")
          .append(megabytes(s.modelFileBytes())).append(" | ")
          .append(megabytes(s.sourceBytes())).append(" | ")
          .append(megabytes(s.classFileBytes())).append(" | ")
          .append(seconds(s.freezeMillis())).append(" | ")
          .append(javacTimes(s.javacMillis())).append(" | ")
          .append(seconds(s.initializationMillis())).append(" |\n");
    }
    md.append('\n');
  }

  /** The network's sizes, after its workload's name when it is one of the bench's. */
  private static String shape(FrozenSize s) {
    for (Workload w : Workload.values()) {
      if (w.spec() == s.spec()) {
        return w + " " + w.shape();
      }
    }
    return Workload.shape(s.spec());
  }

  private static String javacTimes(double[] millis) {
    StringBuilder text = new StringBuilder();
    for (double m : millis) {
      text.append(text.length() == 0 ? "" : ", ").append(seconds(m));
    }
    return text.toString();
  }

  private static String seconds(double millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
  }
}
