package dev.neurite.bench.peers;

import dev.neurite.bench.workloads.Samples;

/**
 * One implementation under measurement, loaded with a workload's samples and weights: the
 * benchmarks call only these methods, so every peer does the same work per call.
 */
public abstract class Peer {
  /** The learning rate of every training step. */
  public static final double LEARNING_RATE = 0.01;

  /** Runs inference on prepared sample {@code k}, into the peer's own output buffer. */
  public abstract void predict(int k);

  /**
   * Runs inference on all {@code Samples.COUNT} prepared samples and returns what holds the
   * outputs (for the Blackhole). By default one {@link #predict} after the other; a peer
   * with a batched call (ONNX Runtime, the generated classes) overrides this.
   */
  public Object predictBatch() {
    for (int k = 0; k < Samples.COUNT; k++) {
      predict(k);
    }
    return output();
  }

  /** Returns the output buffer of the last {@link #predict} (for the Blackhole). */
  public abstract Object output();

  /** Runs inference on sample {@code k} and returns a double copy of the outputs. */
  public abstract double[] outputOf(int k);

  /** Returns whether the peer trains ({@link #trainStep} and {@link #parameterCount} work). */
  public boolean trains() {
    return true;
  }

  /**
   * One training step: forward and back propagate each sample of the minibatch (the first
   * {@code Samples.BATCH} samples), then one plain SGD update.
   */
  public abstract void trainStep();

  /** Returns the number of trainable parameters, to check that peers match in size. */
  public abstract int parameterCount();
}
