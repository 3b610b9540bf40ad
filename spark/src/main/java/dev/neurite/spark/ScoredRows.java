package dev.neurite.spark;

import dev.neurite.runtime.metrics.Classes;
import java.io.Serializable;
import java.util.Iterator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.collection.immutable.ArraySeq;

/** One partition's rows, each followed by its prediction columns, computed as they are read. */
final class ScoredRows implements Iterator<Row> {
  /** Where the features are and which prediction columns to write. */
  static final class Shape implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int features;
    private final boolean classifier;
    private final String[] classNames;

    Shape(int features, boolean classifier, String[] classNames) {
      this.features = features;
      this.classifier = classifier;
      this.classNames = classNames;
    }

    int width() {
      return 1 + (classifier ? 1 : 0) + (classNames != null ? 1 : 0);
    }

    /** Writes the prediction columns of {@code prediction} (null: nulls) from {@code at}. */
    void write(double[] prediction, Object[] values, int at) {
      values[at] = prediction == null ? null : ArraySeq.unsafeWrapArray(prediction);
      Integer predicted = prediction == null || !classifier ? null : Classes.of(prediction);
      if (classifier) {
        values[at + 1] = predicted;
      }
      if (classNames != null) {
        values[at + 2] = predicted == null ? null : classNames[predicted];
      }
    }

    /** Returns the prediction columns as one struct value. */
    Row struct(double[] prediction) {
      Object[] values = new Object[width()];
      write(prediction, values, 0);
      return RowFactory.create(values);
    }
  }

  private final Inference inference;
  private final Shape shape;
  private final Iterator<Row> rows;

  ScoredRows(Inference inference, Shape shape, Iterator<Row> rows) {
    this.inference = inference;
    this.shape = shape;
    this.rows = rows;
  }

  @Override
  public boolean hasNext() {
    return rows.hasNext();
  }

  @Override
  public Row next() {
    Row row = rows.next();
    Object[] values = new Object[row.length() + shape.width()];
    for (int i = 0; i < row.length(); i++) {
      values[i] = row.get(i);
    }
    double[] prediction =
        row.isNullAt(shape.features) ? null : inference.predict(row.getList(shape.features));
    shape.write(prediction, values, row.length());
    return RowFactory.create(values);
  }
}
