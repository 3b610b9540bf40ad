package dev.neurite.runtime.optim;

/**
 * The learning rate of each epoch, derived from the optimizer's base rate; the trainer sets it on
 * the optimizer at the start of every epoch.
 */
public interface LearningRateSchedule {
  /** Returns the rate for {@code epoch} (counted from 1) given the rate the run started with. */
  double rate(double baseRate, int epoch);

  /** Returns the schedule that keeps the base rate. */
  static LearningRateSchedule constant() {
    return (base, epoch) -> base;
  }

  /**
   * Returns a schedule that multiplies the rate by {@code factor} every {@code everyEpochs}
   * epochs: {@code base * factor^floor((epoch - 1) / everyEpochs)}.
   *
   * @throws IllegalArgumentException if {@code everyEpochs} is not positive or {@code factor} is
   *     not in (0, 1]
   */
  static LearningRateSchedule step(int everyEpochs, double factor) {
    if (everyEpochs <= 0) {
      throw new IllegalArgumentException(
          "step schedule period must be positive, but was " + everyEpochs);
    }
    Hyper.factor("step schedule factor", factor);
    return (base, epoch) -> base * Math.pow(factor, (epoch - 1) / everyEpochs);
  }

  /**
   * Returns a schedule that multiplies the rate by {@code gamma} each epoch:
   * {@code base * gamma^(epoch - 1)}.
   *
   * @throws IllegalArgumentException if {@code gamma} is not in (0, 1]
   */
  static LearningRateSchedule exponential(double gamma) {
    Hyper.factor("exponential schedule gamma", gamma);
    return (base, epoch) -> base * Math.pow(gamma, epoch - 1);
  }

  /**
   * Returns cosine annealing from the base rate at epoch 1 down to {@code minRate} at epoch
   * {@code totalEpochs + 1}, then constant at {@code minRate}:
   * {@code min + (base - min) * (1 + cos(pi * (epoch - 1) / totalEpochs)) / 2}.
   *
   * @throws IllegalArgumentException if {@code totalEpochs} is not positive or {@code minRate} is
   *     negative or not finite
   */
  static LearningRateSchedule cosine(int totalEpochs, double minRate) {
    if (totalEpochs <= 0) {
      throw new IllegalArgumentException(
          "cosine schedule length must be positive, but was " + totalEpochs);
    }
    Hyper.nonNegative("cosine schedule minimum rate", minRate);
    return (base, epoch) -> {
      double progress = Math.min(1.0, (epoch - 1) / (double) totalEpochs);
      return minRate + (base - minRate) * (1 + Math.cos(Math.PI * progress)) / 2;
    };
  }
}
