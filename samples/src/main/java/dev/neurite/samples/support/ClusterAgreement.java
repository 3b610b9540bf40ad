package dev.neurite.samples.support;

/**
 * How well clusters match known classes: purity (each cluster votes for its majority class; the
 * fraction of points that agree with their cluster's vote) and the adjusted Rand index (pairs of
 * points put together or apart alike by both labelings, corrected for chance: 1 is identical,
 * about 0 is random).
 */
public final class ClusterAgreement {
  private ClusterAgreement() {}

  /** Returns the purity of {@code clusters} against {@code classes}, in (0, 1]. */
  public static double purity(int[] clusters, int[] classes) {
    long[][] table = contingency(clusters, classes);
    long agreeing = 0;
    for (long[] row : table) {
      long max = 0;
      for (long count : row) {
        max = Math.max(max, count);
      }
      agreeing += max;
    }
    return agreeing / (double) clusters.length;
  }

  /** Returns the adjusted Rand index of Hubert and Arabie (1985). */
  public static double adjustedRandIndex(int[] clusters, int[] classes) {
    long[][] table = contingency(clusters, classes);
    double index = 0;
    long[] classTotals = new long[table[0].length];
    double clusterPairs = 0;
    for (long[] row : table) {
      long rowTotal = 0;
      for (int j = 0; j < row.length; j++) {
        index += pairs(row[j]);
        rowTotal += row[j];
        classTotals[j] += row[j];
      }
      clusterPairs += pairs(rowTotal);
    }
    double classPairs = 0;
    for (long total : classTotals) {
      classPairs += pairs(total);
    }
    double expected = clusterPairs * classPairs / pairs(clusters.length);
    double max = (clusterPairs + classPairs) / 2;
    return (index - expected) / (max - expected);
  }

  private static double pairs(long n) {
    return n * (n - 1) / 2.0;
  }

  /** Rows: clusters; columns: classes. */
  private static long[][] contingency(int[] clusters, int[] classes) {
    if (clusters.length != classes.length || clusters.length == 0) {
      throw new IllegalArgumentException("clusters and classes must be non-empty and of the same "
          + "length, but had " + clusters.length + " and " + classes.length);
    }
    long[][] table = new long[max(clusters) + 1][max(classes) + 1];
    for (int i = 0; i < clusters.length; i++) {
      table[clusters[i]][classes[i]]++;
    }
    return table;
  }

  private static int max(int[] values) {
    int max = 0;
    for (int v : values) {
      max = Math.max(max, v);
    }
    return max;
  }
}
