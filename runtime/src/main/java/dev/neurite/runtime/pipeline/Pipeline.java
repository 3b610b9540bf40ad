package dev.neurite.runtime.pipeline;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.Model;
import dev.neurite.runtime.ModelArguments;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.data.Standardizer;
import dev.neurite.runtime.io.ModelExtras;
import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.io.ModelFileInfo;
import dev.neurite.runtime.metrics.Classes;
import dev.neurite.runtime.metrics.ConfusionMatrix;
import dev.neurite.runtime.metrics.RegressionMetrics;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.runtime.train.Trainer;
import dev.neurite.runtime.train.TrainingHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One object from raw features to answers: the standardizer of the inputs, the network, the
 * standardizer of regression targets and the names of the classes. {@link #fit} fits the
 * standardizers on the training data and trains the network on standardized data; every
 * {@code predict} takes raw features and answers in the original units (regression) or as class
 * probabilities, indices and names (classification). {@link #save} writes all of it into one
 * model file, and {@link #load} reads it back into a fresh network.
 *
 * <pre>{@code
 * Pipeline<IrisNet> pipeline = Pipeline.fit(new IrisNet(), split.train());
 * String species = pipeline.predictClassName(new double[] {5.1, 3.5, 1.4, 0.2});
 * pipeline.save(Paths.get("iris.nrt"));
 * }</pre>
 *
 * <p>A pipeline is itself a {@link Model} whose inputs are raw features and whose outputs are in
 * original units, so the metrics ({@code Accuracy.of(pipeline, test)},
 * {@code RegressionMetrics.of(pipeline, test)}) take raw test data. Like the network it holds,
 * an instance is not thread-safe: give each thread its own (loaded from the same file).
 *
 * @param <M> the network's class
 */
public final class Pipeline<M extends TrainableModel> implements Model {
  private final M model;
  private final Standardizer inputs;
  private final Standardizer targets;
  private final List<String> classNames;
  private final TrainingHistory history;
  private final double[] targetMeans;
  private final double[] targetStddevs;
  private final double[] scaled;
  private final double[] output;

  private Pipeline(M model, Standardizer inputs, Standardizer targets, List<String> classNames,
      TrainingHistory history) {
    this.model = model;
    this.inputs = inputs;
    this.targets = targets;
    this.classNames = Collections.unmodifiableList(new ArrayList<>(classNames));
    this.history = history;
    this.targetMeans = targets == null ? null : targets.means();
    this.targetStddevs = targets == null ? null : targets.stddevs();
    this.scaled = new double[model.inputSize()];
    this.output = new double[model.outputSize()];
  }

  /**
   * Returns the pipeline of these parts, for a network trained by other means.
   *
   * @param inputs the standardizer raw features go through, or null to use them as they are
   * @param targets the standardizer of regression targets the network predicts, or null
   * @param classNames the names of the classes in the order of the outputs (for one sigmoid
   *     output: the name of 0, then of 1), or an empty list
   * @throws IllegalArgumentException if a part does not fit the network
   */
  public static <M extends TrainableModel> Pipeline<M> of(
      M model, Standardizer inputs, Standardizer targets, List<String> classNames) {
    if (model == null || classNames == null) {
      throw new IllegalArgumentException((model == null ? "model" : "classNames")
          + " must not be null");
    }
    checkParts(model, inputs, targets, classNames);
    return new Pipeline<>(model, inputs, targets, classNames, null);
  }

  /**
   * Fits and trains like {@link #fit(TrainableModel, Dataset, Trainer)}, with the default
   * trainer.
   */
  public static <M extends TrainableModel> Pipeline<M> fit(M model, Dataset train) {
    return fit(model, train, Trainer.builder().build());
  }

  /**
   * Fits the input standardizer on {@code train} (and, for a regression network, one for the
   * targets: one whose loss is not a cross-entropy and whose outputs are linear), trains
   * {@code model} with {@code trainer} on the standardized data, and returns the pipeline,
   * which keeps the class names of {@code train} and the training history (its losses are those
   * of standardized targets).
   *
   * @throws IllegalArgumentException if the data does not fit the model (the message says which
   *     reader setting fixes it), or cannot be standardized
   */
  public static <M extends TrainableModel> Pipeline<M> fit(M model, Dataset train,
      Trainer trainer) {
    if (model == null || train == null || trainer == null) {
      throw new IllegalArgumentException((model == null ? "model" : train == null ? "train"
          : "trainer") + " must not be null");
    }
    Standardizer inputs = Standardizer.fit(train);
    Standardizer targets = scalesTargets(model.spec()) ? Standardizer.fit(swapped(train)) : null;
    Dataset scaled = inputs.transform(train);
    if (targets != null) {
      scaled = swapped(targets.transform(swapped(scaled)));
    }
    TrainingHistory history = trainer.fit(model, scaled);
    checkParts(model, inputs, targets, train.classNames());
    return new Pipeline<>(model, inputs, targets, train.classNames(), history);
  }

  /**
   * Loads a pipeline saved by {@link #save} into {@code model}, a fresh instance of the network
   * it was trained as.
   *
   * @throws dev.neurite.runtime.io.ModelFileException as {@link ModelFile#load(Path,
   *     TrainableModel)} does
   */
  public static <M extends TrainableModel> Pipeline<M> load(Path path, M model)
      throws IOException {
    ModelFileInfo info = ModelFile.load(path, model);
    ModelExtras extras = info.extras();
    return new Pipeline<>(model, extras.standardizer(), extras.targetStandardizer(),
        extras.classNames(), null);
  }

  /** Saves the network's weights with the standardizers and class names in one model file. */
  public void save(Path path) throws IOException {
    ModelExtras.Builder extras = ModelExtras.builder().classNames(classNames);
    if (inputs != null) {
      extras.standardizer(inputs);
    }
    if (targets != null) {
      extras.targetStandardizer(targets);
    }
    ModelFile.save(model, path, extras.build());
  }

  /** Regression targets are standardized when the network's outputs are linear, not classes. */
  private static boolean scalesTargets(NetworkSpec spec) {
    Activation output = spec.layers().get(spec.layers().size() - 1).activation();
    return output == Activation.IDENTITY && spec.loss() != Loss.BINARY_CROSS_ENTROPY
        && spec.loss() != Loss.CATEGORICAL_CROSS_ENTROPY;
  }

  /** Returns a dataset whose inputs are {@code data}'s targets and whose targets its inputs. */
  private static Dataset swapped(Dataset data) {
    double[][] in = new double[data.size()][];
    double[][] out = new double[data.size()][];
    for (int i = 0; i < data.size(); i++) {
      in[i] = data.target(i);
      out[i] = data.input(i);
    }
    return Dataset.of(in, out).withClassNames(data.classNames());
  }

  private static void checkParts(
      Model model, Standardizer inputs, Standardizer targets, List<String> classNames) {
    if (inputs != null && inputs.size() != model.inputSize()) {
      throw new IllegalArgumentException("the input standardizer must have " + model.inputSize()
          + " columns, one per input, but had " + inputs.size());
    }
    if (targets != null && targets.size() != model.outputSize()) {
      throw new IllegalArgumentException("the target standardizer must have "
          + model.outputSize() + " columns, one per output, but had " + targets.size());
    }
    int classes = Classes.count(model.outputSize());
    if (!classNames.isEmpty() && classNames.size() != classes) {
      throw new IllegalArgumentException(model.spec().name() + " tells " + classes
          + " classes apart, but " + classNames.size() + " class names were given: "
          + classNames);
    }
  }

  @Override
  public NetworkSpec spec() {
    return model.spec();
  }

  @Override
  public int inputSize() {
    return model.inputSize();
  }

  @Override
  public int outputSize() {
    return model.outputSize();
  }

  @Override
  public int parameterCount() {
    return model.parameterCount();
  }

  /**
   * Predicts the outputs of one sample of raw features into {@code output}, without allocating:
   * values in the targets' original units for regression, the network's outputs (class
   * probabilities) otherwise.
   */
  @Override
  public void predict(double[] input, double[] output) {
    ModelArguments.requireLength("input", input, inputSize());
    ModelArguments.requireLength("output", output, outputSize());
    System.arraycopy(input, 0, scaled, 0, scaled.length);
    if (inputs != null) {
      inputs.transformInPlace(scaled);
    }
    model.predict(scaled, output);
    if (targets != null) {
      for (int k = 0; k < output.length; k++) {
        output[k] = output[k] * targetStddevs[k] + targetMeans[k];
      }
    }
  }

  /** Returns the outputs of one sample of raw features, as {@link #predict(double[], double[])}. */
  public double[] predict(double[] features) {
    double[] result = new double[outputSize()];
    predict(features, result);
    return result;
  }

  /** Returns the outputs of each row of raw features. */
  public double[][] predict(double[][] rows) {
    double[][] result = new double[requireRows(rows)][];
    for (int i = 0; i < rows.length; i++) {
      result[i] = predict(rows[i]);
    }
    return result;
  }

  /**
   * Returns the probability of each class for one sample of raw features: the outputs of a
   * softmax network, or {@code {1 - p, p}} for one sigmoid output {@code p}.
   *
   * @throws IllegalStateException if the pipeline is a regression
   */
  public double[] classProbabilities(double[] features) {
    requireClassifier();
    predict(features, output);
    return output.length == 1 ? new double[] {1 - output[0], output[0]} : output.clone();
  }

  /** Returns {@link #classProbabilities(double[])} of each row of raw features. */
  public double[][] classProbabilities(double[][] rows) {
    double[][] result = new double[requireRows(rows)][];
    for (int i = 0; i < rows.length; i++) {
      result[i] = classProbabilities(rows[i]);
    }
    return result;
  }

  /**
   * Returns the index of the most probable class of one sample of raw features (for one sigmoid
   * output: 1 when its probability is at least 0.5).
   *
   * @throws IllegalStateException if the pipeline is a regression
   */
  public int predictClass(double[] features) {
    requireClassifier();
    predict(features, output);
    return Classes.of(output);
  }

  /** Returns {@link #predictClass(double[])} of each row of raw features. */
  public int[] predictClass(double[][] rows) {
    int[] result = new int[requireRows(rows)];
    for (int i = 0; i < rows.length; i++) {
      result[i] = predictClass(rows[i]);
    }
    return result;
  }

  /**
   * Returns the name of the most probable class of one sample of raw features, or its index as
   * text when the classes have no names.
   */
  public String predictClassName(double[] features) {
    return className(predictClass(features));
  }

  /** Returns the name of class {@code index}, or the index as text when classes have no names. */
  public String className(int index) {
    return classNames.isEmpty() ? String.valueOf(index) : classNames.get(index);
  }

  /** Returns the names of the classes in the order of the outputs; empty if they have none. */
  public List<String> classNames() {
    return classNames;
  }

  /** Returns the fraction of samples of raw {@code data} whose class is predicted right. */
  public double accuracy(Dataset data) {
    requireClassifier();
    return confusionMatrix(data).accuracy();
  }

  /** Returns the confusion matrix on raw {@code data}, with the class names when known. */
  public ConfusionMatrix confusionMatrix(Dataset data) {
    requireClassifier();
    ConfusionMatrix matrix = ConfusionMatrix.of(this, data);
    return classNames.isEmpty() ? matrix : matrix.withClassNames(classNames.toArray(new String[0]));
  }

  /** Returns the regression metrics on raw {@code data}, in the targets' original units. */
  public RegressionMetrics regressionMetrics(Dataset data) {
    return RegressionMetrics.of(this, data);
  }

  /** Returns the network. */
  public M model() {
    return model;
  }

  /** Returns the standardizer of the inputs, or null if features are used as they are. */
  public Standardizer inputStandardizer() {
    return inputs;
  }

  /** Returns the standardizer of the regression targets, or null if there is none. */
  public Standardizer targetStandardizer() {
    return targets;
  }

  /** Returns the history of the training {@link #fit} ran, or null for a loaded pipeline. */
  public TrainingHistory history() {
    return history;
  }

  private void requireClassifier() {
    if (targets != null || !isClassifier(model.spec())) {
      throw new IllegalStateException(model.spec().name() + " is a regression network (linear "
          + "outputs, " + model.spec().loss() + "): it has no classes; use predict");
    }
  }

  private static boolean isClassifier(NetworkSpec spec) {
    Activation output = spec.layers().get(spec.layers().size() - 1).activation();
    return output == Activation.SOFTMAX || output == Activation.SIGMOID
        || spec.loss() == Loss.BINARY_CROSS_ENTROPY
        || spec.loss() == Loss.CATEGORICAL_CROSS_ENTROPY;
  }

  private static int requireRows(double[][] rows) {
    if (rows == null) {
      throw new IllegalArgumentException("rows must not be null");
    }
    return rows.length;
  }

  @Override
  public String toString() {
    return "Pipeline(" + model.spec().name() + ", inputs " + (inputs != null ? "standardized"
        : "as they are") + ", targets " + (targets != null ? "standardized" : "as they are")
        + ", classes " + classNames + ")";
  }
}
