package dev.neurite.bench.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.bench.workloads.Samples;
import dev.neurite.bench.workloads.Weights;
import dev.neurite.bench.workloads.Workload;
import dev.neurite.runtime.reference.ReferenceNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The benchmarks compare like with like: every peer computes the same function and trains. */
class PeerKindTest {
  private static final long SEED = 11;

  /** {@code create} refuses a peer that does not compute the generated class's outputs. */
  @ParameterizedTest
  @EnumSource(PeerKind.class)
  void everyPeerMatchesTheGeneratedClassOnEveryWorkload(PeerKind kind) {
    for (Workload w : Workload.values()) {
      Peer peer = kind.create(w, SEED);
      if (peer.trains()) {
        assertEquals(w.spec().parameterCount(), peer.parameterCount(), kind + " on " + w);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Workload.class, names = {"W1", "W2", "W3"})
  void handWrittenTrainingStepIsTheReferenceSgdStep(Workload w) {
    double[] initial = Weights.of(w.spec());
    Samples samples = Samples.of(w.spec(), SEED);
    Peer reference = new ModelPeer(new ReferenceNetwork(w.spec()), initial, samples);
    Peer hand = new HandWrittenPeer(w, initial, samples);
    double[] before = reference.outputOf(0);
    reference.trainStep();
    hand.trainStep();
    double[] after = reference.outputOf(0);
    assertArrayEquals(after, hand.outputOf(0), 1e-5, w.toString());
    double moved = 0;
    for (int o = 0; o < after.length; o++) {
      moved = Math.max(moved, Math.abs(after[o] - before[o]));
    }
    assertTrue(moved > 1e-4, "the step must move the outputs by more than the tolerance");
  }

  @ParameterizedTest
  @EnumSource(value = Workload.class, names = {"W1", "W2", "W3"})
  void shapedTrainingStepIsTheReferenceSgdStep(Workload w) {
    double[] initial = Weights.of(w.spec());
    Samples samples = Samples.of(w.spec(), SEED);
    Peer reference = new ModelPeer(new ReferenceNetwork(w.spec()), initial, samples);
    Peer shaped = new ShapedPeer(w, initial, samples);
    reference.trainStep();
    shaped.trainStep();
    reference.trainStep();
    shaped.trainStep();
    assertArrayEquals(reference.outputOf(5), shaped.outputOf(5), 1e-5, w.toString());
  }

  /** The batch row measures the generated batch call, which gives each sample's outputs. */
  @ParameterizedTest
  @EnumSource(Workload.class)
  void generatedBatchCallGivesTheSingleSampleOutputs(Workload w) {
    double[] initial = Weights.of(w.spec());
    Samples samples = Samples.of(w.spec(), SEED);
    GeneratedPeer plain = new GeneratedPeer(w.newGenerated(), initial, samples);
    GeneratedPeer vector = new GeneratedPeer(w.newVector(), initial, samples);
    for (int k : new int[] {0, 1, 4, 254, Samples.COUNT - 1}) {
      assertArrayEquals(plain.outputOf(k), plain.batchOutputOf(k), 0, w + " sample " + k);
      assertArrayEquals(plain.outputOf(k), vector.batchOutputOf(k), 0, w + " vector " + k);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Workload.class, names = {"W1", "W2", "W3"})
  void generatedTrainingStepIsTheReferenceSgdStep(Workload w) {
    double[] initial = Weights.of(w.spec());
    Samples samples = Samples.of(w.spec(), SEED);
    Peer reference = new ModelPeer(new ReferenceNetwork(w.spec()), initial, samples);
    Peer generated = new GeneratedPeer(w.newGenerated(), initial, samples);
    reference.trainStep();
    generated.trainStep();
    assertArrayEquals(reference.outputOf(3), generated.outputOf(3), 1e-5, w.toString());
  }

  @ParameterizedTest
  @EnumSource(value = Workload.class, names = {"W3", "W4"})
  void vectorTrainingStepIsTheReferenceSgdStep(Workload w) {
    double[] initial = Weights.of(w.spec());
    Samples samples = Samples.of(w.spec(), SEED);
    Peer reference = new ModelPeer(new ReferenceNetwork(w.spec()), initial, samples);
    Peer vector = new GeneratedPeer(w.newVector(), initial, samples);
    reference.trainStep();
    vector.trainStep();
    assertArrayEquals(reference.outputOf(3), vector.outputOf(3), 1e-5, w.toString());
  }

  @org.junit.jupiter.api.Test
  void aPeerWithOtherWeightsIsRefused() {
    Workload w = Workload.W2;
    double[] other = new double[w.spec().parameterCount()];
    java.util.Arrays.fill(other, 0.1);
    HandWrittenPeer wrong = new HandWrittenPeer(w, other, Samples.of(w.spec(), SEED));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PeerKind.HANDWRITTEN.check(w, wrong, PeerKind.oracle(w), Samples.of(w.spec(), SEED)));
    assertTrue(e.getMessage().contains("different function"), e.getMessage());
  }
}
