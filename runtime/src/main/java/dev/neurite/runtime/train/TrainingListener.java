package dev.neurite.runtime.train;

/** Hears about the progress of a training run; every method does nothing by default. */
public interface TrainingListener {
  /** Called after each epoch with its number (from 1) and the mean training loss of the epoch. */
  default void onEpochEnd(int epoch, double loss) {}
}
