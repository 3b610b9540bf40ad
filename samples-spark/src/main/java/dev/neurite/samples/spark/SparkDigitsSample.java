package dev.neurite.samples.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.neurite.runtime.optim.Adam;
import dev.neurite.runtime.train.ConsoleProgressListener;
import dev.neurite.spark.ModelFactory;
import dev.neurite.spark.Scorer;
import dev.neurite.spark.SparkTrainer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Trains the digits classifier on Spark and scores a DataFrame with it: Spark reads the CSV
 * (64 pixels from 0 to 16, then the digit), splits it 80/20, {@link SparkTrainer} trains
 * {@code DigitsNet} data-parallel over the training partitions, and {@link Scorer} scores the
 * held-out images, through the DataFrame API and as a SQL function. Local mode on two cores
 * unless {@code spark-submit} names a master.
 */
public final class SparkDigitsSample {
  /** The seed of the train/test split. */
  static final long SPLIT_SEED = 42;
  /** Passes over the training images. */
  static final int EPOCHS = 15;
  /** Images per optimizer step, over all partitions: each step is one Spark job. */
  static final int BATCH_SIZE = 256;
  /** Partitions of the training images: one network instance (and task) each. */
  static final int PARTITIONS = 2;

  private SparkDigitsSample() {}

  /** Runs the sample on the CSV file (local, HDFS, S3...) its one argument names. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: SparkDigitsSample <digits.csv.gz>  (label last, 64 pixels)");
      System.exit(2);
    }
    SparkSession spark = session();
    try {
      run(spark, args[0], System.out);
    } finally {
      spark.stop();
    }
  }

  /** Returns the session: spark-submit's master, or local mode on two cores. */
  static SparkSession session() {
    SparkSession.Builder builder = SparkSession.builder().appName("Neurite digits");
    boolean local = !new SparkConf().contains("spark.master");
    if (local) {
      builder.master("local[2]").config("spark.ui.enabled", "false");
    }
    SparkSession spark = builder.getOrCreate();
    if (local) {
      spark.sparkContext().setLogLevel("WARN");  // a cluster keeps its own logging settings
    }
    return spark;
  }

  /** Trains and scores on the images of {@code path}; returns the held-out accuracy. */
  public static double run(SparkSession spark, String path, PrintStream out) {
    return run(spark, path, out, SPLIT_SEED);
  }

  /** Runs the sample on the train/test split drawn with {@code splitSeed}. */
  public static double run(SparkSession spark, String path, PrintStream out, long splitSeed) {
    Dataset<Row>[] parts = images(spark, path).randomSplit(new double[] {0.8, 0.2}, splitSeed);
    Dataset<Row> train = parts[0].repartition(PARTITIONS).cache();
    Dataset<Row> test = parts[1].cache();
    out.printf("Digits on Spark %s (%s): %d training images in %d partitions, %d held out%n",
        spark.version(), spark.sparkContext().master(), train.count(), PARTITIONS,
        test.count());

    DigitsNet net = new DigitsNet();
    SparkTrainer.builder()
        .epochs(EPOCHS)
        .batchSize(BATCH_SIZE)
        .optimizer(new Adam(0.02))
        .listener(new ConsoleProgressListener(out, System::nanoTime, 5))
        .build()
        .fit(net, DigitsNet::new, train);

    Scorer scorer = Scorer.of(ModelFactory.withParametersOf(DigitsNet::new, net))
        .withClassNames(digitNames());
    Dataset<Row> scored = scorer.transform(test);
    double accuracy = scored.filter(col(Scorer.CLASS).equalTo(col("label"))).count()
        / (double) test.count();
    out.printf("Held-out accuracy (Scorer.transform): %.2f%%%n", 100 * accuracy);

    scorer.register(spark, "digit");
    test.createOrReplaceTempView("held_out");
    String query = "SELECT avg(CAST(digit(features).class = label AS DOUBLE)) FROM held_out";
    double sqlAccuracy = spark.sql(query).first().getDouble(0);
    out.printf("Held-out accuracy (SQL: %s): %.2f%%%n", query, 100 * sqlAccuracy);
    return accuracy;
  }

  /** Reads the CSV into "features" (the pixels scaled to [0, 1]) and "label" (the digit). */
  static Dataset<Row> images(SparkSession spark, String path) {
    Dataset<Row> csv = spark.read().option("inferSchema", "true").csv(path);
    List<Column> pixels = new ArrayList<>();
    for (int i = 0; i < DigitsNet.INPUTS; i++) {
      pixels.add(col("_c" + i).cast("double").divide(lit(16.0)));
    }
    return csv.select(array(pixels.toArray(new Column[0])).as(Scorer.FEATURES),
        col("_c" + DigitsNet.INPUTS).cast("int").as("label"));
  }

  private static List<String> digitNames() {
    List<String> names = new ArrayList<>();
    for (int digit = 0; digit < DigitsNet.OUTPUTS; digit++) {
      names.add(String.valueOf(digit));
    }
    return names;
  }
}
