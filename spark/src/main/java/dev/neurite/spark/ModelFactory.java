package dev.neurite.spark;

import dev.neurite.runtime.train.TrainableModel;
import java.io.Serializable;

/**
 * Makes a fresh instance of a network on an executor: Spark ships the factory, not the instance,
 * so write it as a constructor reference ({@code DigitsNet::new}), which is serializable because
 * this interface is. Each partition gets its own instance; instances are never shared by tasks.
 *
 * @param <M> the type of the instances it makes
 */
@FunctionalInterface
public interface ModelFactory<M> extends Serializable {
  /** Returns a new instance. */
  M create();

  /**
   * Returns a factory of instances that hold {@code model}'s parameters as they are now (copied
   * here, and shipped with the factory): how executors score with a network trained on the
   * driver, {@code ModelFactory.withParametersOf(DigitsNet::new, net)}.
   */
  static <M extends TrainableModel> ModelFactory<M> withParametersOf(
      ModelFactory<M> factory, TrainableModel model) {
    Scorer.requireNonNull("factory", factory);
    double[] parameters = new double[Scorer.requireNonNull("model", model).parameterCount()];
    model.getParameters(parameters);
    return () -> {
      M instance = factory.create();
      instance.setParameters(parameters);
      return instance;
    };
  }
}
