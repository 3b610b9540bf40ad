package dev.neurite.processor.plan;

import dev.neurite.runtime.LayerSpec;
import java.util.List;

/**
 * The decisions for one layer of a generated network.
 *
 * @param number the layer's number in generated names, from 1 (the input is layer 0)
 * @param spec the layer as declared
 * @param inputs the number of values entering the layer
 * @param outputs the number of values leaving the layer
 * @param weightOffset where the layer's weights start in the flat parameter array
 * @param biasOffset where the layer's biases start
 * @param shape how the layer's code is written out
 * @param forwardParts the methods of the forward pass, by range of outputs
 * @param gradientParts the methods adding the parameter gradient, by range of outputs
 * @param propagateParts the methods writing the input gradient, by range of inputs
 */
public record LayerPlan(
    int number, LayerSpec spec, int inputs, int outputs, int weightOffset, int biasOffset,
    Shape shape, List<Part> forwardParts, List<Part> gradientParts, List<Part> propagateParts) {

  /** Returns the name of the constant holding the weight offset, e.g. {@code W1}. */
  public String weightName() {
    return "W" + number;
  }

  /** Returns the name of the constant holding the bias offset, e.g. {@code B1}. */
  public String biasName() {
    return "B" + number;
  }

  /** Returns the number of multiply-adds of the layer's forward pass (0 for dropout). */
  public int multiplyAdds() {
    return shape == Shape.DROPOUT ? 0 : inputs * outputs;
  }

  /** Returns whether the layer is dense (has weights). */
  public boolean isDense() {
    return shape != Shape.DROPOUT;
  }
}
