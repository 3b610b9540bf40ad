package dev.neurite.samples.frozen;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Frozen;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * The digits classifier of the samples module (64 pixels, 32 ReLU, 10 softmax), and the model
 * file it was trained into there: javac writes {@code DigitsModel}, its inference with the
 * trained weights and the input standardizer inside, needing nothing but {@code java.*}.
 */
@Network(loss = Loss.CATEGORICAL_CROSS_ENTROPY, seed = 42)
@Input(64)
@Dense(units = 32, activation = Activation.RELU)
@Dense(units = 10, activation = Activation.SOFTMAX)
@Frozen(model = "digits.nrt", name = "DigitsModel")
final class Digits {
  private Digits() {}
}
