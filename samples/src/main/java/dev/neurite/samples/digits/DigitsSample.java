package dev.neurite.samples.digits;

import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.data.Split;
import dev.neurite.runtime.data.Standardizer;
import dev.neurite.runtime.metrics.ConfusionMatrix;
import dev.neurite.runtime.train.Trainer;
import dev.neurite.samples.support.Artifacts;
import dev.neurite.samples.support.Outputs;
import dev.neurite.samples.support.SampleData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Recognizes handwritten digits (8x8 images) with the generated {@code DigitsNet} and measures
 * it on 360 images it never saw.
 *
 * <p>The 1797 images are split 80/20 within each digit, with a fixed seed; the standardizer is
 * fitted on the training part only. Thirty epochs are enough for the held-out accuracy to
 * settle (the training accuracy reaches 100% within ten), and take about two seconds.
 */
public final class DigitsSample {
  /** The seed of the train/test split. */
  static final long SPLIT_SEED = 42;
  /** Passes over the training images. */
  static final int EPOCHS = 30;

  private DigitsSample() {}

  /** What one run measured on its held-out part. */
  public record Result(double testAccuracy, boolean reloadedPredictsTheSame) {}

  /** Runs the sample; the optional argument is the directory for its output files. */
  public static void main(String[] args) throws IOException {
    run(Outputs.directory(args), System.out);
  }

  /** Trains, evaluates, saves and reloads the network, writing its files into {@code dir}. */
  static Result run(Path dir, PrintStream out) throws IOException {
    return run(dir, out, SPLIT_SEED);
  }

  /** Runs the sample on the train/test split drawn with {@code splitSeed}. */
  public static Result run(Path dir, PrintStream out, long splitSeed) throws IOException {
    SampleData.Labelled digits = SampleData.digits();
    Split split = digits.data().stratifiedSplit(0.8, splitSeed);
    Standardizer standardizer = Standardizer.fit(split.train());
    Dataset train = standardizer.transform(split.train());
    Dataset test = standardizer.transform(split.test());
    out.println("Digits: " + split);

    DigitsNet net = new DigitsNet();
    out.println(DigitsNet.SPEC.summary());
    Artifacts artifacts = new Artifacts(dir, "digits", out);
    Trainer trainer = Trainer.builder()
        .epochs(EPOCHS)
        .listener(artifacts.progress(EPOCHS))
        .build();
    artifacts.writeHistory(trainer.fit(net, train));

    ConfusionMatrix matrix = ConfusionMatrix.of(net, test).withClassNames(digits.classNames());
    out.println("Test set confusion matrix (rows: true digit, columns: predicted):");
    out.println(matrix);
    out.println(matrix.report());
    out.printf("Test accuracy: %.2f%% (%d images)%n", 100 * matrix.accuracy(), test.size());
    boolean same = artifacts.saveAndReload(net, new DigitsNet(), split.test(), standardizer);
    return new Result(matrix.accuracy(), same);
  }
}
