package dev.neurite.bench;

/** What a row of the peer tables measures: one of {@link PeerBenchmarks}' benchmarks. */
enum Task {
  PREDICT("predict", "single-sample inference, ns", false,
      "Single-sample inference latency, ns per call (lower is better)"),
  PREDICT_BATCH("predictBatch", "batch-256 inference, samples/s", true,
      "Batch inference, 256 samples, samples/s (higher is better)"),
  TRAIN("train", "training, minibatch 32, samples/s", true,
      "Training, minibatch of 32 then one plain SGD step, samples/s (higher is better)");

  private final String benchmark;
  private final String row;
  private final boolean higherIsBetter;
  private final String title;

  Task(String benchmark, String row, boolean higherIsBetter, String title) {
    this.benchmark = benchmark;
    this.row = row;
    this.higherIsBetter = higherIsBetter;
    this.title = title;
  }

  /** Returns the JMH benchmark method (and the PyTorch script's name) of this task. */
  String benchmark() {
    return benchmark;
  }

  /** Returns the short description used in the headline's rows. */
  String row() {
    return row;
  }

  /** Returns whether a higher score is faster (throughput) rather than slower (latency). */
  boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** Returns the title of this task's table. */
  String title() {
    return title;
  }

  /** Returns the task measured by {@code benchmark}, or null. */
  static Task byBenchmark(String benchmark) {
    for (Task t : values()) {
      if (t.benchmark.equals(benchmark)) {
        return t;
      }
    }
    return null;
  }

  /**
   * Returns how many times faster a score {@code ours} is than {@code theirs} (2.0: twice as
   * fast), or NaN if either is missing.
   */
  double speedup(Score ours, Score theirs) {
    if (ours == null || theirs == null) {
      return Double.NaN;
    }
    return higherIsBetter ? ours.value() / theirs.value() : theirs.value() / ours.value();
  }
}
