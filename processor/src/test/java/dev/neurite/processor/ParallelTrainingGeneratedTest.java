package dev.neurite.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.neurite.processor.RandomArrays.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.testing.compile.Compilation;
import dev.neurite.processor.emit.ModelEmitter;
import dev.neurite.processor.plan.Planner;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.runtime.train.Trainer;
import dev.neurite.runtime.train.TrainingHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated classes trained on several threads: {@code newReplica} makes a new instance of the
 * class, the same seed and thread count give bit-identical parameters, and the loss curve stays
 * within rounding of the one-thread run. Grouped loop layers and unrolled ones, float and double,
 * with and without dropout.
 */
class ParallelTrainingGeneratedTest {
  /**
   * Relative agreement of the epochs' losses with one thread: the threads group the sums of the
   * gradients differently, which in float moves each step by about 1e-7 relative; three epochs
   * of Adam carry that along well below this, while a dropped or doubled sample would not.
   */
  private static final double FLOAT_TOLERANCE = 1e-4;
  private static final double DOUBLE_TOLERANCE = 1e-9;
  private static final String[] PACKAGES = {"loops", "unrolled"};
  private static ClassLoader classes;

  @BeforeAll
  static void compileNetworks() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (NetworkSpec spec : BatchedTrainingTest.allSpecs()) {
      // Unroll limit 0: every dense layer a loop (the grouped pass); 1000: every one unrolled.
      sources.add(emit(new Planner(0), "loops", spec));
      sources.add(emit(new Planner(1000), "unrolled", spec));
    }
    Compilation compilation = javac()
        .withOptions("--release", "8", "-Xlint:all,-options", "-Werror").compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    classes = Compiled.loader(compilation);
  }

  private static JavaFileObject emit(Planner planner, String pkg, NetworkSpec spec) {
    return ModelEmitter.emit(planner.plan(pkg, pkg + "." + spec.name(), spec))
        .toJavaFileObject();
  }

  static List<String> classNames() {
    List<String> names = new ArrayList<>();
    for (NetworkSpec spec : BatchedTrainingTest.allSpecs()) {
      for (String pkg : PACKAGES) {
        names.add(pkg + "." + spec.name());
      }
    }
    return names;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classNames")
  void aReplicaIsANewInstanceOfTheClass(String name) {
    TrainableModel model = instance(name);
    TrainableModel replica = model.newReplica();
    assertNotSame(model, replica);
    assertSame(model.getClass(), replica.getClass());
    assertEquals(model.spec(), replica.spec());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classNames")
  void twoThreadsRepeatBitForBitAndFollowOneThread(String name) {
    TrainingHistory one = train(name, 1, new double[1][]);
    double[][] first = new double[1][];
    double[][] second = new double[1][];
    TrainingHistory two = train(name, 2, first);
    train(name, 2, second);
    assertArrayEquals(first[0], second[0], name);
    if (name.contains("Dropout")) {
      return; // the second replica draws masks of its own: another, equally valid, run
    }
    double tolerance = instance(name).spec().precision() == Precision.FLOAT
        ? FLOAT_TOLERANCE : DOUBLE_TOLERANCE;
    for (int e = 0; e < one.epochs().size(); e++) {
      double expected = one.epochs().get(e).trainLoss();
      assertEquals(expected, two.epochs().get(e).trainLoss(), tolerance * Math.abs(expected),
          name + ", epoch " + (e + 1));
    }
  }

  private static TrainingHistory train(String name, int threads, double[][] parameters) {
    TrainableModel model = instance(name);
    TrainingHistory history = Trainer.builder().epochs(3).batchSize(13).threads(threads)
        .trainingAccuracy(false).build().fit(model, dataset(model));
    parameters[0] = new double[model.parameterCount()];
    model.getParameters(parameters[0]);
    return history;
  }

  private static Dataset dataset(TrainableModel model) {
    SplittableRandom random = new SplittableRandom(9);
    double[][] inputs = new double[60][];
    double[][] targets = new double[60][];
    for (int k = 0; k < inputs.length; k++) {
      inputs[k] = uniform(random, model.inputSize(), 2);
      targets[k] = new double[model.outputSize()];
      targets[k][random.nextInt(targets[k].length)] = 1;
    }
    return Dataset.of(inputs, targets);
  }

  private static TrainableModel instance(String name) {
    try {
      return (TrainableModel) classes.loadClass(name).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
