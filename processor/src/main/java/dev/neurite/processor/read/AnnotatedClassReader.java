package dev.neurite.processor.read;

import com.sun.source.util.TreePath;
import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.Precision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads the annotated-class form: {@link Network}, {@link Input} and {@link Dense} on one class,
 * layers in source order. Decisions come from the annotated type alone (Gradle's isolating rule).
 */
public final class AnnotatedClassReader {
  private static final String NETWORK = Annotations.NETWORK;
  private static final String INPUT = Annotations.INPUT;
  private static final String DENSE = Annotations.DENSE;
  private static final String DENSE_LIST = Annotations.DENSE_LIST;

  private final Elements elements;
  private final AnnotationTrees trees;

  /**
   * Creates a reader that resolves annotation defaults through {@code elements} and points at
   * source through {@code trees}.
   */
  public AnnotatedClassReader(Elements elements, AnnotationTrees trees) {
    this.elements = elements;
    this.trees = trees;
  }

  /**
   * Returns the network declared on {@code type}.
   *
   * @throws UnreadableAnnotationException if a value did not resolve (javac reports it)
   */
  public Declaration read(TypeElement type) {
    Map<String, Location> locations = new LinkedHashMap<>();
    List<LayerSpec> layers = new ArrayList<>();
    List<Integer> denseLayers = new ArrayList<>();
    AnnotationMirror network = null;
    int inputSize = 0;
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      String kind = Annotations.qualifiedName(mirror);
      if (kind.equals(NETWORK)) {
        network = mirror;
      } else if (kind.equals(INPUT)) {
        inputSize = typed(mirror, "value", Integer.class);
        locations.put("input", at(type, mirror, "value"));
      } else if (kind.equals(DENSE)) {
        readDense(type, mirror, layers, denseLayers, locations);
      } else if (kind.equals(DENSE_LIST)) {
        for (AnnotationMirror dense : nestedMirrors(value(mirror, "value"))) {
          readDense(type, dense, layers, denseLayers, locations);
        }
      }
    }
    pointAtDenseTrees(type, denseLayers, layers.size(), locations);
    return declaration(type, network, inputSize, layers, locations);
  }

  private Declaration declaration(TypeElement type, AnnotationMirror network, int inputSize,
      List<LayerSpec> layers, Map<String, Location> locations) {
    String name = typed(network, "name", String.class);
    if (name.isEmpty()) {
      name = type.getSimpleName() + "Net";
    }
    for (String attribute : new String[] {"name", "loss", "huberDelta", "precision", "seed",
        "trainable"}) {
      locations.put(attribute, at(type, network, attribute));
    }
    locations.put("layers", Location.of(type, network, null));
    PackageElement pkg = elements.getPackageOf(type);
    return new Declaration(
        pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString(),
        type.getQualifiedName().toString(),
        name,
        inputSize,
        layers,
        enumValues(Loss.class, network, "loss"),
        typed(network, "huberDelta", Double.class),
        enumValue(Precision.class, network, "precision"),
        typed(network, "seed", Long.class),
        typed(network, "trainable", Boolean.class),
        Location.of(type, network, null),
        locations);
  }

  /**
   * Reads one {@code @Dense} into its layer, followed by a dropout layer when it asks for one;
   * records the dense layer's index in {@code denseLayers}.
   */
  private void readDense(TypeElement type, AnnotationMirror mirror, List<LayerSpec> layers,
      List<Integer> denseLayers, Map<String, Location> locations) {
    int index = layers.size();
    int units = typed(mirror, "units", Integer.class);
    Activation activation = enumValue(Activation.class, mirror, "activation");
    double alpha = typed(mirror, "alpha", Double.class);
    boolean bias = typed(mirror, "bias", Boolean.class);
    double parameter = Double.isNaN(alpha) ? activation.defaultParameter() : alpha;
    layers.add(LayerSpec.dense(units, activation, parameter, bias));
    denseLayers.add(index);
    locations.put(String.valueOf(index), Location.of(type, mirror, null));
    for (String attribute : new String[] {"units", "activation", "bias"}) {
      locations.put(index + "." + attribute, at(type, mirror, attribute));
    }
    locations.put(index + ".activationParameter", at(type, mirror, "alpha"));
    double dropout = typed(mirror, "dropout", Double.class);
    if (dropout != 0) {
      layers.add(LayerSpec.dropout(dropout));
      locations.put(String.valueOf(index + 1), Location.of(type, mirror, null));
      locations.put((index + 1) + ".rate", at(type, mirror, "dropout"));
    }
  }

  /**
   * Repeated {@code @Dense} annotations sit in a container javac synthesizes, which its messager
   * cannot map back to source; so where the tree API is there, point at the annotation trees.
   */
  private void pointAtDenseTrees(TypeElement type, List<Integer> denseLayers, int layerCount,
      Map<String, Location> locations) {
    List<TreePath> dense = trees.annotations(type, DENSE);
    if (dense.size() != denseLayers.size()) {
      return;
    }
    for (int j = 0; j < dense.size(); j++) {
      int i = denseLayers.get(j);
      Location layer = locations.get(String.valueOf(i));
      locations.put(String.valueOf(i), withTree(layer, dense.get(j)));
      for (String attribute : new String[] {"units", "activation", "bias", "alpha"}) {
        String key = i + "." + (attribute.equals("alpha") ? "activationParameter" : attribute);
        locations.put(key, withTree(layer, AnnotationTrees.argument(dense.get(j), attribute)));
      }
      boolean dropoutFollows = i + 1 < layerCount
          && (j + 1 == denseLayers.size() || denseLayers.get(j + 1) != i + 1);
      if (dropoutFollows) {
        locations.put(String.valueOf(i + 1), withTree(layer, dense.get(j)));
        locations.put((i + 1) + ".rate",
            withTree(layer, AnnotationTrees.argument(dense.get(j), "dropout")));
      }
    }
  }

  private static Location withTree(Location location, TreePath tree) {
    return new Location(location.element(), location.annotation(), null, tree);
  }

  private Location at(TypeElement type, AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return Location.of(type, mirror, e.getValue());
      }
    }
    return Location.of(type, mirror, null);
  }

  private AnnotationValue value(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return e.getValue();
      }
    }
    throw new IllegalStateException("no attribute " + attribute + " on " + mirror);
  }

  /** Returns a value of the expected type; an erroneous value (javac's stand-in) is not one. */
  private <T> T typed(AnnotationMirror mirror, String attribute, Class<T> type) {
    return typed(value(mirror, attribute).getValue(), attribute, type);
  }

  private static <T> T typed(Object value, String attribute, Class<T> type) {
    if (!type.isInstance(value)) {
      throw new UnreadableAnnotationException(attribute, value);
    }
    return type.cast(value);
  }

  private static List<AnnotationMirror> nestedMirrors(AnnotationValue array) {
    List<AnnotationMirror> mirrors = new ArrayList<>();
    for (Object v : typed(array.getValue(), "value", List.class)) {
      mirrors.add(typed(((AnnotationValue) v).getValue(), "value", AnnotationMirror.class));
    }
    return mirrors;
  }

  private <E extends Enum<E>> List<E> enumValues(
      Class<E> type, AnnotationMirror mirror, String attribute) {
    List<E> values = new ArrayList<>();
    for (Object v : typed(mirror, attribute, List.class)) {
      VariableElement constant = typed(((AnnotationValue) v).getValue(), attribute,
          VariableElement.class);
      values.add(constant(type, constant, attribute));
    }
    return values;
  }

  private <E extends Enum<E>> E enumValue(Class<E> type, AnnotationMirror mirror, String attribute) {
    return constant(type, typed(mirror, attribute, VariableElement.class), attribute);
  }

  private static <E extends Enum<E>> E constant(
      Class<E> type, VariableElement constant, String attribute) {
    try {
      return Enum.valueOf(type, constant.getSimpleName().toString());
    } catch (IllegalArgumentException notAConstant) {
      throw new UnreadableAnnotationException(attribute, constant);
    }
  }
}
