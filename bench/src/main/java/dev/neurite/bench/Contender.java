package dev.neurite.bench;

import dev.neurite.bench.peers.PeerKind;
import java.util.Locale;

/**
 * A column of the report: Neurite's generated classes, and everything they are compared with.
 * The Java ones are {@link PeerKind}s measured by JMH; PyTorch runs in its own process
 * ({@link TorchPeers}).
 */
enum Contender {
  NEURITE(PeerKind.NEURITE, false),
  VECTOR(PeerKind.VECTOR, false),
  FROZEN(PeerKind.FROZEN, false),
  ONNX_RUNTIME(PeerKind.ONNX_RUNTIME, true),
  PYTORCH_EAGER("PyTorch (eager)", "eager"),
  PYTORCH_JIT("PyTorch (TorchScript)", "jit"),
  SHAPED(PeerKind.SHAPED, true),
  HANDWRITTEN(PeerKind.HANDWRITTEN, true),
  ENCOG(PeerKind.ENCOG, true),
  REFERENCE(PeerKind.REFERENCE, false);

  private final String title;
  private final String id;
  private final boolean peer;

  Contender(PeerKind kind, boolean peer) {
    this.title = kind.title();
    this.id = kind.name().toLowerCase(Locale.ROOT);
    this.peer = peer;
  }

  Contender(String title, String torchMode) {
    this.title = title;
    this.id = "pytorch_" + torchMode;
    this.peer = true;
  }

  /** Returns the column's title. */
  String title() {
    return title;
  }

  /** Returns the JMH {@code peer} parameter or the PyTorch script's name of this contender. */
  String id() {
    return id;
  }

  /**
   * Returns whether this is a peer: something a user could pick instead of Neurite, which the
   * strongest-peer ratios consider (not Neurite's own classes or its reference interpreter).
   */
  boolean isPeer() {
    return peer;
  }

  /** Returns the contender with {@link #id} {@code id}, or null. */
  static Contender byId(String id) {
    for (Contender c : values()) {
      if (c.id.equals(id)) {
        return c;
      }
    }
    return null;
  }
}
