package dev.neurite.runtime.train;

/**
 * The common case of a {@link TrainingListener}, written as a lambda: called after each epoch
 * with its losses and metrics.
 *
 * <pre>{@code
 * Trainer.builder()
 *     .listener(epoch -> System.out.println(epoch.epoch() + " " + epoch.trainLoss()))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface EpochListener extends TrainingListener {
  @Override
  void onEpochEnd(EpochResult result);
}
