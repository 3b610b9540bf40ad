package dev.neurite.bench.peers;

import dev.neurite.bench.workloads.Samples;
import dev.neurite.bench.workloads.Weights;
import dev.neurite.bench.workloads.Workload;
import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.TrainableModel;

/**
 * The implementations the benchmarks compare in Java, by the name the benchmarks' parameter
 * uses (PyTorch runs in its own process: {@code TorchPeers}).
 */
public enum PeerKind {
  /** The class Neurite generated for the workload. */
  NEURITE("Neurite (generated)"),
  /**
   * The class Neurite generated with {@code -Aneurite.vectorApi=true} (opt-in; the JVM needs
   * {@code --add-modules jdk.incubator.vector}).
   */
  VECTOR("Neurite (Vector API, opt-in)"),
  /**
   * The frozen class of the workload ({@code freeze}, weights inside, nothing of Neurite linked):
   * {@link FrozenPeer}, inference only.
   */
  FROZEN("Neurite (frozen class)"),
  /** The runtime's double-precision reference interpreter. */
  REFERENCE("Neurite reference interpreter"),
  /** {@link HandWrittenMlp}, the baseline. */
  HANDWRITTEN("hand-written Java MLP"),
  /** Encog 3.4. */
  ENCOG("Encog 3.4"),
  /** {@link ShapedMlp}: the hand-written MLP in the recommended shapes, the honest Java baseline. */
  SHAPED("hand-written, recommended shapes"),
  /** {@link OnnxRuntimePeer}: ONNX Runtime's Java API, inference only. */
  ONNX_RUNTIME("ONNX Runtime " + OnnxRuntimePeer.VERSION);

  /** How many samples {@link #create} compares against the generated class. */
  public static final int CHECKED_SAMPLES = 8;
  /**
   * How far a peer's outputs (probabilities) may be from the generated class's: float32 sums in
   * another order (or in double) differ by about 1e-7 here, a wrong weight by far more.
   */
  public static final double TOLERANCE = 1e-5;

  private final String title;

  PeerKind(String title) {
    this.title = title;
  }

  /** Returns the peer's name in tables. */
  public String title() {
    return title;
  }

  /**
   * Returns this peer loaded with the bench's {@link Weights} and the samples drawn from
   * {@code seed}, after checking that it has the workload's size and computes the generated
   * class's outputs within {@link #TOLERANCE}.
   *
   * @throws IllegalStateException if the peer does not compute the same function
   */
  public Peer create(Workload workload, long seed) {
    double[] initial = Weights.of(workload.spec());
    Samples samples = Samples.of(workload.spec(), seed);
    Peer peer = instantiate(workload, initial, samples);
    check(workload, peer, oracle(workload), samples);
    return peer;
  }

  /** Returns the generated class loaded with the bench's weights: what every peer must compute. */
  public static FloatModel oracle(Workload workload) {
    FloatModel oracle = workload.newGenerated();
    ((TrainableModel) oracle).setParameters(Weights.of(workload.spec())); // both contracts
    return oracle;
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
      case ONNX_RUNTIME:
        return new OnnxRuntimePeer(workload, samples);
      case FROZEN:
        return new FrozenPeer(workload, samples);
      default:
        return new EncogPeer(workload, initial, samples);
    }
  }

  void check(Workload workload, Peer peer, FloatModel oracle, Samples samples) {
    if (peer.trains() && peer.parameterCount() != oracle.parameterCount()) {
      throw new IllegalStateException(title + " has " + peer.parameterCount()
          + " parameters for " + workload + ", expected " + oracle.parameterCount());
    }
    float[][] inputs = Samples.toFloat(samples.inputs());
    float[] output = new float[oracle.outputSize()];
    for (int k = 0; k < CHECKED_SAMPLES; k++) {
      oracle.predict(inputs[k], output);
      double[] expected = Samples.toDouble(output);
      double[] actual = peer.outputOf(k);
      for (int o = 0; o < expected.length; o++) {
        if (actual.length != expected.length
            || !(Math.abs(actual[o] - expected[o]) <= TOLERANCE)) {
          throw new IllegalStateException(title + " computes a different function for "
              + workload + ": sample " + k + " output " + o + " is " + actual[o]
              + ", the generated class says " + expected[o]);
        }
      }
    }
  }
}
