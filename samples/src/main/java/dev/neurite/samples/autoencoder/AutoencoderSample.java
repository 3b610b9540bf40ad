package dev.neurite.samples.autoencoder;

import dev.neurite.runtime.Model;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.data.Split;
import dev.neurite.runtime.metrics.ConfusionMatrix;
import dev.neurite.runtime.metrics.RegressionMetrics;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.runtime.train.Trainer;
import dev.neurite.runtime.train.TrainingHistory;
import dev.neurite.samples.support.Artifacts;
import dev.neurite.samples.support.ClusterAgreement;
import dev.neurite.samples.support.KMeans;
import dev.neurite.samples.support.Outputs;
import dev.neurite.samples.support.SampleData;
import dev.neurite.samples.support.Spread;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Unsupervised learning on the handwritten digits: an autoencoder learns to squeeze each 64-pixel
 * image through 10 numbers and back without ever seeing a label; then k-means groups the codes of
 * images it never saw, and the groups are compared with the true digits, and with k-means of the
 * same images' raw pixels (same k, same restarts, same seed: the best of 10 k-means++ starts).
 *
 * <p>What made the codes beat the raw pixels, measured over split seeds 1-5: a plain autoencoder
 * (trained to redraw each image) gave codes that clustered worse than the pixels, whatever the
 * bottleneck (8, 10, 16), width (32, 64, 48-24), training length (40 epochs or early stopping),
 * masking noise or one-pixel shifts. Training it to redraw each image's nearest training images
 * as well as the image ({@link NeighbourTargets}) makes close images share a code, and beats the
 * pixels on both purity and adjusted Rand index. Training stops early once the reconstruction of
 * a tenth of the training images, held out for that, stops improving.
 *
 * <p>Design: the generated class of a network exposes only its output, so the bottleneck is read
 * by a second network. {@link DigitsAutoencoder} is trained by the network's own loss; {@link
 * DigitsEncoder} declares the same first layers. Because the flat parameter layout is layer after
 * layer ({@code NetworkSpec.weightOffset}), the encoder's parameters are exactly the first {@code
 * weightOffset(2)} values of the autoencoder's; {@link #encoderOf} copies them after checking
 * that the layers match.
 */
public final class AutoencoderSample {
  /** The train/test splits the comparison is averaged over. */
  static final long[] SPLIT_SEEDS = {1, 2, 3, 4, 5};
  /** Targets per image: itself and its nearest other training images. */
  static final int NEIGHBOURS = 20;
  static final int MAX_EPOCHS = 300;
  /** Epochs without a better reconstruction of the held-out training images before stopping. */
  static final int PATIENCE = 3;
  /** The part of the training images held out to decide when to stop. */
  static final double STOPPING_PART = 0.1;
  static final long STOPPING_SEED = 7;
  static final int CLUSTERS = 10;
  static final int RESTARTS = 10;
  static final long KMEANS_SEED = 42;

  private AutoencoderSample() {}

  /** How well clusters match the true digits. */
  record Agreement(double purity, double adjustedRandIndex) {
    static Agreement of(int[] clusters, int[] digits) {
      return new Agreement(ClusterAgreement.purity(clusters, digits),
          ClusterAgreement.adjustedRandIndex(clusters, digits));
    }
  }

  /** What one split measured on its held-out images. */
  record SplitResult(long splitSeed, int epochs, double reconstructionMse, Agreement codes,
      Agreement rawPixels) {}

  /** Every split, and whether the first split's saved model reloads to the same predictions. */
  record Result(List<SplitResult> splits, boolean reloadedPredictsTheSame) {
    Spread codePurity() {
      return Spread.of(splits, s -> s.codes().purity());
    }

    Spread codeAdjustedRandIndex() {
      return Spread.of(splits, s -> s.codes().adjustedRandIndex());
    }

    Spread rawPixelPurity() {
      return Spread.of(splits, s -> s.rawPixels().purity());
    }

    Spread rawPixelAdjustedRandIndex() {
      return Spread.of(splits, s -> s.rawPixels().adjustedRandIndex());
    }

    Spread reconstructionMse() {
      return Spread.of(splits, SplitResult::reconstructionMse);
    }
  }

  /** Runs the sample; the optional argument is the directory for its output files. */
  public static void main(String[] args) throws IOException {
    run(Outputs.directory(args), System.out);
  }

  /** Trains, encodes, clusters and compares on every split, writing files into {@code dir}. */
  static Result run(Path dir, PrintStream out) throws IOException {
    out.println("Digits autoencoder; labels are not used for training");
    out.println(DigitsAutoencoderNet.SPEC.summary());
    Artifacts artifacts = new Artifacts(dir, "autoencoder", out);
    List<SplitResult> splits = new ArrayList<>();
    boolean same = true;
    Dataset digits = SampleData.digits().data();
    for (long seed : SPLIT_SEEDS) {
      boolean first = splits.isEmpty();
      Split split = digits.split(0.8, seed);
      Dataset test = SampleData.unlabelledPixels(split.test());
      DigitsAutoencoderNet autoencoder = new DigitsAutoencoderNet();
      TrainingHistory history = train(autoencoder, split.train(), first ? artifacts : null);
      SplitResult result = measure(seed, history.epochCount(), autoencoder, test,
          SampleData.classes(split.test()), first ? out : null);
      if (first) {
        artifacts.writeHistory(history);
        same = artifacts.saveAndReload(autoencoder, new DigitsAutoencoderNet(), test);
      }
      splits.add(result);
      print(out, result);
    }
    Result result = new Result(splits, same);
    out.println("Over split seeds 1-" + SPLIT_SEEDS.length + ", k-means (k = " + CLUSTERS
        + ") of the held-out images against their digits:");
    out.println("  purity, codes:                " + result.codePurity());
    out.println("  purity, raw pixels:           " + result.rawPixelPurity());
    out.println("  adjusted Rand index, codes:   " + result.codeAdjustedRandIndex());
    out.println("  adjusted Rand index, pixels:  " + result.rawPixelAdjustedRandIndex());
    out.println("  reconstruction MSE per pixel: " + result.reconstructionMse());
    return result;
  }

  /**
   * Trains on the training images' neighbour pairs until the reconstruction of a held-out part
   * of them stops improving; shows progress when {@code artifacts} is given.
   */
  private static TrainingHistory train(TrainableModel autoencoder, Dataset labelled,
      Artifacts artifacts) {
    Split parts = SampleData.unlabelledPixels(labelled).split(1 - STOPPING_PART, STOPPING_SEED);
    Trainer.Builder trainer = Trainer.builder()
        .epochs(MAX_EPOCHS)
        .earlyStopping(PATIENCE, 0, true);
    if (artifacts != null) {
      trainer.listener(artifacts.progress(MAX_EPOCHS));
    }
    return trainer.build().fit(autoencoder, NeighbourTargets.of(parts.train(), NEIGHBOURS),
        parts.test());
  }

  /** Encodes and clusters the held-out images; prints the clusters' table to {@code out}. */
  private static SplitResult measure(long seed, int epochs, TrainableModel autoencoder,
      Dataset test, int[] digits, PrintStream out) {
    double mse = RegressionMetrics.of(autoencoder, test).meanSquaredError();
    int[] clusters = cluster(encode(encoderOf(autoencoder), test));
    int[] rawClusters = cluster(SampleData.inputs(test));
    if (out != null) {
      out.println("Held-out images by true digit (rows) and cluster of their code (columns):");
      out.println(ConfusionMatrix.ofLabels(digits, clusters, CLUSTERS));
    }
    return new SplitResult(seed, epochs, mse, Agreement.of(clusters, digits),
        Agreement.of(rawClusters, digits));
  }

  private static int[] cluster(double[][] points) {
    return new KMeans(CLUSTERS, RESTARTS, KMEANS_SEED).cluster(points);
  }

  /**
   * Returns the encoder half of a trained autoencoder: a {@code DigitsEncoderNet} holding the
   * autoencoder's first parameters, those of the layers the two networks share.
   */
  static DigitsEncoderNet encoderOf(TrainableModel autoencoder) {
    DigitsEncoderNet encoder = new DigitsEncoderNet();
    NetworkSpec whole = autoencoder.spec();
    NetworkSpec half = encoder.spec();
    int shared = half.layerCount();
    if (half.inputSize() != whole.inputSize()
        || !half.layers().equals(whole.layers().subList(0, shared))) {
      throw new IllegalStateException(half + " must be the first layers of " + whole);
    }
    double[] parameters = new double[whole.parameterCount()];
    autoencoder.getParameters(parameters);
    encoder.setParameters(Arrays.copyOf(parameters, whole.weightOffset(shared)));
    return encoder;
  }

  private static double[][] encode(Model encoder, Dataset data) {
    double[][] codes = new double[data.size()][encoder.outputSize()];
    for (int i = 0; i < codes.length; i++) {
      encoder.predict(data.input(i), codes[i]);
    }
    return codes;
  }

  private static void print(PrintStream out, SplitResult r) {
    out.printf(Locale.ROOT, "split seed %d, %d epochs: codes purity %.3f, ARI %.3f; raw pixels "
        + "purity %.3f, ARI %.3f; reconstruction MSE %.4f%n", r.splitSeed(), r.epochs(),
        r.codes().purity(), r.codes().adjustedRandIndex(), r.rawPixels().purity(),
        r.rawPixels().adjustedRandIndex(), r.reconstructionMse());
  }
}
