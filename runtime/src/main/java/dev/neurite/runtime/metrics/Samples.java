package dev.neurite.runtime.metrics;

import dev.neurite.runtime.Model;
import dev.neurite.runtime.data.Dataset;

/**
 * Walks the (prediction, target) pairs of a model over a dataset, or of given arrays, checking
 * their shapes once; the metrics are written once against this.
 */
final class Samples {
  /** Receives one pair; the prediction buffer is reused, so it must not be kept. */
  interface Visitor {
    void visit(double[] prediction, double[] target);
  }

  private Samples() {}

  /** Predicts every sample into one reused buffer and hands each pair to {@code visitor}. */
  static void forEach(Model model, Dataset data, Visitor visitor) {
    check(model, data);
    double[] output = new double[model.outputSize()];
    for (int i = 0; i < data.size(); i++) {
      model.predict(data.input(i), output);
      visitor.visit(output, data.target(i));
    }
  }

  /** Hands each pair of rows to {@code visitor}. */
  static void forEach(double[][] predictions, double[][] targets, Visitor visitor) {
    check(predictions, targets);
    for (int i = 0; i < predictions.length; i++) {
      visitor.visit(predictions[i], targets[i]);
    }
  }

  static void check(Model model, Dataset data) {
    if (model == null || data == null) {
      throw new IllegalArgumentException("model and data must not be null, but "
          + (model == null ? "model" : "data") + " was null");
    }
    if (data.size() == 0) {
      throw new IllegalArgumentException("the dataset must not be empty");
    }
    if (data.inputSize() != model.inputSize() || data.targetSize() != model.outputSize()) {
      throw new IllegalArgumentException("the dataset must have " + model.inputSize()
          + " inputs and " + model.outputSize() + " targets per sample for "
          + model.spec().name() + ", but had " + data.inputSize() + " and " + data.targetSize());
    }
  }

  static void check(double[][] predictions, double[][] targets) {
    if (predictions == null || targets == null) {
      throw new IllegalArgumentException("predictions and targets must not be null, but "
          + (predictions == null ? "predictions" : "targets") + " was null");
    }
    if (predictions.length != targets.length || predictions.length == 0) {
      throw new IllegalArgumentException("predictions and targets must have the same, non-zero "
          + "number of rows, but had " + predictions.length + " and " + targets.length);
    }
    int width = predictions[0] == null ? -1 : predictions[0].length;
    for (int i = 0; i < predictions.length; i++) {
      if (predictions[i] == null || targets[i] == null || predictions[i].length != width
          || targets[i].length != width || width == 0) {
        throw new IllegalArgumentException("prediction and target rows must all have length "
            + width + ", but row " + i + " had " + length(predictions[i]) + " and "
            + length(targets[i]));
      }
    }
  }

  private static String length(double[] row) {
    return row == null ? "null" : String.valueOf(row.length);
  }
}
