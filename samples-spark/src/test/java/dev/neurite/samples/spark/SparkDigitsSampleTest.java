package dev.neurite.samples.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Runs the Spark sample as its README command does, in local mode. */
class SparkDigitsSampleTest {
  @Test
  void trainsOnSparkAndScoresTheHeldOutImages() {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    SparkSession spark = SparkDigitsSample.session();
    spark.sparkContext().setLogLevel("ERROR");
    double accuracy;
    try {
      accuracy = SparkDigitsSample.run(spark, System.getProperty("digits.csv"),
          new PrintStream(text, true, StandardCharsets.UTF_8));
    } finally {
      spark.stop();
    }
    String output = text.toString(StandardCharsets.UTF_8);
    // Over six train/test splits (seeds 1 to 5 and 42) the sample reached 95.5% to 97.2%
    // (mean 96.6%); chance is 10%. The target sits under the worst split, not at seed 42's.
    assertTrue(accuracy > 0.93, output);
    String sql = String.format("(SQL: SELECT avg(CAST(digit(features).class = label AS DOUBLE))"
        + " FROM held_out): %.2f%%", 100 * accuracy);
    assertTrue(output.contains(sql), "the SQL function agrees with transform:\n" + output);
  }
}
