package dev.neurite.runtime.train;

import dev.neurite.runtime.Model;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Prints one line per epoch (or every few epochs) with the losses, the accuracies, the elapsed
 * time and an estimate of the time left, for example:
 *
 * <pre>
 * epoch 3/100 - loss 0.6812 - accuracy 0.5000 - val_loss 0.6903 - 0.1s elapsed, ETA 3.2s
 * </pre>
 *
 * <p>Time comes from the clock given to the constructor ({@code System::nanoTime} in a program,
 * a fake in a test); numbers are formatted independently of the default locale.
 */
public final class ConsoleProgressListener implements TrainingListener {
  private final PrintStream out;
  private final LongSupplier nanoClock;
  private final int every;
  private long start;
  private int plannedEpochs;

  /** Prints every epoch to {@code out}, timing with {@code nanoClock} (nanoseconds). */
  public ConsoleProgressListener(PrintStream out, LongSupplier nanoClock) {
    this(out, nanoClock, 1);
  }

  /**
   * Prints the first and the last epoch and every {@code every}-th in between.
   *
   * @throws IllegalArgumentException if a stream or clock is missing, or {@code every} is not
   *     positive
   */
  public ConsoleProgressListener(PrintStream out, LongSupplier nanoClock, int every) {
    if (out == null || nanoClock == null) {
      throw new IllegalArgumentException("the stream and the clock must not be null");
    }
    if (every <= 0) {
      throw new IllegalArgumentException("print period must be positive, but was " + every);
    }
    this.out = out;
    this.nanoClock = nanoClock;
    this.every = every;
  }

  @Override
  public void onTrainingBegin(Model model, int epochs, int batchesPerEpoch) {
    start = nanoClock.getAsLong();
    plannedEpochs = epochs;
    out.println("training " + model.spec().name() + ": " + model.parameterCount()
        + " parameters, " + epochs + " epochs of " + batchesPerEpoch + " batches");
  }

  @Override
  public void onEpochEnd(EpochResult r) {
    int epoch = r.epoch();
    if (epoch != 1 && epoch != plannedEpochs && epoch % every != 0) {
      return;
    }
    double elapsed = seconds(nanoClock.getAsLong() - start);
    double eta = elapsed / epoch * (plannedEpochs - epoch);
    StringBuilder line = new StringBuilder("epoch ").append(epoch).append('/')
        .append(plannedEpochs);
    appendMetric(line, "loss", r.trainLoss(), "%.4g");
    appendMetric(line, "accuracy", r.trainAccuracy(), "%.4f");
    appendMetric(line, "val_loss", r.validationLoss(), "%.4g");
    appendMetric(line, "val_accuracy", r.validationAccuracy(), "%.4f");
    line.append(" - ").append(format("%.1fs", elapsed)).append(" elapsed, ETA ")
        .append(format("%.1fs", eta));
    out.println(line);
  }

  @Override
  public void onTrainingEnd(TrainingHistory history) {
    double elapsed = seconds(nanoClock.getAsLong() - start);
    out.println("stopped after " + history.epochCount() + " epochs ("
        + history.stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + "), best epoch " + history.bestEpoch() + ", " + format("%.1fs", elapsed));
  }

  private static void appendMetric(
      StringBuilder line, String name, double value, String pattern) {
    if (!Double.isNaN(value)) {
      line.append(" - ").append(name).append(' ').append(format(pattern, value));
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
