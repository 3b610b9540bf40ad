package dev.neurite.samples.prototypes;

import dev.neurite.runtime.CostFunction;
import java.util.Arrays;

/**
 * The cost of redrawing an image as a mix of fixed prototype images: the squared error of the
 * mix, summed over the pixels, plus {@code entropyWeight} times the entropy of the mixing
 * weights. The network's own losses cannot express it: the target is the image (64 values)
 * while the output is the weights (one per prototype).
 *
 * <p>The entropy is 0 when one prototype takes all the weight and {@code ln(prototypes)} when all
 * share it equally, so its weight is a sparsity penalty: the larger, the fewer prototypes each
 * image is drawn from.
 */
final class MixtureCost implements CostFunction {
  /** Weights below this count as this in the entropy's logarithm, which is -infinity at 0. */
  private static final double TINY = 1e-12;

  private final double[][] prototypes;
  private final double entropyWeight;
  private final double[] error;

  /** Creates the cost for {@code prototypes} (one image each) and a penalty weight. */
  MixtureCost(double[][] prototypes, double entropyWeight) {
    if (!(entropyWeight >= 0)) {
      throw new IllegalArgumentException(
          "the entropy weight must be non-negative, but was " + entropyWeight);
    }
    this.prototypes = prototypes;
    this.entropyWeight = entropyWeight;
    this.error = new double[prototypes[0].length];
  }

  @Override
  public double evaluate(double[] weights, double[] image, double[] weightGradient) {
    double squares = mixError(weights, image);
    double entropy = 0;
    for (int k = 0; k < prototypes.length; k++) {
      double w = Math.max(weights[k], TINY);
      entropy -= w * Math.log(w);
      weightGradient[k] = 2 * dot(error, prototypes[k]) - entropyWeight * (Math.log(w) + 1);
    }
    return squares + entropyWeight * entropy;
  }

  /** Writes the mix less the image into {@code error} and returns its sum of squares. */
  private double mixError(double[] weights, double[] image) {
    Arrays.fill(error, 0);
    for (int k = 0; k < prototypes.length; k++) {
      for (int p = 0; p < error.length; p++) {
        error[p] += weights[k] * prototypes[k][p];
      }
    }
    double squares = 0;
    for (int p = 0; p < error.length; p++) {
      error[p] -= image[p];
      squares += error[p] * error[p];
    }
    return squares;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** Returns the mean squared error per pixel of the mix {@code weights} against the image. */
  double pixelError(double[] weights, double[] image) {
    return mixError(weights, image) / image.length;
  }

  /** Returns the effective number of prototypes of a mix: e to the entropy of its weights. */
  static double effectivePrototypes(double[] weights) {
    double entropy = 0;
    for (double w : weights) {
      if (w > 0) {
        entropy -= w * Math.log(w);
      }
    }
    return Math.exp(entropy);
  }
}
