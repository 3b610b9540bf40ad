package dev.neurite.runtime.train;

/**
 * What one epoch achieved: an immutable value. A quantity that was not measured (no validation
 * data, or targets that are neither one-hot nor binary for accuracy) is {@code NaN}.
 */
public final class EpochResult {
  private final int epoch;
  private final double trainLoss;
  private final double validationLoss;
  private final double trainAccuracy;
  private final double validationAccuracy;
  private final double learningRate;

  /**
   * Creates the result of {@code epoch} (counted from 1); pass {@code NaN} for what was not
   * measured.
   */
  public EpochResult(int epoch, double trainLoss, double validationLoss, double trainAccuracy,
      double validationAccuracy, double learningRate) {
    this.epoch = epoch;
    this.trainLoss = trainLoss;
    this.validationLoss = validationLoss;
    this.trainAccuracy = trainAccuracy;
    this.validationAccuracy = validationAccuracy;
    this.learningRate = learningRate;
  }

  /** Returns the epoch, counted from 1. */
  public int epoch() {
    return epoch;
  }

  /**
   * Returns the mean loss of the training samples during the epoch (each measured before the
   * step of its batch), without the L1/L2 penalties.
   */
  public double trainLoss() {
    return trainLoss;
  }

  /** Returns the mean loss on the validation data after the epoch, or {@code NaN} if none. */
  public double validationLoss() {
    return validationLoss;
  }

  /** Returns the accuracy on the training data after the epoch, or {@code NaN}. */
  public double trainAccuracy() {
    return trainAccuracy;
  }

  /** Returns the accuracy on the validation data after the epoch, or {@code NaN}. */
  public double validationAccuracy() {
    return validationAccuracy;
  }

  /** Returns the learning rate the optimizer used during the epoch. */
  public double learningRate() {
    return learningRate;
  }

  /** Returns whether validation data was measured. */
  public boolean hasValidation() {
    return !Double.isNaN(validationLoss);
  }

  /**
   * Returns the loss that early stopping watches: the validation loss if there is validation
   * data, else the training loss.
   */
  public double monitoredLoss() {
    return hasValidation() ? validationLoss : trainLoss;
  }

  @Override
  public String toString() {
    return "epoch " + epoch + ": train loss " + trainLoss + ", validation loss " + validationLoss
        + ", train accuracy " + trainAccuracy + ", validation accuracy " + validationAccuracy
        + ", learning rate " + learningRate;
  }
}
