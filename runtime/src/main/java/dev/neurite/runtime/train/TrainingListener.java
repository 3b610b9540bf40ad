package dev.neurite.runtime.train;

import dev.neurite.runtime.Model;

/**
 * Hears about the progress of a training run; every method does nothing by default, so a
 * listener overrides only what it needs. Listeners are called on the training thread, in the
 * order they were added.
 */
public interface TrainingListener {
  /**
   * Called once before the first epoch with the model being trained, the number of epochs
   * planned (the run may stop earlier) and the number of minibatches in each epoch.
   */
  default void onTrainingBegin(Model model, int epochs, int batchesPerEpoch) {}

  /**
   * Called after each optimizer step with the epoch and the batch (both counted from 1) and the
   * batch's mean loss.
   */
  default void onBatchEnd(int epoch, int batch, double loss) {}

  /**
   * Called after each epoch with its losses and metrics. By default it calls
   * {@link #onEpochEnd(int, double)}, so a listener that needs only the training loss can
   * override that one instead.
   */
  default void onEpochEnd(EpochResult result) {
    onEpochEnd(result.epoch(), result.trainLoss());
  }

  /**
   * The short form of {@link #onEpochEnd(EpochResult)}: the epoch (from 1) and its mean training
   * loss.
   */
  default void onEpochEnd(int epoch, double trainLoss) {}

  /** Called once when the run ends normally (not when it diverges), with the whole history. */
  default void onTrainingEnd(TrainingHistory history) {}
}
