package dev.neurite.runtime.optim;

/** Checks of hyper-parameters, with messages that name the value and the expected range. */
final class Hyper {
  private Hyper() {}

  /** Returns {@code value} if it is positive and finite. */
  static double positive(String name, double value) {
    if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          name + " must be positive and finite, but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is zero or positive and finite. */
  static double nonNegative(String name, double value) {
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          name + " must be zero or positive and finite, but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it lies in [0, 1). */
  static double fraction(String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it lies in (0, 1]. */
  static double factor(String name, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1], but was " + value);
    }
    return value;
  }
}
