package dev.neurite.bench.workloads;

import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.NetworkSpec;
import java.util.function.Supplier;

/** The four networks of issue 7, each with its generated class. */
public enum Workload {
  W1(W1Net.SPEC, W1Net::new, W1VecNet::new),
  W2(W2Net.SPEC, W2Net::new, W2VecNet::new),
  W3(W3Net.SPEC, W3Net::new, W3VecNet::new),
  W4(W4Net.SPEC, W4Net::new, W4VecNet::new);

  private final NetworkSpec spec;
  private final Supplier<FloatModel> generated;
  private final Supplier<FloatModel> vector;

  Workload(NetworkSpec spec, Supplier<FloatModel> generated, Supplier<FloatModel> vector) {
    this.spec = spec;
    this.generated = generated;
    this.vector = vector;
  }

  /** Returns the network as declared. */
  public NetworkSpec spec() {
    return spec;
  }

  /** Returns a new instance of the class Neurite generated for this workload. */
  public FloatModel newGenerated() {
    return generated.get();
  }

  /**
   * Returns a new instance of the class Neurite generated for this workload with
   * {@code -Aneurite.vectorApi=true}; the JVM needs {@code --add-modules jdk.incubator.vector}.
   */
  public FloatModel newVector() {
    return vector.get();
  }

  /** Returns the layer sizes, input first, e.g. {2, 4, 1}. */
  public int[] sizes() {
    int[] sizes = new int[spec.layerCount() + 1];
    sizes[0] = spec.inputSize();
    for (int l = 0; l < spec.layerCount(); l++) {
      sizes[l + 1] = spec.outputSizeOf(l);
    }
    return sizes;
  }

  /** Returns the sizes as text, e.g. "2-4-1". */
  public String shape() {
    StringBuilder s = new StringBuilder();
    for (int size : sizes()) {
      s.append(s.length() == 0 ? "" : "-").append(size);
    }
    return s.toString();
  }
}
