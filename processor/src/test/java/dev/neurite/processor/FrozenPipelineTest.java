package dev.neurite.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.neurite.processor.freeze.Freezer;
import dev.neurite.runtime.data.Standardizer;
import dev.neurite.runtime.pipeline.Pipeline;
import dev.neurite.runtime.train.TrainableModel;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file saved by a {@link Pipeline} freezes with all of it: raw features in, regression
 * outputs back in the targets' units, class names; the frozen class answers as the pipeline does.
 */
class FrozenPipelineTest {
  private static final String DECLARATION = """
      package test;

      import dev.neurite.dsl.*;
      import dev.neurite.runtime.*;

      @Network(name = "Trained", loss = Loss.LOSS, precision = Precision.PRECISION)
      @Input(3)
      @Dense(units = 20, activation = Activation.TANH)
      @Dense(units = OUTPUTS, activation = Activation.OUTPUT)
      class Declared {}
      """;

  @TempDir Path dir;

  @Test
  void aRegressionAnswersInTheTargetsUnits() throws Exception {
    for (String precision : List.of("FLOAT", "DOUBLE")) {
      Pipeline<TrainableModel> pipeline = pipeline("MEAN_SQUARED_ERROR", precision, 2,
          "IDENTITY", List.of(), true);
      Object frozen = freeze(pipeline, precision + "Regression");
      boolean floats = precision.equals("FLOAT");
      for (double[] x : inputs()) {
        assertEquals(bits(pipeline.predict(x), floats), bits(predict(frozen, x, floats, 2),
            floats), precision);
      }
    }
  }

  @Test
  void aClassifierNamesItsClasses() throws Exception {
    List<String> names = List.of("setosa", "versi\"color", "virgínica");
    Pipeline<TrainableModel> pipeline = pipeline("CATEGORICAL_CROSS_ENTROPY", "FLOAT", 3,
        "SOFTMAX", names, false);
    Object frozen = freeze(pipeline, "Species");
    Method classifyName = frozen.getClass().getMethod("classifyName", float[].class);
    for (double[] x : inputs()) {
      assertEquals(pipeline.predictClassName(x),
          classifyName.invoke(frozen, (Object) asFloats(x)));
    }
    assertEquals("virgínica", frozen.getClass().getMethod("className", int.class)
        .invoke(null, 2));
  }

  private Pipeline<TrainableModel> pipeline(String loss, String precision, int outputs,
      String activation, List<String> names, boolean scaleTargets) {
    TrainableModel trained = Compiled.instance("test.Declared", DECLARATION
        .replace("LOSS", loss).replace("PRECISION", precision)
        .replace("OUTPUTS", Integer.toString(outputs)).replace("OUTPUT", activation),
        "test.Trained", TrainableModel.class);
    SplittableRandom random = new SplittableRandom(outputs);
    trained.setParameters(RandomArrays.uniform(random, trained.parameterCount(), 0.8));
    Standardizer inputs = Standardizer.of(new double[] {1, -2, 30}, new double[] {2, 0.5, 10});
    Standardizer targets = scaleTargets
        ? Standardizer.of(new double[] {100, -3}, new double[] {15, 0.25}) : null;
    return Pipeline.of(trained, inputs, targets, names);
  }

  private Object freeze(Pipeline<TrainableModel> pipeline, String name) throws Exception {
    Path file = dir.resolve(name + ".nrt");
    pipeline.save(file);
    Path source = new Freezer("com.acme", name).writeTo(file, dir.resolve("src"));
    Path classes = dir.resolve("classes");
    IsolatedRun.javac(classes, source);
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ClassLoader.getPlatformClassLoader());
    return loader.loadClass("com.acme." + name).getConstructor().newInstance();
  }

  private static double[][] inputs() {
    SplittableRandom random = new SplittableRandom(3);
    double[][] rows = new double[10][];
    for (int k = 0; k < rows.length; k++) {
      rows[k] = roundedToFloat(RandomArrays.uniform(random, 3, 40));
    }
    return rows;
  }

  /** The row rounded to float, so that float and double inputs are the same numbers. */
  private static double[] roundedToFloat(double[] row) {
    double[] exact = new double[row.length];
    for (int i = 0; i < row.length; i++) {
      exact[i] = (float) row[i];
    }
    return exact;
  }

  private static float[] asFloats(double[] row) {
    float[] f = new float[row.length];
    for (int i = 0; i < row.length; i++) {
      f[i] = (float) row[i];
    }
    return f;
  }

  private static double[] predict(Object frozen, double[] x, boolean floats, int outputs)
      throws Exception {
    double[] result = new double[outputs];
    if (floats) {
      float[] out = new float[outputs];
      frozen.getClass().getMethod("predict", float[].class, float[].class)
          .invoke(frozen, asFloats(x), out);
      for (int k = 0; k < outputs; k++) {
        result[k] = out[k];
      }
    } else {
      frozen.getClass().getMethod("predict", double[].class, double[].class)
          .invoke(frozen, x, result);
    }
    return result;
  }

  private static String bits(double[] values, boolean floats) {
    StringBuilder s = new StringBuilder();
    for (double v : values) {
      s.append(floats ? Integer.toHexString(Float.floatToRawIntBits((float) v))
          : Long.toHexString(Double.doubleToRawLongBits(v))).append(' ');
    }
    return s.toString();
  }
}
