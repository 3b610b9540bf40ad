package dev.neurite.spark;

import dev.neurite.runtime.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The tests' Spark session (local[2, 2]: two threads, a failed task tried twice) and data. */
final class TestData {
  static final int ROWS = 300;

  private TestData() {}

  /** Returns the shared local session, made on first use. */
  static SparkSession spark() {
    SparkSession spark = SparkSession.builder()
        .master("local[2,2]")
        .appName("neurite-spark-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    return spark;
  }

  /** Three seeded Gaussian blobs of four features; row {@code i} has class {@code i % 3}. */
  static Dataset blobs() {
    SplittableRandom random = new SplittableRandom(20261204);
    double[][] inputs = new double[ROWS][4];
    double[][] targets = new double[ROWS][3];
    for (int i = 0; i < ROWS; i++) {
      int label = i % 3;
      for (int j = 0; j < 4; j++) {
        inputs[i][j] = (j == label ? 2.0 : 0.0) + random.nextGaussian();
      }
      targets[i][label] = 1;
    }
    return Dataset.of(inputs, targets);
  }

  /** Returns {@code data} as a DataFrame of "features" (array of double) and "label" (int). */
  static org.apache.spark.sql.Dataset<Row> frame(Dataset data, int partitions) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      rows.add(RowFactory.create(boxed(data.input(i)), i % 3));
    }
    StructType schema = new StructType()
        .add("features", DataTypes.createArrayType(DataTypes.DoubleType, false), true)
        .add("label", DataTypes.IntegerType, false);
    return spark().createDataFrame(rows, schema).repartition(partitions);
  }

  static List<Double> boxed(double[] values) {
    List<Double> list = new ArrayList<>();
    for (double v : values) {
      list.add(v);
    }
    return list;
  }
}
