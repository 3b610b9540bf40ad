package dev.neurite.samples.prototypes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.samples.support.Quiet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrototypeMixtureSampleTest {
  /**
   * What the penalty changes, averaged over the five splits (measured: 2.20 prototypes per image
   * without it, 1.55 with it; pixel error 0.032 and 0.034): each image is drawn from fewer
   * prototypes, at some cost in pixel error. Without the penalty the mix redraws the images better
   * than their nearest prototype alone (0.036), so the network learned more than k-means' answer.
   */
  @Test
  void thePenaltyDrawsEachImageFromFewerPrototypes(@TempDir Path dir) throws Exception {
    PrototypeMixtureSample.Result result = PrototypeMixtureSample.run(dir, Quiet.stream());

    double plainUsed = result.plainPrototypes().mean();
    double penalizedUsed = result.penalizedPrototypes().mean();
    assertTrue(penalizedUsed < 0.8 * plainUsed, penalizedUsed + " vs " + plainUsed);
    assertTrue(result.penalizedError().mean() > result.plainError().mean(),
        result.penalizedError() + " vs " + result.plainError());
    assertTrue(result.plainError().mean() < result.nearestPrototypeError().mean());
    assertTrue(result.reloadedPredictsTheSame());
    assertTrue(Files.size(dir.resolve("prototypes-loss.png")) > 0);
  }

  /** The weights' gradient is the derivative of the cost, checked by central differences. */
  @Test
  void theCostsGradientMatchesFiniteDifferences() {
    SplittableRandom random = new SplittableRandom(3);
    double[][] prototypes = new double[4][6];
    for (double[] prototype : prototypes) {
      for (int p = 0; p < prototype.length; p++) {
        prototype[p] = random.nextDouble();
      }
    }
    double[] image = random.doubles(6).toArray();
    double[] weights = {0.1, 0.2, 0.3, 0.4};
    MixtureCost cost = new MixtureCost(prototypes, 0.3);
    double[] gradient = new double[4];
    cost.evaluate(weights, image, gradient);
    double h = 1e-6;
    for (int k = 0; k < weights.length; k++) {
      double[] up = weights.clone();
      double[] down = weights.clone();
      up[k] += h;
      down[k] -= h;
      double[] ignored = new double[4];
      double numeric = (cost.evaluate(up, image, ignored) - cost.evaluate(down, image, ignored))
          / (2 * h);
      assertEquals(numeric, gradient[k], 1e-6 * Math.max(1, Math.abs(numeric)), "weight " + k);
    }
  }

  @Test
  void aMixOfOnePrototypeUsesOneAndAnEvenMixUsesAll() {
    assertEquals(1, MixtureCost.effectivePrototypes(new double[] {0, 1, 0, 0}), 1e-12);
    assertEquals(4, MixtureCost.effectivePrototypes(new double[] {0.25, 0.25, 0.25, 0.25}),
        1e-12);
  }
}
