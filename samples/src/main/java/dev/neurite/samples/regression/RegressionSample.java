package dev.neurite.samples.regression;

import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.metrics.RegressionMetrics;
import dev.neurite.runtime.optim.Adam;
import dev.neurite.runtime.optim.LearningRateSchedule;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.runtime.train.Trainer;
import dev.neurite.samples.support.Artifacts;
import dev.neurite.samples.support.Outputs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Fits two smooth functions from generated samples, {@code sin(x)} on {@code [-pi, pi]} and
 * {@code sin(x) cos(y)} on {@code [-2, 2]^2}, and measures the mean squared error on fresh
 * points drawn with another seed.
 */
public final class RegressionSample {
  static final int TRAIN_POINTS = 1000;
  static final int TEST_POINTS = 500;
  static final int EPOCHS = 100;

  private RegressionSample() {}

  /** What one fit measured on the held-out points. */
  record Result(String name, RegressionMetrics test, boolean reloadedPredictsTheSame) {}

  /** Runs the sample; the optional argument is the directory for its output files. */
  public static void main(String[] args) throws IOException {
    run(Outputs.directory(args), System.out);
  }

  /** Fits both functions, writing the files of each into {@code dir}. */
  static Result[] run(Path dir, PrintStream out) throws IOException {
    // Test points come from another seed than training points: fresh places on the curve.
    Dataset sineTrain = Functions.sample(Functions::sine, 1, -Math.PI, Math.PI, TRAIN_POINTS, 1);
    Dataset sineTest = Functions.sample(Functions::sine, 1, -Math.PI, Math.PI, TEST_POINTS, 2);
    Result sine = fit("sine", SineNet::new, sineTrain, sineTest, dir, out);
    Dataset surfaceTrain = Functions.sample(Functions::surface, 2, -2, 2, TRAIN_POINTS, 3);
    Dataset surfaceTest = Functions.sample(Functions::surface, 2, -2, 2, TEST_POINTS, 4);
    Result surface = fit("surface", SurfaceNet::new, surfaceTrain, surfaceTest, dir, out);
    return new Result[] {sine, surface};
  }

  private static Result fit(String name, Supplier<TrainableModel> factory, Dataset train,
      Dataset test, Path dir, PrintStream out) throws IOException {
    TrainableModel net = factory.get();
    out.println(net.spec().summary());
    Artifacts artifacts = new Artifacts(dir, name, out);
    // Cosine annealing: large steps find the shape, small ones at the end polish it to a low
    // error instead of letting Adam keep jittering around the minimum.
    Trainer trainer = Trainer.builder()
        .optimizer(new Adam(0.01))
        .learningRateSchedule(LearningRateSchedule.cosine(EPOCHS, 0))
        .epochs(EPOCHS)
        .listener(artifacts.progress(EPOCHS))
        .build();
    artifacts.writeHistory(trainer.fit(net, train));
    RegressionMetrics metrics = RegressionMetrics.of(net, test);
    out.printf("%s on %d held-out points: test MSE %.2e (%s)%n", name, test.size(),
        metrics.meanSquaredError(), metrics);
    boolean same = artifacts.saveAndReload(net, factory.get(), test);
    return new Result(name, metrics, same);
  }
}
