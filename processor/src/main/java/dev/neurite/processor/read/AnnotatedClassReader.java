package dev.neurite.processor.read;

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
  private static final String NETWORK = Network.class.getCanonicalName();
  private static final String INPUT = Input.class.getCanonicalName();
  private static final String DENSE = Dense.class.getCanonicalName();
  private static final String DENSE_LIST = Dense.List.class.getCanonicalName();

  private final Elements elements;

  /** Creates a reader that resolves annotation defaults through {@code elements}. */
  public AnnotatedClassReader(Elements elements) {
    this.elements = elements;
  }

  /** Returns the network declared on {@code type}. */
  public Declaration read(TypeElement type) {
    Map<String, Location> locations = new LinkedHashMap<>();
    List<LayerSpec> layers = new ArrayList<>();
    AnnotationMirror network = null;
    int inputSize = 0;
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      String kind = qualifiedName(mirror);
      if (kind.equals(NETWORK)) {
        network = mirror;
      } else if (kind.equals(INPUT)) {
        inputSize = (Integer) value(mirror, "value").getValue();
        locations.put("input", at(type, mirror, "value"));
      } else if (kind.equals(DENSE)) {
        readDense(type, mirror, layers, locations);
      } else if (kind.equals(DENSE_LIST)) {
        for (AnnotationMirror dense : nestedMirrors(value(mirror, "value"))) {
          readDense(type, dense, layers, locations);
        }
      }
    }
    if (inputSize == 0 && !locations.containsKey("input")) {
      locations.put("input", new Location(type, network, null));
    }
    return declaration(type, network, inputSize, layers, locations);
  }

  private Declaration declaration(TypeElement type, AnnotationMirror network, int inputSize,
      List<LayerSpec> layers, Map<String, Location> locations) {
    String name = (String) value(network, "name").getValue();
    if (name.isEmpty()) {
      name = type.getSimpleName() + "Net";
    }
    for (String attribute : new String[] {"name", "loss", "precision", "seed"}) {
      locations.put(attribute, at(type, network, attribute));
    }
    locations.put("layers", new Location(type, network, null));
    PackageElement pkg = elements.getPackageOf(type);
    return new Declaration(
        pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString(),
        type.getQualifiedName().toString(),
        name,
        inputSize,
        layers,
        enumValue(Loss.class, value(network, "loss")),
        enumValue(Precision.class, value(network, "precision")),
        (Long) value(network, "seed").getValue(),
        new Location(type, network, null),
        locations);
  }

  private void readDense(TypeElement type, AnnotationMirror mirror, List<LayerSpec> layers,
      Map<String, Location> locations) {
    int index = layers.size();
    int units = (Integer) value(mirror, "units").getValue();
    Activation activation = enumValue(Activation.class, value(mirror, "activation"));
    double alpha = (Double) value(mirror, "alpha").getValue();
    boolean bias = (Boolean) value(mirror, "bias").getValue();
    double parameter = Double.isNaN(alpha) ? activation.defaultParameter() : alpha;
    layers.add(LayerSpec.dense(units, activation, parameter, bias));
    locations.put(String.valueOf(index), new Location(type, mirror, null));
    for (String attribute : new String[] {"units", "activation", "bias"}) {
      locations.put(index + "." + attribute, at(type, mirror, attribute));
    }
    locations.put(index + ".activationParameter", at(type, mirror, "alpha"));
  }

  private Location at(TypeElement type, AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return new Location(type, mirror, e.getValue());
      }
    }
    return new Location(type, mirror, null);
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

  @SuppressWarnings("unchecked")
  private static List<AnnotationMirror> nestedMirrors(AnnotationValue array) {
    List<AnnotationMirror> mirrors = new ArrayList<>();
    for (AnnotationValue v : (List<? extends AnnotationValue>) array.getValue()) {
      mirrors.add((AnnotationMirror) v.getValue());
    }
    return mirrors;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, AnnotationValue value) {
    VariableElement constant = (VariableElement) value.getValue();
    return Enum.valueOf(type, constant.getSimpleName().toString());
  }

  private static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }
}
