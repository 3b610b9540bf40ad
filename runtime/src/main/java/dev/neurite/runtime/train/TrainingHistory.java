package dev.neurite.runtime.train;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The record of a training run: one {@link EpochResult} per epoch, and why the run stopped. */
public final class TrainingHistory {
  /** The header line of {@link #toCsv()}. */
  public static final String CSV_HEADER =
      "epoch,train_loss,val_loss,train_accuracy,val_accuracy,learning_rate";

  private final List<EpochResult> epochs;
  private final StopReason stopReason;
  private final int bestEpoch;

  /**
   * Creates a history of these epochs, in order.
   *
   * @param bestEpoch the epoch with the lowest monitored loss (0 if there were no epochs)
   */
  public TrainingHistory(List<EpochResult> epochs, StopReason stopReason, int bestEpoch) {
    this.epochs = Collections.unmodifiableList(new ArrayList<>(epochs));
    this.stopReason = stopReason;
    this.bestEpoch = bestEpoch;
  }

  /** Returns the result of every epoch that ran, in order. */
  public List<EpochResult> epochs() {
    return epochs;
  }

  /** Returns the number of epochs that ran. */
  public int epochCount() {
    return epochs.size();
  }

  /** Returns the result of the last epoch that ran. */
  public EpochResult last() {
    if (epochs.isEmpty()) {
      throw new IllegalStateException("no epoch ran");
    }
    return epochs.get(epochs.size() - 1);
  }

  /** Returns why the run stopped. */
  public StopReason stopReason() {
    return stopReason;
  }

  /**
   * Returns the epoch (from 1) with the lowest monitored loss: validation loss if there was
   * validation data, else training loss.
   */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** Returns the training loss of each epoch, in order. */
  public double[] trainLosses() {
    double[] losses = new double[epochs.size()];
    for (int i = 0; i < losses.length; i++) {
      losses[i] = epochs.get(i).trainLoss();
    }
    return losses;
  }

  /**
   * Returns the history as CSV: {@link #CSV_HEADER}, then one line per epoch. Numbers are written
   * with {@link Double#toString(double)} (exact, independent of the locale); a quantity that was
   * not measured is an empty field. Lines end with {@code \n}.
   */
  public String toCsv() {
    StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
    for (EpochResult e : epochs) {
      csv.append(e.epoch());
      appendField(csv, e.trainLoss());
      appendField(csv, e.validationLoss());
      appendField(csv, e.trainAccuracy());
      appendField(csv, e.validationAccuracy());
      appendField(csv, e.learningRate());
      csv.append('\n');
    }
    return csv.toString();
  }

  /** Writes {@link #toCsv()} to {@code out}; the caller closes it. */
  public void writeCsv(Writer out) throws IOException {
    out.write(toCsv());
    out.flush();
  }

  private static void appendField(StringBuilder csv, double value) {
    csv.append(',');
    if (!Double.isNaN(value)) {
      csv.append(Double.toString(value));
    }
  }

  @Override
  public String toString() {
    return "TrainingHistory(" + epochs.size() + " epochs, " + stopReason + ", best epoch "
        + bestEpoch + ")";
  }
}
