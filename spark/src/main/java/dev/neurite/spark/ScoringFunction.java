package dev.neurite.spark;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The SQL function {@link Scorer#register} installs: a features array in, the prediction
 * columns out as one struct. Its network instance is made on first use in each task, whose copy
 * of the function it is, and reused for the task's rows.
 */
final class ScoringFunction implements UDF1<Object, Row> {
  private static final long serialVersionUID = 1L;
  private final Scorer.Engine engine;
  private final String column;
  private final ScoredRows.Shape shape;
  private transient Inference inference;

  ScoringFunction(Scorer.Engine engine, String column, boolean classifier, String[] classNames) {
    this.engine = engine;
    this.column = column;
    this.shape = new ScoredRows.Shape(0, classifier, classNames);
  }

  /**
   * Scores one features array. Synchronized only in case Spark ever shares one copy between
   * threads (it evaluates constant arguments on the driver): uncontended, the lock is cheap.
   */
  @Override
  public synchronized Row call(Object features) {
    if (features == null) {
      return shape.struct(null);
    }
    if (inference == null) {
      inference = engine.open(column);
    }
    return shape.struct(inference.predict(toList(features)));
  }

  private List<?> toList(Object features) {
    if (features instanceof Seq) {
      return CollectionConverters.asJava((Seq<?>) features);
    }
    if (features instanceof List) {
      return (List<?>) features;
    }
    throw new IllegalArgumentException("the argument of the scoring function must be an array "
        + "of numbers, but was a " + features.getClass().getName());
  }
}
