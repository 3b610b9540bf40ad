package dev.neurite.spark;

import java.util.Collections;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Adds one {@link GradientSum} per partition on the executors, in a binary tree: partial sums
 * {@code 2k} and {@code 2k + 1} meet in partition {@code k} of the next level, until one is
 * left, which alone reaches the driver. It is the shape of Spark's {@code treeAggregate} with a
 * fan-in of 2, and the fan-in is the point: {@code treeAggregate} folds several partial sums in
 * the order their tasks finish, so its last bits vary from run to run, while every merge here
 * adds exactly two sums, and {@code a + b == b + a}: the result depends on the partitioning,
 * never on timing. It costs one shuffle stage per level, {@code ceil(log2 partitions)}.
 */
final class PairwiseTree {
  private PairwiseTree() {}

  /** Returns the sum of {@code sums}, which must hold exactly one value per partition. */
  static GradientSum sum(JavaRDD<GradientSum> sums) {
    int width = sums.getNumPartitions();
    JavaPairRDD<Integer, GradientSum> level = sums.mapPartitionsWithIndex((index, values) ->
        Collections.singletonList(new Tuple2<>(index, PartitionRows.only(values))).iterator(),
        true).mapToPair(pair -> pair);
    while (width > 1) {
      width = (width + 1) / 2;
      level = level.mapToPair(pair -> new Tuple2<>(pair._1() / 2, pair._2()))
          .reduceByKey(new HashPartitioner(width), GradientSum::plus);
    }
    List<GradientSum> root = level.values().collect();
    return root.isEmpty() ? GradientSum.empty() : root.get(0);
  }
}
