package dev.neurite.spark;

import java.util.Arrays;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/** Finds and checks the columns a scorer or trainer reads. */
final class FeatureColumns {
  private FeatureColumns() {}

  /**
   * Returns the index of {@code column}, which must be an array of numbers.
   *
   * @throws IllegalArgumentException naming the columns there are, or the column's type
   */
  static int index(StructType schema, String column, String forWhat) {
    int index = find(schema, column, forWhat);
    DataType type = schema.fields()[index].dataType();
    if (!(type instanceof ArrayType)
        || !(((ArrayType) type).elementType() instanceof NumericType)) {
      throw new IllegalArgumentException("the column '" + column + "' must be an array of numbers"
          + " (array<float> or array<double>) for " + forWhat + ", but was " + type.simpleString()
          + ": convert an ML vector with org.apache.spark.ml.functions.vector_to_array");
    }
    return index;
  }

  /** Returns the index of {@code column}, whatever its type. */
  static int find(StructType schema, String column, String forWhat) {
    int index = Arrays.asList(schema.fieldNames()).indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("the data must have a column '" + column + "' for "
          + forWhat + ", but its columns are " + Arrays.toString(schema.fieldNames()));
    }
    return index;
  }
}
