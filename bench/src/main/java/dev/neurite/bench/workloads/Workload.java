package dev.neurite.bench.workloads;

import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.NetworkSpec;
import java.util.function.Supplier;

/** The four networks of the peer comparison, each with its generated class. */
public enum Workload {
  W1(W1Net.SPEC, W1Net::new),
  W2(W2Net.SPEC, W2Net::new),
  W3(W3Net.SPEC, W3Net::new),
  W4(W4Net.SPEC, W4Net::new);

  private final NetworkSpec spec;
  private final Supplier<FloatModel> generated;

  Workload(NetworkSpec spec, Supplier<FloatModel> generated) {
    this.spec = spec;
    this.generated = generated;
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
   * {@code -Aneurite.vectorApi=true} ({@code W1VecNet}, ...). Loaded by name, never linked from
   * here: a JVM without {@code --add-modules jdk.incubator.vector} (the report's own, which only
   * starts the forks) cannot even load those classes, and must still be able to use this enum.
   *
   * @throws IllegalStateException if this JVM lacks the incubating module
   */
  public FloatModel newVector() {
    String name = Workload.class.getPackage().getName() + "." + name() + "VecNet";
    try {
      return (FloatModel) Class.forName(name).getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException(name + " needs a JVM started with --add-modules "
          + "jdk.incubator.vector: " + e, e);
    }
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
    return shape(spec);
  }

  /** Returns {@code spec}'s layer sizes as text, input first, e.g. "2-4-1". */
  public static String shape(NetworkSpec spec) {
    StringBuilder s = new StringBuilder().append(spec.inputSize());
    for (int l = 0; l < spec.layerCount(); l++) {
      s.append('-').append(spec.outputSizeOf(l));
    }
    return s.toString();
  }
}
