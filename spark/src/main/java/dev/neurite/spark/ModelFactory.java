package dev.neurite.spark;

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
}
