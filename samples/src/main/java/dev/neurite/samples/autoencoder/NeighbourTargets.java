package dev.neurite.samples.autoencoder;

import dev.neurite.runtime.data.Dataset;
import dev.neurite.samples.support.KMeans;
import java.util.Arrays;

/**
 * Training pairs that teach an autoencoder to give close codes to close images (a
 * "neighbour-encoder", after Yeh et al., 2018): each image is paired, as input, with itself and
 * with each of its nearest other images, as targets. Nearness is the pixel distance; no label is
 * used. A network cannot redraw every neighbour from one code, so it learns what they share.
 */
final class NeighbourTargets {
  private NeighbourTargets() {}

  /**
   * Returns {@code images.size() * neighbours} pairs: every image with its {@code neighbours}
   * nearest images (itself among them, at distance 0) as targets, neighbour by neighbour.
   */
  static Dataset of(Dataset images, int neighbours) {
    int n = images.size();
    if (neighbours < 1 || neighbours > n) {
      throw new IllegalArgumentException("neighbours must be in [1, " + n + "], but was "
          + neighbours);
    }
    double[][] inputs = new double[n * neighbours][];
    double[][] targets = new double[n * neighbours][];
    for (int i = 0; i < n; i++) {
      int[] nearest = nearest(images, i, neighbours);
      for (int k = 0; k < neighbours; k++) {
        inputs[k * n + i] = images.input(i);
        targets[k * n + i] = images.input(nearest[k]);
      }
    }
    return Dataset.of(inputs, targets);
  }

  /**
   * Returns the indexes of the {@code count} images nearest to image {@code i}, nearest first
   * (ties by index): one pass that keeps the nearest found so far in order.
   */
  private static int[] nearest(Dataset images, int i, int count) {
    int[] found = new int[count];
    double[] distance = new double[count];
    Arrays.fill(distance, Double.POSITIVE_INFINITY);
    for (int j = 0; j < images.size(); j++) {
      double d = KMeans.squaredDistance(images.input(i), images.input(j));
      int at = count;
      while (at > 0 && d < distance[at - 1]) {
        at--;
      }
      if (at < count) {
        System.arraycopy(found, at, found, at + 1, count - at - 1);
        System.arraycopy(distance, at, distance, at + 1, count - at - 1);
        found[at] = j;
        distance[at] = d;
      }
    }
    return found;
  }
}
