package dev.neurite.samples.prototypes;

import dev.neurite.runtime.Model;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.data.Split;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.runtime.train.Trainer;
import dev.neurite.runtime.train.TrainingHistory;
import dev.neurite.samples.support.Artifacts;
import dev.neurite.samples.support.KMeans;
import dev.neurite.samples.support.Outputs;
import dev.neurite.samples.support.SampleData;
import dev.neurite.samples.support.Spread;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Unsupervised learning with a cost of one's own: a network learns to redraw each handwritten
 * digit as a mix of 16 prototype images, and a sparsity penalty in the cost makes it use fewer
 * of them per image.
 *
 * <p>The prototypes are the k-means centroids (k = 16) of the training images: fixed, found
 * without labels. {@link DigitsMixture} maps an image to 16 mixing weights; {@link MixtureCost}
 * (a {@link dev.neurite.runtime.CostFunction}, through {@code Trainer.fit(model, data, cost)})
 * scores the mix against the image and adds the weights' entropy times a penalty weight. The
 * same network is trained twice on each split, without the penalty and with it, and measured on
 * held-out images: how many prototypes a mix effectively uses (e to the entropy of its weights)
 * and how well it redraws the image, against the nearest single prototype (what k-means alone
 * gives). Five split seeds, since one split of 359 held-out images says little.
 */
public final class PrototypeMixtureSample {
  /** The number of prototype images, and of the network's outputs. */
  static final int PROTOTYPES = 16;
  /** The weight of the entropy in the penalized cost. */
  static final double ENTROPY_WEIGHT = 0.3;
  static final int EPOCHS = 30;
  static final long[] SPLIT_SEEDS = {1, 2, 3, 4, 5};
  static final long KMEANS_SEED = 42;
  static final int RESTARTS = 3;

  private PrototypeMixtureSample() {}

  /** How the mixes of one trained network do on held-out images, on average per image. */
  record Mixes(double pixelError, double effectivePrototypes) {}

  /** One split: the network trained without and with the penalty, and the nearest prototype. */
  record SplitResult(long splitSeed, Mixes plain, Mixes penalized, double nearestPrototypeError) {}

  /** Every split, and whether the saved model of the first reloads to the same predictions. */
  record Result(List<SplitResult> splits, boolean reloadedPredictsTheSame) {
    Spread plainPrototypes() {
      return Spread.of(splits, s -> s.plain().effectivePrototypes());
    }

    Spread penalizedPrototypes() {
      return Spread.of(splits, s -> s.penalized().effectivePrototypes());
    }

    Spread plainError() {
      return Spread.of(splits, s -> s.plain().pixelError());
    }

    Spread penalizedError() {
      return Spread.of(splits, s -> s.penalized().pixelError());
    }

    Spread nearestPrototypeError() {
      return Spread.of(splits, SplitResult::nearestPrototypeError);
    }
  }

  /** Runs the sample; the optional argument is the directory for its output files. */
  public static void main(String[] args) throws IOException {
    run(Outputs.directory(args), System.out);
  }

  /** Runs every split, writing the first split's histories, chart and model into {@code dir}. */
  static Result run(Path dir, PrintStream out) throws IOException {
    out.println("Digits as mixes of " + PROTOTYPES + " prototypes; labels are not used");
    out.println(DigitsMixtureNet.SPEC.summary());
    Artifacts artifacts = new Artifacts(dir, "prototypes", out);
    List<SplitResult> splits = new ArrayList<>();
    boolean same = true;
    Dataset digits = SampleData.digits().data();
    for (long seed : SPLIT_SEEDS) {
      Split split = digits.split(0.8, seed);
      Dataset train = SampleData.unlabelledPixels(split.train());
      Dataset test = SampleData.unlabelledPixels(split.test());
      double[][] prototypes = prototypes(SampleData.inputs(train));
      DigitsMixtureNet plain = new DigitsMixtureNet();
      DigitsMixtureNet penalized = new DigitsMixtureNet();
      TrainingHistory plainHistory = train(plain, train, new MixtureCost(prototypes, 0));
      TrainingHistory penalizedHistory =
          train(penalized, train, new MixtureCost(prototypes, ENTROPY_WEIGHT));
      SplitResult result = new SplitResult(seed, measure(plain, test, prototypes),
          measure(penalized, test, prototypes), nearestPrototypeError(test, prototypes));
      splits.add(result);
      print(out, result);
      if (splits.size() == 1) {
        artifacts.writeHistories(new String[] {"plain", "penalized"}, plainHistory,
            penalizedHistory);
        same = artifacts.saveAndReload(penalized, new DigitsMixtureNet(), test);
      }
    }
    Result result = new Result(splits, same);
    out.println("Over split seeds 1-" + SPLIT_SEEDS.length + ", per held-out image:");
    out.println("  prototypes used, without the penalty: " + result.plainPrototypes());
    out.println("  prototypes used, with the penalty:    " + result.penalizedPrototypes());
    out.println("  pixel error, without the penalty:     " + result.plainError());
    out.println("  pixel error, with the penalty:        " + result.penalizedError());
    out.println("  pixel error, nearest prototype alone: " + result.nearestPrototypeError());
    return result;
  }

  /** Returns the k-means centroids of the training images: the fixed prototypes. */
  private static double[][] prototypes(double[][] images) {
    int[] clusters = new KMeans(PROTOTYPES, RESTARTS, KMEANS_SEED).cluster(images);
    return KMeans.centroids(images, clusters, PROTOTYPES);
  }

  private static TrainingHistory train(TrainableModel net, Dataset images, MixtureCost cost) {
    return Trainer.builder().epochs(EPOCHS).build().fit(net, images, cost);
  }

  /** Measures the mixes {@code net} gives the held-out images. */
  private static Mixes measure(Model net, Dataset images, double[][] prototypes) {
    MixtureCost cost = new MixtureCost(prototypes, 0);
    double[] weights = new double[PROTOTYPES];
    double error = 0;
    double used = 0;
    for (int i = 0; i < images.size(); i++) {
      net.predict(images.input(i), weights);
      error += cost.pixelError(weights, images.input(i));
      used += MixtureCost.effectivePrototypes(weights);
    }
    return new Mixes(error / images.size(), used / images.size());
  }

  /** The mean squared error per pixel of each image's nearest prototype. */
  private static double nearestPrototypeError(Dataset images, double[][] prototypes) {
    double total = 0;
    for (int i = 0; i < images.size(); i++) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] prototype : prototypes) {
        best = Math.min(best, KMeans.squaredDistance(images.input(i), prototype));
      }
      total += best / prototypes[0].length;
    }
    return total / images.size();
  }

  private static void print(PrintStream out, SplitResult r) {
    out.printf(Locale.ROOT, "split seed %d: prototypes used %.2f -> %.2f with the "
        + "penalty; pixel error %.4f -> %.4f (nearest prototype %.4f)%n", r.splitSeed(),
        r.plain().effectivePrototypes(), r.penalized().effectivePrototypes(),
        r.plain().pixelError(), r.penalized().pixelError(), r.nearestPrototypeError());
  }
}
