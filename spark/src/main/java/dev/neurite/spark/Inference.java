package dev.neurite.spark;

import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.Model;
import dev.neurite.runtime.Precision;
import java.util.List;

/**
 * One network instance with its input and output buffers, as one partition uses it: features
 * are copied into the reused input buffer, and each prediction comes back as the row's own array
 * (widened to double exactly, for a float network).
 */
abstract class Inference {
  private final String column;

  Inference(String column) {
    this.column = column;
  }

  /** Predicts from a float network or a frozen class, in its own precision. */
  static Inference of(FloatPredictor predictor, int inputs, int outputs, String column) {
    return new FloatInference(predictor, inputs, outputs, column);
  }

  /** Predicts from {@code model} in its own precision. */
  static Inference of(Model model, String column) {
    if (model instanceof FloatModel && model.spec().precision() == Precision.FLOAT) {
      return of(((FloatModel) model)::predict, model.inputSize(), model.outputSize(), column);
    }
    return new DoubleInference(model, column);
  }

  /** Returns the predictions for {@code features}, a row's array column (null for a null row). */
  final double[] predict(List<?> features) {
    if (features == null) {
      return null;
    }
    if (features.size() != inputSize()) {
      throw new IllegalArgumentException("the features column '" + column + "' must hold "
          + inputSize() + " values per row, but a row held " + features.size());
    }
    for (int i = 0; i < features.size(); i++) {
      Object value = features.get(i);
      if (value == null) {
        throw new IllegalArgumentException("the features column '" + column + "' must not hold "
            + "null values, but value " + i + " of a row was null: fill it in before scoring");
      }
      set(i, ((Number) value).doubleValue());
    }
    return run();
  }

  abstract int inputSize();

  abstract void set(int index, double value);

  abstract double[] run();

  /** A float network or frozen class. */
  private static final class FloatInference extends Inference {
    private final FloatPredictor predictor;
    private final float[] input;
    private final float[] output;

    FloatInference(FloatPredictor predictor, int inputs, int outputs, String column) {
      super(column);
      this.predictor = predictor;
      this.input = new float[inputs];
      this.output = new float[outputs];
    }

    @Override
    int inputSize() {
      return input.length;
    }

    @Override
    void set(int index, double value) {
      input[index] = (float) value;
    }

    @Override
    double[] run() {
      predictor.predict(input, output);
      double[] result = new double[output.length];
      for (int i = 0; i < output.length; i++) {
        result[i] = output[i];
      }
      return result;
    }
  }

  /** A double network, or any model that is not a float one. */
  private static final class DoubleInference extends Inference {
    private final Model model;
    private final double[] input;

    DoubleInference(Model model, String column) {
      super(column);
      this.model = model;
      this.input = new double[model.inputSize()];
    }

    @Override
    int inputSize() {
      return input.length;
    }

    @Override
    void set(int index, double value) {
      input[index] = value;
    }

    @Override
    double[] run() {
      double[] result = new double[model.outputSize()];
      model.predict(input, result);
      return result;
    }
  }
}
