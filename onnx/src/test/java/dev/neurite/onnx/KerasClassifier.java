package dev.neurite.onnx;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/** The layers of the keras_relu_softmax fixture, declared so the processor generates a class. */
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, seed = 3)
@Input(5)
@Dense(units = 8, activation = Activation.RELU)
@Dense(units = 4, activation = Activation.SOFTMAX)
final class KerasClassifier {
  private KerasClassifier() {}
}
