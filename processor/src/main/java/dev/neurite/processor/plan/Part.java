package dev.neurite.processor.plan;

/**
 * A contiguous range of units {@code [from, to)} whose code goes into one generated method.
 *
 * @param from the first unit
 * @param to one past the last unit
 */
public record Part(int from, int to) {
  /** Returns the number of units in the part. */
  public int size() {
    return to - from;
  }
}
