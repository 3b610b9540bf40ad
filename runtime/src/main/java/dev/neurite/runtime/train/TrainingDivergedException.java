package dev.neurite.runtime.train;

/**
 * Thrown when a loss, a gradient or a parameter becomes NaN or infinite during training, judged
 * in the model's own precision (a value beyond float range is infinite in a float network). The
 * model keeps the parameters of the last step that was still finite.
 */
public final class TrainingDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The epoch, from 1, in which the run diverged. */
  private final int epoch;
  /** The batch of that epoch, from 1, in which the run diverged. */
  private final int batch;

  /** Creates the exception for {@code epoch} and {@code batch} (both from 1). */
  public TrainingDivergedException(int epoch, int batch, String what) {
    super("training diverged at epoch " + epoch + ", batch " + batch + ": " + what
        + "; the model keeps the parameters of the last finite step"
        + " (try a smaller learning rate or gradient-norm clipping)");
    this.epoch = epoch;
    this.batch = batch;
  }

  /** Returns the epoch in which training diverged, counted from 1. */
  public int epoch() {
    return epoch;
  }

  /** Returns the batch of that epoch in which training diverged, counted from 1. */
  public int batch() {
    return batch;
  }
}
