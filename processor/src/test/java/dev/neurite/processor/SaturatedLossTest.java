package dev.neurite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.neurite.processor.GeneratedVersusReferenceTest.assertClose;

import com.google.testing.compile.Compilation;
import dev.neurite.processor.emit.ModelEmitter;
import dev.neurite.processor.plan.Planner;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.TrainableModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generated cross-entropy values where the outputs saturate: the loss of {@code forwardBackward}
 * and of {@code forwardBackwardBatch} (per sample and in groups of four) is the exact one computed
 * from the logits, so its finite differences are the gradient the pass returns; in both
 * precisions, unrolled, loop and Vector API layers. Expected values were computed offline with
 * Python's {@code math.log1p}.
 */
class SaturatedLossTest {
  /** Logits 40, -40, 20, 3: mean(softplus(z) - t z); clamped at 1e-15 it was 20.78. */
  private static final double BINARY_DOUBLE = 23.512146838408725;
  /** Logits 20, -20, 20, -20: float's sigmoid rounds 20 to 1; clamped it was 24.68. */
  private static final double BINARY_FLOAT = 18.500000002061153;
  /** Logits 40, -40, 0 and the class of -40: logsumexp(z) + 40. */
  private static final double CATEGORICAL = 80;
  private static final double[] BINARY_TARGET = {0, 1, 0.3, 1};
  private static final double[] CATEGORICAL_TARGET = {0, 1, 0};
  private static final String[] SHAPES = {"Unrolled", "Loop", "Vector"};
  private static ClassLoader classes;

  @BeforeAll
  static void compileTheNetworks() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String shape : SHAPES) {
      for (Precision precision : Precision.values()) {
        sources.add(source(spec("Binary", precision, shape), shape));
        sources.add(source(spec("Categorical", precision, shape), shape));
      }
    }
    Compilation compilation =
        javac().withOptions("--add-modules", "jdk.incubator.vector").compile(sources);
    assertThat(compilation).succeeded();
    classes = Compiled.loader(compilation);
  }

  private static NetworkSpec spec(String loss, Precision precision, String shape) {
    boolean binary = loss.equals("Binary");
    LayerSpec layer = binary ? LayerSpec.dense(4, Activation.SIGMOID)
        : LayerSpec.dense(3, Activation.SOFTMAX);
    return NetworkSpec.of(loss + precision + shape, 1, Collections.singletonList(layer),
        binary ? Loss.BINARY_CROSS_ENTROPY : Loss.CATEGORICAL_CROSS_ENTROPY, precision, 1);
  }

  private static JavaFileObject source(NetworkSpec spec, String shape) {
    int unrollLimit = shape.equals("Unrolled") ? Planner.DEFAULT_UNROLL_LIMIT : 0;
    return ModelEmitter.emit(new Planner(unrollLimit).plan("saturated", "saturated.Test", spec),
        shape.equals("Vector")).toJavaFileObject();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
      "Binary, DOUBLE, Unrolled", "Binary, DOUBLE, Loop", "Binary, DOUBLE, Vector",
      "Binary, FLOAT, Unrolled", "Binary, FLOAT, Loop", "Binary, FLOAT, Vector",
      "Categorical, DOUBLE, Unrolled", "Categorical, DOUBLE, Loop",
      "Categorical, DOUBLE, Vector", "Categorical, FLOAT, Unrolled",
      "Categorical, FLOAT, Loop", "Categorical, FLOAT, Vector"})
  void theReportedLossIsTheExactOneAndItsSlopeIsTheGradient(
      String loss, Precision precision, String shape) {
    NetworkSpec spec = spec(loss, precision, shape);
    boolean binary = loss.equals("Binary");
    boolean isFloat = precision == Precision.FLOAT;
    double[] weights = binary ? (isFloat ? new double[] {20, -20, 20, -20, 0, 0, 0, 0}
        : new double[] {40, -40, 20, 3, 0, 0, 0, 0}) : new double[] {40, -40, 0, 0, 0, 0};
    double[] target = binary ? BINARY_TARGET : CATEGORICAL_TARGET;
    double expected = binary ? (isFloat ? BINARY_FLOAT : BINARY_DOUBLE) : CATEGORICAL;
    double tolerance = isFloat ? 1e-5 : 1e-12;
    TrainableModel model = instance(spec);
    model.setParameters(weights);
    double[] input = {1};
    double[] gradient = new double[weights.length];
    assertClose(expected, model.forwardBackward(input, target, gradient), tolerance,
        spec.name() + " loss");
    double[] reference = new double[weights.length];
    ReferenceNetwork interpreter = new ReferenceNetwork(spec);
    interpreter.setParameters(weights);
    interpreter.forwardBackward(input, target, reference);
    for (int i = 0; i < weights.length; i++) {
      assertClose(reference[i], gradient[i], tolerance, spec.name() + " gradient " + i);
      if (!isFloat) {
        assertClose(gradient[i], slope(model, weights, i, input, target), 1e-6,
            spec.name() + " finite difference of the loss, parameter " + i);
      }
    }
    assertBatchAgrees(model, input, target, expected * 9, gradient, tolerance);
  }

  /** Nine copies of the sample: two groups of four and one sample alone where grouped. */
  private static void assertBatchAgrees(TrainableModel model, double[] input, double[] target,
      double expected, double[] single, double tolerance) {
    double[][] inputs = new double[9][];
    double[][] targets = new double[9][];
    int[] order = new int[9];
    for (int k = 0; k < 9; k++) {
      inputs[k] = input;
      targets[k] = target;
      order[k] = k;
    }
    double[] gradient = new double[single.length];
    double loss = model.forwardBackwardBatch(Dataset.of(inputs, targets), order, 0, 9, gradient);
    assertClose(expected, loss, tolerance, model.spec().name() + " batch loss");
    for (int i = 0; i < single.length; i++) {
      assertClose(9 * single[i], gradient[i], tolerance,
          model.spec().name() + " batch gradient " + i);
    }
  }

  /** The central difference of the loss {@code forwardBackward} reports, in parameter i. */
  private static double slope(
      TrainableModel model, double[] parameters, int i, double[] input, double[] target) {
    double h = 1e-6;
    double[] shifted = parameters.clone();
    double[] ignored = new double[parameters.length];
    shifted[i] = parameters[i] + h;
    model.setParameters(shifted);
    double plus = model.forwardBackward(input, target, ignored);
    shifted[i] = parameters[i] - h;
    model.setParameters(shifted);
    double minus = model.forwardBackward(input, target, ignored);
    model.setParameters(parameters);
    return (plus - minus) / (2 * h);
  }

  private static TrainableModel instance(NetworkSpec spec) {
    try {
      return (TrainableModel) classes.loadClass("saturated." + spec.name()).getConstructor()
          .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
