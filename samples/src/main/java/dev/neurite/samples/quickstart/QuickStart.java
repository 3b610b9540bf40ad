package dev.neurite.samples.quickstart;

import dev.neurite.runtime.data.CsvReader;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.data.Split;
import dev.neurite.runtime.metrics.RegressionMetrics;
import dev.neurite.runtime.pipeline.Pipeline;
import dev.neurite.runtime.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The README's three tasks end to end, from raw files to answers; the text between
 * {@code README begin} and {@code README end} is what the README shows (QuickStartTest checks it
 * word for word and runs it). Each returns what the test asserts.
 */
public final class QuickStart {
  private QuickStart() {}

  /** Multiclass from a CSV with a header and species names; returns the test accuracy. */
  public static double species(Path dir) throws IOException {
    // README begin species
    Dataset data = CsvReader.builder().header().labelColumn("species").build()
        .read(dir.resolve("iris-species.csv"));
    Split split = data.stratifiedSplit(0.8, 42);
    Pipeline<SpeciesNet> pipeline = Pipeline.fit(new SpeciesNet(), split.train());
    System.out.println(pipeline.confusionMatrix(split.test()).report());
    pipeline.save(dir.resolve("species.nrt"));

    Pipeline<SpeciesNet> loaded = Pipeline.load(dir.resolve("species.nrt"), new SpeciesNet());
    String species = loaded.predictClassName(new double[] {5.1, 3.5, 1.4, 0.2}); // "setosa"
    // README end species
    System.out.println("5.1, 3.5, 1.4, 0.2 is " + species);
    return loaded.accuracy(split.test());
  }

  /** Binary with one sigmoid output, labels M and B; returns the test accuracy. */
  public static double diagnosis(Path dir) throws IOException {
    // README begin diagnosis
    Dataset data = CsvReader.builder().header().labelColumn("diagnosis").binary().build()
        .read(dir.resolve("wdbc.csv")); // labels B and M become 0 and 1, one column
    Split split = data.stratifiedSplit(0.8, 42);
    Pipeline<DiagnosisNet> pipeline = Pipeline.fit(new DiagnosisNet(), split.train(),
        Trainer.builder().epochs(50).build());
    System.out.println(pipeline.confusionMatrix(split.test()).report());

    double[] sample = split.test().input(0);
    System.out.println(pipeline.predictClassName(sample) + ", probabilities of "
        + pipeline.classNames() + ": " + Arrays.toString(pipeline.classProbabilities(sample)));
    // README end diagnosis
    return pipeline.accuracy(split.test());
  }

  /**
   * Regression from features and target in two whitespace-separated files; returns the test
   * metrics, in the target's units.
   */
  public static RegressionMetrics progression(Path dir) throws IOException {
    // README begin progression
    CsvReader reader = CsvReader.builder().whitespace().regression().build();
    Dataset data = reader.read(dir.resolve("diabetes-features.txt"),
        dir.resolve("diabetes-target.txt"));
    Split split = data.split(0.8, 42);
    Pipeline<ProgressionNet> pipeline = Pipeline.fit(new ProgressionNet(), split.train(),
        Trainer.builder().epochs(100).validationSplit(0.2).earlyStopping(10, 0, true).build());

    RegressionMetrics test = pipeline.regressionMetrics(split.test()); // in the target's units
    System.out.printf("test RMSE %.1f, R squared %.2f%n", test.rootMeanSquaredError(),
        test.rSquared());
    double progression = pipeline.predict(split.test().input(0))[0];
    // README end progression
    System.out.printf("first test patient: predicted %.0f, measured %.0f%n", progression,
        split.test().target(0)[0]);
    return test;
  }
}
