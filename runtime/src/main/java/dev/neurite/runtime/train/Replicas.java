package dev.neurite.runtime.train;

/** Makes the models of a data-parallel run: the caller's, then one replica per other thread. */
final class Replicas {
  private Replicas() {}

  /**
   * Returns {@code model} followed by {@code threads - 1} replicas it made, each checked to be a
   * new instance of the same class and spec.
   *
   * @throws IllegalArgumentException if the model cannot make replicas, or makes a wrong one
   */
  static TrainableModel[] of(TrainableModel model, int threads) {
    TrainableModel[] replicas = new TrainableModel[threads];
    replicas[0] = model;
    for (int t = 1; t < threads; t++) {
      replicas[t] = replica(model, threads);
    }
    return replicas;
  }

  private static TrainableModel replica(TrainableModel model, int threads) {
    TrainableModel replica;
    try {
      replica = model.newReplica();
    } catch (UnsupportedOperationException e) {
      throw new IllegalArgumentException("training on " + threads + " threads needs one "
          + "instance of the network per thread, but " + model.getClass().getName()
          + " cannot make one: implement TrainableModel.newReplica() (generated classes and "
          + "ReferenceNetwork do), or train with threads(1)", e);
    }
    if (replica == null || replica == model || replica.getClass() != model.getClass()
        || !replica.spec().equals(model.spec())
        || replica.parameterCount() != model.parameterCount()) {
      throw new IllegalArgumentException(model.getClass().getName() + ".newReplica() must "
          + "return a new instance of its own class with the same spec, but returned "
          + (replica == model ? "the model itself" : String.valueOf(replica)));
    }
    return replica;
  }
}
