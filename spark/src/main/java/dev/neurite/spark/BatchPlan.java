package dev.neurite.spark;

import java.util.SplittableRandom;

/**
 * Which rows of a partition go into which optimizer step: in every epoch each partition shuffles
 * its rows with a generator seeded by the run's seed, the epoch and the partition's index, and
 * cuts them into as many nearly equal slices as the epoch has steps; step {@code s} takes slice
 * {@code s} of every partition. So every step runs on every partition (no executor idles), a
 * global minibatch holds about {@code rows / steps} rows, and a run depends on the seed and the
 * partitioning alone.
 */
final class BatchPlan {
  private BatchPlan() {}

  /** Returns the order in which partition {@code partition} visits its {@code rows} rows. */
  static int[] order(int rows, long seed, int epoch, int partition) {
    SplittableRandom random = new SplittableRandom(
        seed ^ (0x9E3779B97F4A7C15L * epoch) ^ (0xC2B2AE3D27D4EB4FL * (partition + 1L)));
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** Returns where slice {@code step} of {@code steps} starts in a partition of {@code rows}. */
  static int sliceStart(int rows, int step, int steps) {
    return (int) ((long) rows * step / steps);
  }

  /** Returns the number of steps in an epoch of {@code rows} rows at {@code batchSize}. */
  static int steps(long rows, int batchSize) {
    return (int) Math.max(1, (rows + batchSize - 1) / batchSize);
  }

  /** Returns the dropout seed of one partition's step, distinct for every step and partition. */
  static long dropoutSeed(long seed, int epoch, int step, int partition) {
    return new SplittableRandom(seed ^ (0xD6E8FEB86659FD93L * epoch)
        ^ (0x9E3779B97F4A7C15L * step) ^ (0xC2B2AE3D27D4EB4FL * (partition + 1L))).nextLong();
  }
}
