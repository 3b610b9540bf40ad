package dev.neurite.samples.support;

import dev.neurite.runtime.Model;
import dev.neurite.runtime.data.Dataset;
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

  /** Returns a listener that prints the loss every tenth of the run. */
  public TrainingListener progress() {
    return new TrainingListener() {
      @Override public void onEpochEnd(int epoch, double loss) {
        if (epoch == 1 || epoch % 10 == 0) {
          out.printf("epoch %5d  loss %.6f%n", epoch, loss);
        }
      }
    };
  }

  /** Writes the training losses as {@code <sample>-history.csv} and {@code <sample>-loss.png}. */
  public void writeHistory(double[] trainLosses) throws IOException {
    writeHistories(new String[] {"train_loss"}, trainLosses);
  }

  /** Writes several runs' training losses, one column and one curve each. */
  public void writeHistories(String[] names, double[]... losses) throws IOException {
    Path csv = file("-history.csv");
    try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("epoch");
      for (String name : names) {
        w.write("," + name.replace(' ', '_'));
      }
      w.write("\n");
      for (int i = 0; i < losses[0].length; i++) {
        w.write(String.valueOf(i + 1));
        for (double[] run : losses) {
          w.write("," + run[i]);
        }
        w.write("\n");
      }
    }
    Path png = file("-loss.png");
    LossChart.write(png, sample + ": training loss per epoch", names, losses);
    out.println("Wrote " + csv + " and " + png);
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
