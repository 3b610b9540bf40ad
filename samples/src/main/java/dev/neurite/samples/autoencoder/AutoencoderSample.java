package dev.neurite.samples.autoencoder;

import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.data.OneHot;
import dev.neurite.runtime.data.Split;
import dev.neurite.runtime.metrics.ConfusionMatrix;
import dev.neurite.runtime.metrics.RegressionMetrics;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.runtime.train.Trainer;
import dev.neurite.samples.support.Artifacts;
import dev.neurite.samples.support.Outputs;
import dev.neurite.samples.support.SampleData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Unsupervised learning on the handwritten digits: an autoencoder learns to squeeze each 64-pixel
 * image through 8 numbers and back without ever seeing a label; then k-means groups the 8-number
 * codes of images it never saw, and the groups are compared with the true digits.
 *
 * <p>Design: the generated class of a network exposes only its output, so the bottleneck is read
 * by a second network. {@link DigitsAutoencoder} (64-32-8-32-64) is trained with each image as
 * its own target, by the network's own loss: no custom cost is needed, since the target is simply
 * the input. {@link DigitsEncoder} (64-32-8) declares the same first two
 * layers. Because the flat parameter layout is layer after layer ({@code
 * NetworkSpec.weightOffset}), the encoder's parameters are exactly the first
 * {@code weightOffset(2)} values of the autoencoder's; {@link #encoderOf} copies them after
 * checking that the layers match. This is simpler than declaring the encoder and the decoder
 * separately and chaining their forward and backward passes through a custom cost by hand.
 */
public final class AutoencoderSample {
  static final long SPLIT_SEED = 42;
  static final long KMEANS_SEED = 42;
  static final int EPOCHS = 40;
  static final int CLUSTERS = 10;
  static final int RESTARTS = 10;
  /** The largest pixel value: inputs are scaled to [0, 1], the range of the sigmoid output. */
  static final double MAX_PIXEL = 16;

  private AutoencoderSample() {}

  /** What one run measured on the held-out images. */
  record Result(double reconstructionMse, double purity, double adjustedRandIndex,
      double rawPixelPurity, double rawPixelAdjustedRandIndex, boolean reloadedPredictsTheSame) {}

  /** Runs the sample; the optional argument is the directory for its output files. */
  public static void main(String[] args) throws IOException {
    run(Outputs.directory(args), System.out);
  }

  /** Trains, encodes, clusters and compares, writing the files into {@code dir}. */
  static Result run(Path dir, PrintStream out) throws IOException {
    Split split = SampleData.digits().data().split(0.8, SPLIT_SEED);
    Dataset train = selfTargeted(split.train());
    Dataset test = selfTargeted(split.test());
    out.println("Digits autoencoder: " + split + "; labels are not used for training");

    DigitsAutoencoderNet autoencoder = new DigitsAutoencoderNet();
    out.println(DigitsAutoencoderNet.SPEC.summary());
    Artifacts artifacts = new Artifacts(dir, "autoencoder", out);
    Trainer trainer = Trainer.builder()
        .epochs(EPOCHS)
        .listener(artifacts.progress(EPOCHS))
        .build();
    artifacts.writeHistory(trainer.fit(autoencoder, train, test));
    double mse = RegressionMetrics.of(autoencoder, test).meanSquaredError();
    out.printf("Reconstruction error on %d held-out images: MSE %.4f per pixel in [0, 1]%n",
        test.size(), mse);

    int[] digits = OneHot.decode(targets(split.test()));
    double[][] codes = encode(encoderOf(autoencoder), test);
    int[] clusters = new KMeans(CLUSTERS, RESTARTS, KMEANS_SEED).cluster(codes);
    int[] rawClusters = new KMeans(CLUSTERS, RESTARTS, KMEANS_SEED).cluster(inputs(test));
    Result result = new Result(mse,
        ClusterAgreement.purity(clusters, digits),
        ClusterAgreement.adjustedRandIndex(clusters, digits),
        ClusterAgreement.purity(rawClusters, digits),
        ClusterAgreement.adjustedRandIndex(rawClusters, digits),
        artifacts.saveAndReload(autoencoder, new DigitsAutoencoderNet(), test));
    out.println("Held-out images by true digit (rows) and cluster of their code (columns):");
    out.println(ConfusionMatrix.ofLabels(digits, clusters, CLUSTERS));
    out.printf("k-means (k = %d) of the 8-value codes vs the true digits:   purity %.3f, "
        + "adjusted Rand index %.3f%n", CLUSTERS, result.purity(), result.adjustedRandIndex());
    out.printf("k-means (k = %d) of the 64 raw pixels, for comparison: purity %.3f, "
        + "adjusted Rand index %.3f%n", CLUSTERS, result.rawPixelPurity(),
        result.rawPixelAdjustedRandIndex());
    return result;
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

  /** Returns the images scaled to [0, 1], each its own target. */
  static Dataset selfTargeted(Dataset images) {
    double[][] pixels = new double[images.size()][];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = images.input(i).clone();
      for (int p = 0; p < pixels[i].length; p++) {
        pixels[i][p] /= MAX_PIXEL;
      }
    }
    return Dataset.of(pixels, pixels);
  }

  private static double[][] encode(TrainableModel encoder, Dataset data) {
    double[][] codes = new double[data.size()][encoder.outputSize()];
    for (int i = 0; i < codes.length; i++) {
      encoder.predict(data.input(i), codes[i]);
    }
    return codes;
  }

  private static double[][] inputs(Dataset data) {
    double[][] rows = new double[data.size()][];
    Arrays.setAll(rows, data::input);
    return rows;
  }

  private static double[][] targets(Dataset data) {
    double[][] rows = new double[data.size()][];
    Arrays.setAll(rows, data::target);
    return rows;
  }
}
