package dev.neurite.samples.pytorch;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * The layers of the digits classifier PyTorch trained (onnx/scripts/make_fixtures.py):
 * 64 pixels, 32 ReLU, 10 softmax. Compiled by Neurite into {@code PyTorchDigitsNet}, which the
 * sample fills with PyTorch's weights from the ONNX file.
 */
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, seed = 2026)
@Input(64)
@Dense(units = 32, activation = Activation.RELU)
@Dense(units = 10, activation = Activation.SOFTMAX)
final class PyTorchDigits {
  private PyTorchDigits() {}
}
