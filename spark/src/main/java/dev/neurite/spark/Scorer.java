package dev.neurite.spark;

import dev.neurite.runtime.Loss;
import dev.neurite.runtime.Model;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Scores a DataFrame with a generated or frozen Neurite class: the features, an
 * {@code array<float>} or {@code array<double>} column, go in; a {@code prediction}
 * ({@code array<double>}) column comes out, and for classifiers the predicted {@code class}
 * index and, when the class names are known, its {@code class_name}. Each partition runs its own
 * instance with reused input buffers; the scorer itself is immutable and serializable.
 *
 * <pre>{@code
 * Scorer scorer = Scorer.of(DigitsNet::new).withClassNames(names);
 * Dataset<Row> scored = scorer.transform(images);          // + prediction, class, class_name
 * scorer.register(spark, "digits");                        // SELECT digits(features).class ...
 * Scorer frozen = Scorer.ofFrozen(DigitsModel.INPUTS, DigitsModel.OUTPUTS,
 *     () -> new DigitsModel()::predict).asClassifier();
 * }</pre>
 *
 * <p>An ML {@code Vector} column converts with {@code org.apache.spark.ml.functions
 * .vector_to_array}; this module does not depend on spark-mllib.
 */
public final class Scorer implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The default name of the features column. */
  public static final String FEATURES = "features";
  /** The name of the column of outputs. */
  public static final String PREDICTION = "prediction";
  /** The name of the column of predicted class indices. */
  public static final String CLASS = "class";
  /** The name of the column of predicted class names. */
  public static final String CLASS_NAME = "class_name";

  private final Engine engine;
  private final String featuresColumn;
  private final boolean classifier;
  private final String[] classNames;

  private Scorer(Engine engine, String featuresColumn, boolean classifier, String[] classNames) {
    this.engine = engine;
    this.featuresColumn = featuresColumn;
    this.classifier = classifier;
    this.classNames = classNames;
  }

  /**
   * Returns a scorer of the networks {@code factory} makes (a generated class: {@code
   * DigitsNet::new}); a network trained with a cross-entropy loss is a classifier. The factory
   * runs once here, to read the network's sizes.
   */
  public static Scorer of(ModelFactory<? extends Model> factory) {
    Model model = requireNonNull("factory", factory).create();
    boolean classifier = model.spec().loss() == Loss.CATEGORICAL_CROSS_ENTROPY
        || model.spec().loss() == Loss.BINARY_CROSS_ENTROPY;
    Engine engine = new Engine(model.inputSize(), model.outputSize(),
        column -> Inference.of(factory.create(), column));
    return new Scorer(engine, FEATURES, classifier, null);
  }

  /**
   * Returns a scorer of a frozen class, which implements nothing from Neurite: give its sizes
   * ({@code DigitsModel.INPUTS}, {@code DigitsModel.OUTPUTS}) and a factory of its predict method
   * ({@code () -> new DigitsModel()::predict}); call {@link #asClassifier()} for a classifier.
   */
  public static Scorer ofFrozen(int inputs, int outputs, ModelFactory<FloatPredictor> factory) {
    requireNonNull("factory", factory);
    if (inputs < 1 || outputs < 1) {
      throw new IllegalArgumentException("a frozen class must have at least one input and one "
          + "output, but had " + inputs + " and " + outputs);
    }
    Engine engine = new Engine(inputs, outputs,
        column -> Inference.of(factory.create(), inputs, outputs, column));
    return new Scorer(engine, FEATURES, false, null);
  }

  /** Returns a scorer that reads the features from {@code column} instead of "features". */
  public Scorer withFeaturesColumn(String column) {
    return new Scorer(engine, requireNonNull("column", column), classifier, classNames);
  }

  /**
   * Returns a scorer that also writes the predicted class: the index of the largest output, or
   * for one output 1 when it is at least 0.5, else 0.
   */
  public Scorer asClassifier() {
    return new Scorer(engine, featuresColumn, true, classNames);
  }

  /** Returns a classifier that also writes each predicted class's name, in class-index order. */
  public Scorer withClassNames(List<String> names) {
    int classes = engine.outputs == 1 ? 2 : engine.outputs;
    if (requireNonNull("names", names).size() != classes) {
      throw new IllegalArgumentException("a network of " + engine.outputs + " outputs has "
          + classes + " classes, so it needs " + classes + " class names, but got "
          + names.size() + ": " + names);
    }
    return new Scorer(engine, featuresColumn, true, names.toArray(new String[0]));
  }

  /**
   * Returns {@code data} with the prediction columns added after its own, computed partition by
   * partition with one network instance each. A row whose features are null gets nulls.
   *
   * @throws IllegalArgumentException if the features column is missing or not an array of
   *     numbers, or an output column already exists; a row holding the wrong number of features
   *     fails its task with a message that says how many it must hold
   */
  public Dataset<Row> transform(Dataset<Row> data) {
    StructType schema = requireNonNull("data", data).schema();
    int features = FeatureColumns.index(schema, featuresColumn, "scoring");
    for (String name : outputNames()) {
      if (Arrays.asList(schema.fieldNames()).contains(name)) {
        throw new IllegalArgumentException("the data already has a column '" + name
            + "': rename or drop it before scoring");
      }
    }
    StructType output = schema;
    for (org.apache.spark.sql.types.StructField field : outputSchema().fields()) {
      output = output.add(field);
    }
    ScoredRows.Shape shape = new ScoredRows.Shape(features, classifier, classNames);
    Engine engine = this.engine;
    String column = featuresColumn;
    return data.mapPartitions((MapPartitionsFunction<Row, Row>) rows ->
        new ScoredRows(engine.open(column), shape, rows), Encoders.row(output));
  }

  /**
   * Registers the scorer as the SQL function {@code name}: {@code name(features)} returns a
   * struct of the prediction columns ({@code SELECT digits(features).class FROM images}). Each
   * task deserializes its own copy of the function, and so its own network instance.
   */
  public void register(SparkSession spark, String name) {
    requireNonNull("spark", spark).udf().register(requireNonNull("name", name),
        new ScoringFunction(engine, featuresColumn, classifier, classNames), outputSchema());
  }

  /** Returns the columns {@link #transform} adds, as the struct {@link #register} returns. */
  public StructType outputSchema() {
    StructType schema = new StructType().add(PREDICTION,
        DataTypes.createArrayType(DataTypes.DoubleType, false), true);
    if (classifier) {
      schema = schema.add(CLASS, DataTypes.IntegerType, true);
    }
    if (classNames != null) {
      schema = schema.add(CLASS_NAME, DataTypes.StringType, true);
    }
    return schema;
  }

  private List<String> outputNames() {
    return new ArrayList<>(Arrays.asList(outputSchema().fieldNames()));
  }

  static <T> T requireNonNull(String what, T value) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return value;
  }

  /** The network's sizes and how an executor makes its instance. */
  static final class Engine implements Serializable {
    private static final long serialVersionUID = 1L;
    final int inputs;
    final int outputs;
    private final InferenceFactory factory;

    Engine(int inputs, int outputs, InferenceFactory factory) {
      this.inputs = inputs;
      this.outputs = outputs;
      this.factory = factory;
    }

    /** Makes this task's instance, reading features from {@code column}. */
    Inference open(String column) {
      return factory.open(column);
    }
  }

  /** Makes an executor's {@link Inference}; serializable, as it travels to the executors. */
  @FunctionalInterface
  interface InferenceFactory extends Serializable {
    Inference open(String column);
  }
}
