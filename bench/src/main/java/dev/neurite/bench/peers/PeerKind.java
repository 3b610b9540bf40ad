package dev.neurite.bench.peers;

import dev.neurite.bench.workloads.Samples;
import dev.neurite.bench.workloads.Workload;
import dev.neurite.runtime.reference.ReferenceNetwork;

/** The implementations the bench compares, by the name the benchmarks' parameter uses. */
public enum PeerKind {
  /** The class Neurite generated for the workload. */
  NEURITE("Neurite (generated)"),
  /**
   * The class Neurite generated with {@code -Aneurite.vectorApi=true} (opt-in; the JVM needs
   * {@code --add-modules jdk.incubator.vector}).
   */
  VECTOR("Neurite (Vector API, opt-in)"),
  /** The runtime's double-precision reference interpreter. */
  REFERENCE("Neurite reference interpreter"),
  /** {@link HandWrittenMlp}, the baseline. */
  HANDWRITTEN("hand-written Java MLP"),
  /** Encog 3.4. */
  ENCOG("Encog 3.4"),
  /** {@link ShapedMlp}: not a peer, but what generated code in the recommended shapes reaches. */
  SHAPED("hand-written, recommended shapes");

  /** How many samples {@link #create} compares against the reference interpreter. */
  static final int CHECKED_SAMPLES = 8;
  /** Outputs are probabilities: float against double agrees far better than this. */
  static final double TOLERANCE = 1e-3;

  private final String title;

  PeerKind(String title) {
    this.title = title;
  }

  /** Returns the peer's name in tables. */
  public String title() {
    return title;
  }

  /**
   * Returns this peer loaded with the workload's generated initial weights and seeded samples,
   * after checking that it has the workload's size and computes the reference's outputs.
   *
   * @throws IllegalStateException if the peer does not compute the same function
   */
  public Peer create(Workload workload, long seed) {
    double[] initial = workload.initialParameters();
    Samples samples = Samples.of(workload.spec(), seed);
    Peer peer = instantiate(workload, initial, samples);
    ReferenceNetwork oracle = new ReferenceNetwork(workload.spec());
    oracle.setParameters(initial);
    check(workload, peer, oracle, samples);
    return peer;
  }

  private Peer instantiate(Workload workload, double[] initial, Samples samples) {
    switch (this) {
      case NEURITE:
        return new GeneratedPeer(workload.newGenerated(), initial, samples);
      case VECTOR:
        return new GeneratedPeer(workload.newVector(), initial, samples);
      case REFERENCE:
        return new ModelPeer(new ReferenceNetwork(workload.spec()), initial, samples);
      case HANDWRITTEN:
        return new HandWrittenPeer(workload, initial, samples);
      case SHAPED:
        return new ShapedPeer(workload, initial, samples);
      default:
        return new EncogPeer(workload, initial, samples);
    }
  }

  void check(Workload workload, Peer peer, ReferenceNetwork oracle, Samples samples) {
    if (peer.parameterCount() != oracle.parameterCount()) {
      throw new IllegalStateException(title + " has " + peer.parameterCount()
          + " parameters for " + workload + ", expected " + oracle.parameterCount());
    }
    double[] expected = new double[oracle.outputSize()];
    for (int k = 0; k < CHECKED_SAMPLES; k++) {
      oracle.predict(samples.inputs()[k], expected);
      double[] actual = peer.outputOf(k);
      for (int o = 0; o < expected.length; o++) {
        if (actual.length != expected.length
            || !(Math.abs(actual[o] - expected[o]) <= TOLERANCE)) {
          throw new IllegalStateException(title + " computes a different function for "
              + workload + ": sample " + k + " output " + o + " is " + actual[o]
              + ", the reference says " + expected[o]);
        }
      }
    }
  }
}
