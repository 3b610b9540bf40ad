package dev.neurite.samples.support;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded k-means: k-means++ seeding, then Lloyd's iterations until no point changes cluster,
 * restarted a few times, keeping the run of lowest inertia (sum of squared distances to the
 * centroids). The same seed gives the same clusters.
 */
public final class KMeans {
  private static final int MAX_ITERATIONS = 300;

  private final int k;
  private final int restarts;
  private final long seed;

  /** Creates a k-means of {@code k} clusters, run {@code restarts} times from {@code seed}. */
  public KMeans(int k, int restarts, long seed) {
    if (k < 1 || restarts < 1) {
      throw new IllegalArgumentException(
          "k and restarts must be positive, but were " + k + " and " + restarts);
    }
    this.k = k;
    this.restarts = restarts;
    this.seed = seed;
  }

  /** Returns the cluster, in {@code [0, k)}, of each point; there must be at least k points. */
  public int[] cluster(double[][] points) {
    if (points.length < k) {
      throw new IllegalArgumentException("k-means of " + k + " clusters needs at least " + k
          + " points, but got " + points.length);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] best = null;
    double bestInertia = Double.POSITIVE_INFINITY;
    for (int r = 0; r < restarts; r++) {
      int[] labels = new int[points.length];
      double inertia = lloyd(points, seedCentroids(points, random), labels);
      if (inertia < bestInertia) {
        bestInertia = inertia;
        best = labels;
      }
    }
    return best;
  }

  /** Returns the mean of each cluster's points, cluster c's at index c (zeros if it is empty). */
  public static double[][] centroids(double[][] points, int[] labels, int k) {
    double[][] centroids = new double[k][points[0].length];
    updateCentroids(points, labels, centroids);
    return centroids;
  }

  /** k-means++: each next centroid is a point drawn with probability proportional to d^2. */
  private double[][] seedCentroids(double[][] points, SplittableRandom random) {
    double[][] centroids = new double[k][];
    centroids[0] = points[random.nextInt(points.length)].clone();
    double[] distance = new double[points.length];
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (int i = 0; i < points.length; i++) {
        distance[i] = nearest(points[i], centroids, c)[1];
        total += distance[i];
      }
      double target = random.nextDouble() * total;
      int chosen = points.length - 1;
      for (int i = 0; i < points.length; i++) {
        target -= distance[i];
        if (target < 0) {
          chosen = i;
          break;
        }
      }
      centroids[c] = points[chosen].clone();
    }
    return centroids;
  }

  /** Alternates assignment and centroid update; returns the final inertia. */
  private double lloyd(double[][] points, double[][] centroids, int[] labels) {
    Arrays.fill(labels, -1);
    double inertia = 0;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      boolean changed = false;
      inertia = 0;
      for (int i = 0; i < points.length; i++) {
        double[] found = nearest(points[i], centroids, k);
        changed |= labels[i] != (int) found[0];
        labels[i] = (int) found[0];
        inertia += found[1];
      }
      if (!changed) {
        break;
      }
      updateCentroids(points, labels, centroids);
    }
    return inertia;
  }

  /** Moves each centroid to the mean of its points; an empty cluster keeps its centroid. */
  private static void updateCentroids(double[][] points, int[] labels, double[][] centroids) {
    int dimensions = points[0].length;
    double[][] sums = new double[centroids.length][dimensions];
    int[] counts = new int[centroids.length];
    for (int i = 0; i < points.length; i++) {
      counts[labels[i]]++;
      for (int d = 0; d < dimensions; d++) {
        sums[labels[i]][d] += points[i][d];
      }
    }
    for (int c = 0; c < centroids.length; c++) {
      for (int d = 0; d < dimensions && counts[c] > 0; d++) {
        centroids[c][d] = sums[c][d] / counts[c];
      }
    }
  }

  /** Returns {@code {index, squared distance}} of the nearest of the first {@code n} centroids. */
  private static double[] nearest(double[] point, double[][] centroids, int n) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0; c < n; c++) {
      double distance = squaredDistance(point, centroids[c]);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    return new double[] {best, bestDistance};
  }

  /** Returns the squared Euclidean distance between two points of the same dimension. */
  public static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      double diff = a[d] - b[d];
      sum += diff * diff;
    }
    return sum;
  }
}
