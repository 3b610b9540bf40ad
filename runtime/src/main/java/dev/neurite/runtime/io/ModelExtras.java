package dev.neurite.runtime.io;

import dev.neurite.runtime.data.Standardizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model file may hold besides the weights: the {@link Standardizer} the inputs need, the
 * one that maps regression targets to the network's outputs, the names of the classes, the
 * optimizer's state (to resume training on the same trajectory), and any named arrays of
 * doubles. Immutable; arrays are copied in and out.
 *
 * <pre>{@code
 * ModelExtras extras = ModelExtras.builder()
 *     .standardizer(standardizer)
 *     .optimizerState(optimizer.state())
 *     .build();
 * }</pre>
 */
public final class ModelExtras {
  /** The longest name of an array, in UTF-8 bytes. */
  public static final int MAX_NAME_BYTES = 1024;

  private static final ModelExtras NONE = new Builder().build();

  private final Standardizer standardizer;
  private final Standardizer targetStandardizer;
  private final List<String> classNames;
  private final double[][] optimizerState;
  private final Map<String, double[]> arrays;

  private ModelExtras(Builder b) {
    this.standardizer = b.standardizer;
    this.targetStandardizer = b.targetStandardizer;
    this.classNames = Collections.unmodifiableList(new ArrayList<>(b.classNames));
    this.optimizerState = b.optimizerState;
    // The builder never changes the arrays it holds, so sharing them stays immutable.
    this.arrays = new LinkedHashMap<>(b.arrays);
  }

  /** Returns the extras of a file that holds weights only. */
  public static ModelExtras none() {
    return NONE;
  }

  /** Returns a builder of extras, empty at first. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the standardizer of the inputs, or null if none was saved. */
  public Standardizer standardizer() {
    return standardizer;
  }

  /**
   * Returns the standardizer of the regression targets (the network predicts standardized
   * targets), or null if none was saved.
   */
  public Standardizer targetStandardizer() {
    return targetStandardizer;
  }

  /** Returns the names of the classes, in the order of the network's outputs; may be empty. */
  public List<String> classNames() {
    return classNames;
  }

  /** Returns a copy of the optimizer's state as it was saved, or null if none was saved. */
  public double[][] optimizerState() {
    return optimizerState == null ? null : deepCopy(optimizerState);
  }

  /** Returns the names of the saved arrays, in the order they were added. */
  public List<String> arrayNames() {
    return Collections.unmodifiableList(new ArrayList<>(arrays.keySet()));
  }

  /** Returns a copy of the array saved under {@code name}, or null if there is none. */
  public double[] array(String name) {
    double[] values = arrays.get(name);
    return values == null ? null : values.clone();
  }

  static double[][] deepCopy(double[][] arrays) {
    double[][] copy = new double[arrays.length][];
    for (int i = 0; i < arrays.length; i++) {
      copy[i] = arrays[i].clone();
    }
    return copy;
  }

  @Override
  public String toString() {
    return "ModelExtras(standardizer " + (standardizer != null) + ", target standardizer "
        + (targetStandardizer != null) + ", classes " + classNames + ", optimizer state "
        + (optimizerState == null ? "none" : optimizerState.length + " arrays") + ", arrays "
        + arrays.keySet() + ")";
  }

  /** Collects the extras to save with a model. */
  public static final class Builder {
    private Standardizer standardizer;
    private Standardizer targetStandardizer;
    private List<String> classNames = Collections.emptyList();
    private double[][] optimizerState;
    private final Map<String, double[]> arrays = new LinkedHashMap<>();

    private Builder() {}

    /** Saves {@code value}, the standardizer the model's inputs go through. */
    public Builder standardizer(Standardizer value) {
      if (value == null) {
        throw new IllegalArgumentException("standardizer must not be null");
      }
      this.standardizer = value;
      return this;
    }

    /** Saves {@code value}, the standardizer of the regression targets the model predicts. */
    public Builder targetStandardizer(Standardizer value) {
      if (value == null) {
        throw new IllegalArgumentException("target standardizer must not be null");
      }
      this.targetStandardizer = value;
      return this;
    }

    /**
     * Saves the names of the classes, in the order of the model's outputs.
     *
     * @throws IllegalArgumentException if the list is null or holds null
     */
    public Builder classNames(List<String> names) {
      if (names == null || names.contains(null)) {
        throw new IllegalArgumentException("class names must not be null or hold null");
      }
      this.classNames = new ArrayList<>(names);
      return this;
    }

    /**
     * Saves the optimizer's state, as {@code Optimizer.state()} returns it; arrays may be empty.
     *
     * @throws IllegalArgumentException if the state or one of its arrays is null
     */
    public Builder optimizerState(double[][] state) {
      if (state == null) {
        throw new IllegalArgumentException("optimizer state must not be null");
      }
      for (int i = 0; i < state.length; i++) {
        if (state[i] == null) {
          throw new IllegalArgumentException("optimizer state array " + i + " must not be null");
        }
      }
      this.optimizerState = deepCopy(state);
      return this;
    }

    /**
     * Saves {@code values} under {@code name}.
     *
     * @throws IllegalArgumentException if the name is null, empty, longer than
     *     {@link #MAX_NAME_BYTES} in UTF-8 or already used, or the values are null
     */
    public Builder array(String name, double[] values) {
      if (name == null || name.isEmpty()
          || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
        throw new IllegalArgumentException("an array name must have 1 to " + MAX_NAME_BYTES
            + " UTF-8 bytes, but was " + (name == null ? "null" : "\"" + name + "\""));
      }
      if (arrays.containsKey(name)) {
        throw new IllegalArgumentException("array name \"" + name + "\" is already used");
      }
      if (values == null) {
        throw new IllegalArgumentException("array \"" + name + "\" must not be null");
      }
      arrays.put(name, values.clone());
      return this;
    }

    /** Returns the extras collected so far. */
    public ModelExtras build() {
      return new ModelExtras(this);
    }
  }
}
