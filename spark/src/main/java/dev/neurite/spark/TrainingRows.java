package dev.neurite.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a DataFrame's training rows into one {@link PartitionRows} per partition: the features
 * from an array column, the targets from an array column, or from a numeric label column (a
 * class index, one-hot encoded for a network of several outputs; the value itself for one).
 * Every problem names its partition and row.
 */
final class TrainingRows implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int features;
  private final int label;
  private final boolean labelIsArray;
  private final int inputs;
  private final int outputs;

  private TrainingRows(int features, int label, boolean labelIsArray, int inputs, int outputs) {
    this.features = features;
    this.label = label;
    this.labelIsArray = labelIsArray;
    this.inputs = inputs;
    this.outputs = outputs;
  }

  /** Returns the partitions of {@code data} as training rows for a network of these sizes. */
  static JavaRDD<PartitionRows> of(Dataset<Row> data, String featuresColumn, String labelColumn,
      int inputs, int outputs) {
    StructType schema = data.schema();
    int features = FeatureColumns.index(schema, featuresColumn, "training");
    int label = FeatureColumns.find(schema, labelColumn, "training");
    DataType type = schema.fields()[label].dataType();
    boolean isArray = type instanceof ArrayType;
    if (isArray) {
      FeatureColumns.index(schema, labelColumn, "training");
    } else if (!(type instanceof NumericType)) {
      throw new IllegalArgumentException("the label column '" + labelColumn + "' must hold "
          + "class indices or values (numbers) or target arrays, but was " + type.simpleString());
    }
    TrainingRows reader = new TrainingRows(features, label, isArray, inputs, outputs);
    return data.javaRDD().mapPartitionsWithIndex((partition, rows) ->
        Collections.singletonList(reader.read(partition, rows)).iterator(), true);
  }

  private PartitionRows read(int partition, Iterator<Row> rows) {
    List<double[]> in = new ArrayList<>();
    List<double[]> out = new ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      String where = "row " + in.size() + " of partition " + partition;
      in.add(values(row, features, inputs, "features", where));
      out.add(labelIsArray ? values(row, label, outputs, "targets", where) : target(row, where));
    }
    return new PartitionRows(in.toArray(new double[0][]), out.toArray(new double[0][]));
  }

  private static double[] values(Row row, int column, int size, String what, String where) {
    if (row.isNullAt(column)) {
      throw new IllegalArgumentException("the " + what + " of " + where + " are null: drop "
          + "or fill in such rows before training");
    }
    List<Object> list = row.getList(column);
    if (list.size() != size) {
      throw new IllegalArgumentException("the " + what + " must hold " + size + " values per "
          + "row for this network, but " + where + " held " + list.size());
    }
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      Object value = list.get(i);
      values[i] = value == null ? Double.NaN : ((Number) value).doubleValue();
      if (values[i] - values[i] != 0) {
        throw new IllegalArgumentException("the " + what + " must hold finite numbers, but "
            + where + " has " + value + " in column " + i + ": remove that row or fill in the "
            + "value before training");
      }
    }
    return values;
  }

  private double[] target(Row row, String where) {
    if (row.isNullAt(label)) {
      throw new IllegalArgumentException("the label of " + where + " is null: drop or fill in "
          + "such rows before training");
    }
    double value = ((Number) row.get(label)).doubleValue();
    if (outputs == 1) {
      return new double[] {value};
    }
    if (value != Math.rint(value) || value < 0 || value >= outputs) {
      throw new IllegalArgumentException("the label of " + where + " must be a class index from"
          + " 0 to " + (outputs - 1) + " for a network of " + outputs + " outputs, but was "
          + value);
    }
    double[] oneHot = new double[outputs];
    oneHot[(int) value] = 1;
    return oneHot;
  }
}
