package dev.neurite.samples.quickstart;

import dev.neurite.dsl.Dense;
import dev.neurite.dsl.Input;
import dev.neurite.dsl.Network;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;

/**
 * Malignant or benign from 30 measurements of a breast mass: the README's binary example, one
 * sigmoid output ({@code DiagnosisNet}).
 */
@Network(loss = Loss.BINARY_CROSS_ENTROPY, seed = 7)
@Input(30)
@Dense(units = 16, activation = Activation.RELU)
@Dense(units = 1, activation = Activation.SIGMOID)
final class Diagnosis {
  private Diagnosis() {}
}
