package dev.neurite.bench.workloads;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.NetworkSpec;
import java.util.SplittableRandom;

/**
 * Seeded inputs and targets for a workload: inputs uniform in [-1, 1], targets one-hot (or 0/1
 * for a single sigmoid output). The same seed gives the same samples to every peer.
 */
public final class Samples {
  /** Samples per batch-inference call. */
  public static final int COUNT = 256;
  /** Samples per training step (the minibatch). */
  public static final int BATCH = 32;

  private final double[][] inputs;
  private final double[][] targets;

  private Samples(double[][] inputs, double[][] targets) {
    this.inputs = inputs;
    this.targets = targets;
  }

  /** Returns {@link #COUNT} samples shaped for {@code spec}, drawn from {@code seed}. */
  public static Samples of(NetworkSpec spec, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] inputs = new double[COUNT][spec.inputSize()];
    double[][] targets = new double[COUNT][spec.outputSize()];
    boolean single = spec.outputSize() == 1
        && spec.layer(spec.layerCount() - 1).activation() == Activation.SIGMOID;
    for (int k = 0; k < COUNT; k++) {
      for (int i = 0; i < inputs[k].length; i++) {
        inputs[k][i] = random.nextDouble(-1, 1);
      }
      if (single) {
        targets[k][0] = random.nextInt(2);
      } else {
        targets[k][random.nextInt(spec.outputSize())] = 1;
      }
    }
    return new Samples(inputs, targets);
  }

  /** Returns the inputs, one row per sample (shared: do not modify). */
  public double[][] inputs() {
    return inputs;
  }

  /** Returns the targets, one row per sample (shared: do not modify). */
  public double[][] targets() {
    return targets;
  }

  /** Returns {@code values} widened to double, for comparing float peers with the reference. */
  public static double[] toDouble(float[] values) {
    double[] copy = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      copy[i] = values[i];
    }
    return copy;
  }

  /** Returns {@code rows} narrowed to float, row by row. */
  public static float[][] toFloat(double[][] rows) {
    float[][] copy = new float[rows.length][];
    for (int k = 0; k < rows.length; k++) {
      copy[k] = new float[rows[k].length];
      for (int i = 0; i < rows[k].length; i++) {
        copy[k][i] = (float) rows[k][i];
      }
    }
    return copy;
  }
}
