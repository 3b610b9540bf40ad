package dev.neurite.processor.plan;

import dev.neurite.runtime.LayerSpec;

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
 */
public record LayerPlan(
    int number, LayerSpec spec, int inputs, int outputs, int weightOffset, int biasOffset,
    Shape shape) {

  /** Returns the name of the constant holding the weight offset, e.g. {@code W1}. */
  public String weightName() {
    return "W" + number;
  }

  /** Returns the name of the constant holding the bias offset, e.g. {@code B1}. */
  public String biasName() {
    return "B" + number;
  }

  /** Returns the number of multiply-adds of the layer's forward pass. */
  public int multiplyAdds() {
    return inputs * outputs;
  }
}
