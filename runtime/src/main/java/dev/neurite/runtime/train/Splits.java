package dev.neurite.runtime.train;

import dev.neurite.runtime.data.Dataset;
import java.util.SplittableRandom;

/** The seeded hold-out of validation samples. */
final class Splits {
  private Splits() {}

  /**
   * Returns {@code {train, validation}}: a random {@code fraction} of the samples (rounded) goes
   * to validation, the rest, in their original order, to training.
   */
  static Dataset[] split(Dataset data, double fraction, SplittableRandom random) {
    int held = (int) Math.round(data.size() * fraction);
    if (held < 1 || held >= data.size()) {
      throw new IllegalArgumentException("validation split " + fraction + " of " + data.size()
          + " samples must leave at least one sample for training and one for validation, "
          + "but would hold out " + held);
    }
    boolean[] isValidation = new boolean[data.size()];
    for (int chosen = 0; chosen < held; ) {
      int i = random.nextInt(data.size());
      if (!isValidation[i]) {
        isValidation[i] = true;
        chosen++;
      }
    }
    return new Dataset[] {subset(data, isValidation, false, data.size() - held),
        subset(data, isValidation, true, held)};
  }

  private static Dataset subset(Dataset data, boolean[] isValidation, boolean side, int n) {
    double[][] inputs = new double[n][];
    double[][] targets = new double[n][];
    int k = 0;
    for (int i = 0; i < data.size(); i++) {
      if (isValidation[i] == side) {
        inputs[k] = data.input(i);
        targets[k++] = data.target(i);
      }
    }
    return Dataset.of(inputs, targets);
  }
}
