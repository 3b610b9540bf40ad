package dev.neurite.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.data.OneHot;
import dev.neurite.runtime.data.Standardizer;
import dev.neurite.runtime.io.ModelExtras;
import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.metrics.RegressionMetrics;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.Trainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTest {
  private static ReferenceNetwork network(String name, int inputs, int hidden, int outputs,
      Activation output, Loss loss) {
    return new ReferenceNetwork(NetworkSpec.of(name, inputs, Arrays.asList(
        LayerSpec.dense(hidden, Activation.TANH), LayerSpec.dense(outputs, output)), loss,
        Precision.DOUBLE, 5));
  }

  /** y = 300 x + 5000 on x in [0, 10]: far from unit scale on both sides. */
  private static Dataset line(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][];
    double[][] y = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {random.nextDouble(0, 10)};
      y[i] = new double[] {300 * x[i][0] + 5000};
    }
    return Dataset.of(x, y);
  }

  /** Three classes around (0, 0), (50, 0) and (0, 50), named. */
  private static Dataset blobs(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][];
    double[][] y = new double[n][];
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      x[i] = new double[] {(c == 1 ? 50 : 0) + random.nextGaussian() * 5,
          (c == 2 ? 50 : 0) + random.nextGaussian() * 5};
      y[i] = OneHot.encode(c, 3);
    }
    return Dataset.of(x, y).withClassNames(Arrays.asList("origin", "east", "north"));
  }

  private static Trainer trainer(int epochs) {
    return Trainer.builder().epochs(epochs).build();
  }

  @Test
  void regressionPredictsAndIsMeasuredInTheTargetsOriginalUnits() {
    ReferenceNetwork net = network("Line", 1, 4, 1, Activation.IDENTITY,
        Loss.MEAN_SQUARED_ERROR);
    Pipeline<ReferenceNetwork> pipeline = Pipeline.fit(net, line(200, 1), trainer(300));
    assertNotNull(pipeline.targetStandardizer());
    assertEquals(6500, pipeline.predict(new double[] {5})[0], 30); // 0.5% of the value
    Dataset test = line(50, 2);
    RegressionMetrics metrics = pipeline.regressionMetrics(test);
    double[][] predicted = pipeline.predict(rows(test));
    double squared = 0;
    for (int i = 0; i < test.size(); i++) {
      squared += Math.pow(predicted[i][0] - test.target(i)[0], 2);
    }
    assertEquals(Math.sqrt(squared / test.size()), metrics.rootMeanSquaredError(), 1e-9);
    assertTrue(metrics.rootMeanSquaredError() < 30, "RMSE " + metrics.rootMeanSquaredError());
    assertTrue(metrics.rSquared() > 0.999, "R squared " + metrics.rSquared());
  }

  @Test
  void classifierAnswersWithProbabilitiesIndicesAndNames() {
    Pipeline<ReferenceNetwork> pipeline = Pipeline.fit(network("Blobs", 2, 8, 3,
        Activation.SOFTMAX, Loss.CATEGORICAL_CROSS_ENTROPY), blobs(150, 3), trainer(100));
    assertNull(pipeline.targetStandardizer());
    assertEquals("east", pipeline.predictClassName(new double[] {48, 2}));
    assertEquals(2, pipeline.predictClass(new double[] {1, 52}));
    double[] p = pipeline.classProbabilities(new double[] {0, 0});
    assertEquals(1, p[0] + p[1] + p[2], 1e-12);
    assertTrue(p[0] > 0.9, Arrays.toString(p));
    Dataset test = blobs(60, 4);
    assertTrue(pipeline.accuracy(test) > 0.95, "accuracy " + pipeline.accuracy(test));
    assertArrayEquals(new int[] {pipeline.predictClass(test.input(0)),
        pipeline.predictClass(test.input(1))},
        pipeline.predictClass(new double[][] {test.input(0), test.input(1)}));
    assertArrayEquals(pipeline.classProbabilities(test.input(5)),
        pipeline.classProbabilities(new double[][] {test.input(5)})[0]);
    assertEquals("east", pipeline.confusionMatrix(test).className(1));
  }

  @Test
  void oneSigmoidOutputGivesTwoClassProbabilities() {
    Dataset two = blobs(120, 5);
    double[][] x = rows(two);
    double[][] y = new double[two.size()][];
    for (int i = 0; i < y.length; i++) {
      y[i] = new double[] {two.target(i)[1] == 1 ? 1 : 0};
    }
    Dataset data = Dataset.of(x, y).withClassNames(Arrays.asList("west", "east"));
    Pipeline<ReferenceNetwork> pipeline = Pipeline.fit(network("Side", 2, 4, 1,
        Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY), data, trainer(100));
    double[] p = pipeline.classProbabilities(new double[] {50, 0});
    assertEquals(2, p.length);
    assertEquals(1, p[0] + p[1], 1e-12);
    assertEquals("east", pipeline.predictClassName(new double[] {50, 0}));
    assertEquals("west", pipeline.predictClassName(new double[] {0, 50}));
  }

  @Test
  void savesEverythingInOneFileAndLoadsItBitForBit(@TempDir Path dir) throws IOException {
    Pipeline<ReferenceNetwork> trained = Pipeline.fit(network("Line", 1, 4, 1,
        Activation.IDENTITY, Loss.MEAN_SQUARED_ERROR), line(100, 6), trainer(20));
    Path file = dir.resolve("line.nrt");
    trained.save(file);
    Pipeline<ReferenceNetwork> loaded = Pipeline.load(file, network("Line", 1, 4, 1,
        Activation.IDENTITY, Loss.MEAN_SQUARED_ERROR));
    assertEquals(trained.predict(new double[] {3.25})[0], loaded.predict(new double[] {3.25})[0]);
    assertArrayEquals(trained.targetStandardizer().means(),
        loaded.targetStandardizer().means());
    assertNull(loaded.history());

    Pipeline<ReferenceNetwork> classes = Pipeline.fit(network("Blobs", 2, 8, 3,
        Activation.SOFTMAX, Loss.CATEGORICAL_CROSS_ENTROPY), blobs(90, 7), trainer(5));
    classes.save(file);
    Pipeline<ReferenceNetwork> back = Pipeline.load(file, network("Blobs", 2, 8, 3,
        Activation.SOFTMAX, Loss.CATEGORICAL_CROSS_ENTROPY));
    assertEquals(Arrays.asList("origin", "east", "north"), back.classNames());
    assertArrayEquals(classes.predict(new double[] {10, 20}), back.predict(new double[] {10, 20}));
  }

  @Test
  void loadsAFileWrittenBeforePipelinesExisted() throws IOException {
    // Written by the previous format writer: weights of seed 11 and a standardizer, no more.
    NetworkSpec spec = NetworkSpec.of("Before", 2, Arrays.asList(
        LayerSpec.dense(3, Activation.TANH), LayerSpec.dense(2, Activation.SOFTMAX)),
        Loss.CATEGORICAL_CROSS_ENTROPY, Precision.DOUBLE, 11);
    ReferenceNetwork into = new ReferenceNetwork(spec.withSeed(12));
    Path file = resource("before-pipeline.nrt");
    Pipeline<ReferenceNetwork> pipeline = Pipeline.load(file, into);
    double[] expected = new double[into.parameterCount()];
    new ReferenceNetwork(spec).getParameters(expected);
    double[] actual = new double[into.parameterCount()];
    into.getParameters(actual);
    assertArrayEquals(expected, actual);
    assertArrayEquals(new double[] {1, 2}, pipeline.inputStandardizer().means());
    assertEquals(Collections.emptyList(), pipeline.classNames());
    String name = pipeline.predictClassName(new double[] {3, -1});
    assertTrue(name.equals("0") || name.equals("1"), name); // no names: the index as text
  }

  @Test
  void filesWithoutPipelinePartsKeepThePreviousFormat(@TempDir Path dir) throws IOException {
    NetworkSpec spec = NetworkSpec.of("Before", 2, Arrays.asList(
        LayerSpec.dense(3, Activation.TANH), LayerSpec.dense(2, Activation.SOFTMAX)),
        Loss.CATEGORICAL_CROSS_ENTROPY, Precision.DOUBLE, 11);
    Path file = dir.resolve("again.nrt");
    ModelFile.save(new ReferenceNetwork(spec), file, ModelExtras.builder()
        .standardizer(Standardizer.of(new double[] {1, 2}, new double[] {3, 4})).build());
    assertArrayEquals(Files.readAllBytes(resource("before-pipeline.nrt")),
        Files.readAllBytes(file));
  }

  @Test
  void refusesWhatDoesNotFitWithMessagesThatSayWhy() {
    ReferenceNetwork line = network("Line", 1, 4, 1, Activation.IDENTITY,
        Loss.MEAN_SQUARED_ERROR);
    Pipeline<ReferenceNetwork> regression = Pipeline.fit(line, line(50, 8), trainer(1));
    IllegalStateException noClasses = assertThrows(IllegalStateException.class,
        () -> regression.predictClass(new double[] {1}));
    assertEquals("Line is a regression network (linear outputs, MEAN_SQUARED_ERROR): it has no "
        + "classes; use predict", noClasses.getMessage());
    IllegalArgumentException names = assertThrows(IllegalArgumentException.class,
        () -> Pipeline.of(network("Blobs", 2, 8, 3, Activation.SOFTMAX,
            Loss.CATEGORICAL_CROSS_ENTROPY), null, null, Arrays.asList("a", "b")));
    assertEquals("Blobs tells 3 classes apart, but 2 class names were given: [a, b]",
        names.getMessage());
    IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
        () -> regression.predict(new double[] {1, 2}));
    assertEquals("input must have length 1, but had length 2", wide.getMessage());
  }

  @Test
  void aTargetMismatchNamesTheReaderSettingThatFixesIt() {
    Dataset oneHot = Dataset.of(new double[][] {{0}, {1}}, new double[][] {{1, 0}, {0, 1}});
    IllegalArgumentException binary = assertThrows(IllegalArgumentException.class,
        () -> trainer(1).fit(network("Sig", 1, 2, 1, Activation.SIGMOID,
            Loss.BINARY_CROSS_ENTROPY), oneHot));
    assertEquals("the training data must have 1 inputs and 1 targets per sample for Sig, but "
        + "had 1 and 2: for one sigmoid output, read a two-class label as one 0/1 column with "
        + "CsvReader.builder().binary() (or give the network a 2-unit softmax output)",
        binary.getMessage());
    Dataset column = Dataset.of(new double[][] {{0}, {1}}, new double[][] {{0}, {1}});
    IllegalArgumentException classes = assertThrows(IllegalArgumentException.class,
        () -> trainer(1).fit(network("Soft", 1, 2, 3, Activation.SOFTMAX,
            Loss.CATEGORICAL_CROSS_ENTROPY), column));
    assertTrue(classes.getMessage().endsWith(": for 3 outputs, read the labels as one-hot rows "
        + "with CsvReader.builder().classes(3) (or give the network one sigmoid output for a "
        + "0/1 label)"), classes.getMessage());
    Dataset four = Dataset.of(new double[][] {{0}}, new double[][] {{0, 0, 0, 1}});
    IllegalArgumentException wider = assertThrows(IllegalArgumentException.class,
        () -> trainer(1).fit(network("Soft", 1, 2, 3, Activation.SOFTMAX,
            Loss.CATEGORICAL_CROSS_ENTROPY), four));
    assertTrue(wider.getMessage().endsWith(": the labels hold 4 classes; give the network 4 "
        + "outputs, or set CsvReader.builder().classes(3) if the data has 3 classes"),
        wider.getMessage());
  }

  private static double[][] rows(Dataset data) {
    double[][] rows = new double[data.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = data.input(i);
    }
    return rows;
  }

  private static Path resource(String name) throws IOException {
    try (InputStream in = PipelineTest.class.getResourceAsStream("/io/" + name)) {
      Path copy = Files.createTempFile("neurite", ".nrt");
      Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      copy.toFile().deleteOnExit();
      return copy;
    }
  }
}
