package dev.neurite.samples.support;

import dev.neurite.charts.LossChart;
import dev.neurite.runtime.Model;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.data.Standardizer;
import dev.neurite.runtime.io.ModelExtras;
import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.io.ModelFileInfo;
import dev.neurite.runtime.train.ConsoleProgressListener;
import dev.neurite.runtime.train.TrainableModel;
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
   * Saves {@code trained} as {@code <sample>-<network>.nrt}, loads the file into {@code fresh},
   * and returns whether both predict exactly the same on every sample of {@code data}.
   */
  public boolean saveAndReload(TrainableModel trained, TrainableModel fresh, Dataset data)
      throws IOException {
    return saveAndReload(trained, fresh, data, null);
  }

  /**
   * Saves {@code trained} with the {@code standardizer} its inputs go through (none if null) as
   * {@code <sample>-<network>.nrt}, loads the file into {@code fresh}, and returns whether the
   * reloaded pair predicts exactly what the original pair predicts on every raw sample of
   * {@code data}.
   */
  public boolean saveAndReload(
      TrainableModel trained, TrainableModel fresh, Dataset data, Standardizer standardizer)
      throws IOException {
    Path path = file("-" + trained.spec().name() + ".nrt");
    ModelExtras extras = standardizer == null
        ? ModelExtras.none() : ModelExtras.builder().standardizer(standardizer).build();
    ModelFile.save(trained, path, extras);
    ModelFileInfo info = ModelFile.load(path, fresh);
    Standardizer restored = info.extras().standardizer();
    boolean same = standardizer == null
        ? predictSame(trained, fresh, data)
        : predictSame(trained, fresh, standardizer.transform(data), restored.transform(data));
    out.println("Saved " + path + " (" + info.shape() + "); reloaded into a fresh "
        + fresh.spec().name() + ", it predicts " + (same ? "exactly the same" : "DIFFERENTLY"));
    return same;
  }

  private static boolean predictSame(Model a, Model b, Dataset data) {
    return predictSame(a, b, data, data);
  }

  private static boolean predictSame(Model a, Model b, Dataset dataA, Dataset dataB) {
    double[] outA = new double[a.outputSize()];
    double[] outB = new double[b.outputSize()];
    for (int i = 0; i < dataA.size(); i++) {
      a.predict(dataA.input(i), outA);
      b.predict(dataB.input(i), outB);
      if (!Arrays.equals(outA, outB)) {
        return false;
      }
    }
    return true;
  }
}
