package dev.neurite.runtime.io;

import dev.neurite.runtime.Precision;

/** What a loaded model file held besides the weights, which went into the model. */
public final class ModelFileInfo {
  private final int version;
  private final String networkName;
  private final Precision precision;
  private final long seed;
  private final String shape;
  private final ModelExtras extras;

  ModelFileInfo(int version, String networkName, Precision precision, long seed, String shape,
      ModelExtras extras) {
    this.version = version;
    this.networkName = networkName;
    this.precision = precision;
    this.seed = seed;
    this.shape = shape;
    this.extras = extras;
  }

  /** Returns the format version of the file. */
  public int version() {
    return version;
  }

  /** Returns the name of the network that saved the file. */
  public String networkName() {
    return networkName;
  }

  /** Returns the precision of the network that saved the file. */
  public Precision precision() {
    return precision;
  }

  /** Returns the seed of the network that saved the file. */
  public long seed() {
    return seed;
  }

  /** Returns the network's shape as the file records it, such as {@code 4-16-3 (relu, softmax)}. */
  public String shape() {
    return shape;
  }

  /** Returns the standardizer, optimizer state and arrays saved with the weights. */
  public ModelExtras extras() {
    return extras;
  }

  @Override
  public String toString() {
    return "ModelFileInfo(version " + version + ", " + networkName + " " + shape + ", "
        + precision + ", seed " + seed + ", " + extras + ")";
  }
}
