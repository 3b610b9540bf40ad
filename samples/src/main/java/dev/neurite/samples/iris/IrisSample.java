package dev.neurite.samples.iris;

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
 * Classifies Fisher's irises with the generated {@code IrisNet}, trained with the trainer's
 * default hyper-parameters, and measures it on flowers it never saw.
 *
 * <p>The 150 flowers are split 80/20 within each species (10 of each are held out), with a fixed
 * seed; the standardizer is fitted on the training part only and applied to both, so nothing
 * about the test flowers leaks into training.
 */
public final class IrisSample {
  /** The seed of the train/test split. */
  static final long SPLIT_SEED = 42;

  private IrisSample() {}

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
    SampleData.Labelled iris = SampleData.iris();
    Split split = iris.data().stratifiedSplit(0.8, splitSeed);
    Standardizer standardizer = Standardizer.fit(split.train());
    Dataset train = standardizer.transform(split.train());
    Dataset test = standardizer.transform(split.test());
    out.println("Iris: " + split);

    IrisNet net = new IrisNet();
    out.println(IrisNet.SPEC.summary());
    Artifacts artifacts = new Artifacts(dir, "iris", out);
    Trainer trainer = Trainer.builder()
        .listener(artifacts.progress(Trainer.DEFAULT_EPOCHS))
        .build();
    artifacts.writeHistory(trainer.fit(net, train));

    ConfusionMatrix matrix = ConfusionMatrix.of(net, test).withClassNames(iris.classNames());
    out.println("Test set confusion matrix (rows: true species, columns: predicted):");
    out.println(matrix);
    out.println(matrix.report());
    out.printf("Test accuracy: %.2f%% (%d flowers)%n", 100 * matrix.accuracy(), test.size());
    boolean same = artifacts.saveAndReload(net, new IrisNet(), split.test(), standardizer);
    return new Result(matrix.accuracy(), same);
  }
}
