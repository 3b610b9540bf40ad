package dev.neurite.samples.support;

import dev.neurite.runtime.Model;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.train.ConsoleProgressListener;
import dev.neurite.runtime.train.TrainingHistory;
import dev.neurite.runtime.train.TrainingListener;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What every sample leaves behind and shows: progress while training, the training history as
 * CSV and as a loss-curve PNG, and the check that a saved model reloads into a fresh instance
 * that predicts exactly the same.
 */
public final class Artifacts {
  private final Path directory;
  private final String sample;
  private final PrintStream out;

  /** Writes files named after {@code sample} into {@code directory}, reporting to {@code out}. */
  public Artifacts(Path directory, String sample, PrintStream out) {
    this.directory = directory;
    this.sample = sample;
    this.out = out;
  }

  /** Returns the path of this sample's file with the given suffix, such as {@code -loss.png}. */
  public Path file(String suffix) {
    return directory.resolve(sample + suffix);
  }

  /** Returns the console progress listener, printing about ten lines for {@code epochs}. */
  public TrainingListener progress(int epochs) {
    return new ConsoleProgressListener(out, System::nanoTime, Math.max(1, epochs / 10));
  }

  /**
   * Writes the run's history as {@code <sample>-history.csv} and its loss curves (training, and
   * validation when measured) as {@code <sample>-loss.png}.
   */
  public void writeHistory(TrainingHistory history) throws IOException {
    Path csv = writeCsv(file("-history.csv"), history);
    double[] validation = validationLosses(history);
    boolean validated = !Double.isNaN(validation[validation.length - 1]);
    Path png = file("-loss.png");
    LossChart.write(png, sample + ": loss per epoch",
        new String[] {"training", "validation"}, history.trainLosses(),
        validated ? validation : null);
    out.println("Wrote " + csv + " and " + png);
  }

  /**
   * Writes several runs compared in one sample: one {@code <sample>-<name>-history.csv} per run
   * and their training losses in one {@code <sample>-loss.png}.
   */
  public void writeHistories(String[] names, TrainingHistory... histories) throws IOException {
    double[][] losses = new double[histories.length][];
    for (int r = 0; r < histories.length; r++) {
      Path csv = writeCsv(file("-" + names[r].replace(' ', '-') + "-history.csv"), histories[r]);
      out.println("Wrote " + csv);
      losses[r] = histories[r].trainLosses();
    }
    Path png = file("-loss.png");
    LossChart.write(png, sample + ": training loss per epoch", names, losses);
    out.println("Wrote " + png);
  }

  private static Path writeCsv(Path csv, TrainingHistory history) throws IOException {
    try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      history.writeCsv(w);
    }
    return csv;
  }

  private static double[] validationLosses(TrainingHistory history) {
    double[] losses = new double[history.epochCount()];
    for (int i = 0; i < losses.length; i++) {
      losses[i] = history.epochs().get(i).validationLoss();
    }
    return losses;
  }

  /**
   * Moves the parameters of {@code trained} into {@code fresh} and checks that both predict
   * exactly the same on every sample of {@code data}; returns whether they do.
   */
  public boolean saveAndReload(Model trained, Model fresh, Dataset data) {
    double[] parameters = new double[trained.parameterCount()];
    trained.getParameters(parameters);
    fresh.setParameters(parameters);
    boolean same = predictSame(trained, fresh, data);
    out.println("Reloaded model predicts the same: " + same);
    return same;
  }

  private static boolean predictSame(Model a, Model b, Dataset data) {
    double[] outA = new double[a.outputSize()];
    double[] outB = new double[b.outputSize()];
    for (int i = 0; i < data.size(); i++) {
      a.predict(data.input(i), outA);
      b.predict(data.input(i), outB);
      if (!Arrays.equals(outA, outB)) {
        return false;
      }
    }
    return true;
  }
}
