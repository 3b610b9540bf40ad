package dev.neurite.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.metrics.Classes;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Scoring on Spark gives, row by row, exactly what the network's own predict gives. */
class ScorerTest {
  private static final List<String> NAMES = List.of("left", "middle", "right");

  /** An untrained float network: its outputs vary enough across rows to catch a mix-up. */
  private final BlobsNet net = new BlobsNet();
  private final Dataset blobs = TestData.blobs();

  @Test
  void transformWritesPredictEachRowAndItsClass() {
    List<Row> scored = Scorer.of(BlobsNet::new).withClassNames(NAMES)
        .transform(idFrame(DataTypes.FloatType)).orderBy("id").collectAsList();
    assertEquals(blobs.size(), scored.size());
    for (Row row : scored) {
      float[] expected = predict(row.getInt(0));
      assertArrayEquals(widen(expected), doubles(row.getList(2)), 0.0, "row " + row.getInt(0));
      int predicted = Classes.of(widen(expected));
      assertEquals(predicted, row.getInt(3));
      assertEquals(NAMES.get(predicted), row.getString(4));
    }
  }

  @Test
  void doubleFeaturesAreNarrowedAsTheFloatNetworkWould() {
    List<Row> scored = Scorer.of(BlobsNet::new).transform(idFrame(DataTypes.DoubleType))
        .orderBy("id").collectAsList();
    for (Row row : scored) {
      assertArrayEquals(widen(predict(row.getInt(0))), doubles(row.getList(2)), 0.0);
    }
  }

  @Test
  void theSqlFunctionScoresLikeTransform() {
    Scorer.of(BlobsNet::new).withClassNames(NAMES).register(TestData.spark(), "blobs");
    idFrame(DataTypes.FloatType).createOrReplaceTempView("points");
    List<Row> scored = TestData.spark().sql("SELECT id, blobs(features).prediction, "
        + "blobs(features).class, blobs(features).class_name FROM points ORDER BY id")
        .collectAsList();
    assertEquals(blobs.size(), scored.size());
    for (Row row : scored) {
      double[] expected = widen(predict(row.getInt(0)));
      assertArrayEquals(expected, doubles(row.getList(1)), 0.0);
      assertEquals(Classes.of(expected), row.getInt(2));
      assertEquals(NAMES.get(Classes.of(expected)), row.getString(3));
    }
  }

  @Test
  void aFrozenStylePredictMethodScoresToo() {
    Scorer frozen = Scorer.ofFrozen(BlobsNet.INPUTS, BlobsNet.OUTPUTS,
        () -> new BlobsNet()::predict).asClassifier();
    List<Row> scored = frozen.transform(idFrame(DataTypes.FloatType)).orderBy("id")
        .collectAsList();
    for (Row row : scored) {
      double[] expected = widen(predict(row.getInt(0)));
      assertArrayEquals(expected, doubles(row.getList(2)), 0.0);
      assertEquals(Classes.of(expected), row.getInt(3));
      assertEquals(4, row.length());
    }
  }

  @Test
  void nullFeaturesGiveNullPredictions() {
    StructType schema = new StructType()
        .add("features", DataTypes.createArrayType(DataTypes.FloatType), true);
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create((Object) null));
    Row scored = Scorer.of(BlobsNet::new).transform(
        TestData.spark().createDataFrame(rows, schema)).first();
    assertNull(scored.get(1));
    assertNull(scored.get(2));
  }

  @Test
  void badColumnsAreRefusedBeforeAnyJobWithWhatToDo() {
    Scorer scorer = Scorer.of(BlobsNet::new);
    org.apache.spark.sql.Dataset<Row> frame = idFrame(DataTypes.FloatType);
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> scorer.withFeaturesColumn("pixels").transform(frame));
    assertTrue(missing.getMessage().contains("column 'pixels'"), missing.getMessage());
    IllegalArgumentException notArray = assertThrows(IllegalArgumentException.class,
        () -> scorer.withFeaturesColumn("id").transform(frame));
    assertTrue(notArray.getMessage().contains("vector_to_array"), notArray.getMessage());
    IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
        () -> scorer.transform(frame.withColumn("prediction", functions.lit(1))));
    assertTrue(taken.getMessage().contains("'prediction'"), taken.getMessage());
  }

  @Test
  void aRowOfTheWrongLengthFailsItsTaskSayingWhatItMustHold() {
    StructType schema = new StructType()
        .add("features", DataTypes.createArrayType(DataTypes.DoubleType), true);
    List<Row> rows = List.of(RowFactory.create(TestData.boxed(new double[] {1, 2, 3})));
    Exception failure = assertThrows(Exception.class, () -> Scorer.of(BlobsNet::new)
        .transform(TestData.spark().createDataFrame(rows, schema)).collectAsList());
    assertTrue(failure.getMessage().contains("must hold 4 values per row, but a row held 3"),
        failure.getMessage());
  }

  /** The blobs as "id" and "features" of the given element type, in three partitions. */
  private org.apache.spark.sql.Dataset<Row> idFrame(org.apache.spark.sql.types.DataType type) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < blobs.size(); i++) {
      rows.add(RowFactory.create(i, TestData.boxed(blobs.input(i))));
    }
    StructType schema = new StructType().add("id", DataTypes.IntegerType, false)
        .add("features", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
    return TestData.spark().createDataFrame(rows, schema).repartition(3)
        .withColumn("features", functions.col("features").cast(
            DataTypes.createArrayType(type, false)));
  }

  private float[] predict(int row) {
    float[] input = new float[BlobsNet.INPUTS];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) blobs.input(row)[i];
    }
    float[] output = new float[BlobsNet.OUTPUTS];
    net.predict(input, output);
    return output;
  }

  private static double[] widen(float[] values) {
    double[] wide = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      wide[i] = values[i];
    }
    return wide;
  }

  private static double[] doubles(List<Object> values) {
    double[] result = new double[values.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = ((Number) values.get(i)).doubleValue();
    }
    return result;
  }
}
