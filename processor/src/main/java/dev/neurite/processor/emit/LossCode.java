package dev.neurite.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.neurite.processor.plan.NetworkPlan;
import dev.neurite.runtime.Loss;
import javax.lang.model.element.Modifier;

/**
 * The loss of one training sample in generated code, through the runtime's {@link Loss} table.
 * Where the loss cancels with the output activation (cross-entropy after sigmoid or softmax) the
 * value comes from the output layer's pre-activations ({@link Loss#fusedValue}), not from the
 * probabilities: a probability that rounds to 0 or 1 (a logit of 17 in float, 37 in double) would
 * otherwise be clamped, and the reported loss would no longer be the one whose gradient the pass
 * returns.
 */
final class LossCode {
  /** The double copy of a float network's output pre-activations that the loss reads. */
  static final String LOGITS = "logits";

  private LossCode() {}

  /** Returns whether the loss of {@code plan} cancels with its output activation. */
  static boolean fused(NetworkPlan plan) {
    return plan.spec().loss().fusedActivation() == plan.outputLayer().spec().activation();
  }

  /** Adds the state the loss needs: {@link #LOGITS} in a fused float network. */
  static void addState(TypeSpec.Builder type, NetworkPlan plan, NumericType t) {
    if (fused(plan) && t == NumericType.FLOAT) {
      type.addField(FieldSpec.builder(ArrayTypeName.of(TypeName.DOUBLE), LOGITS,
              Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("The output layer's weighted sums in double, for the loss.\n")
          .initializer("new double[OUTPUTS]").build());
    }
  }

  /**
   * Returns the statements that declare {@code loss} and write {@code outputGradient}, the
   * gradient with respect to the double {@code output}, against {@code target}; for a loss that
   * does not cancel with the output activation. A Huber delta other than 1 is passed on.
   */
  static CodeBlock lossAndGradient(NetworkPlan plan) {
    Loss loss = plan.spec().loss();
    double delta = plan.spec().huberDelta();
    String extra = delta == Loss.DEFAULT_HUBER_DELTA ? "" : ", " + delta;
    return CodeBlock.builder()
        .addStatement("double loss = $T.$L.value(output, target, OUTPUTS$L)", Loss.class,
            loss.name(), extra)
        .addStatement("$T.$L.gradient(output, target, outputGradient, OUTPUTS$L)", Loss.class,
            loss.name(), extra)
        .build();
  }

  /**
   * Returns the statements that declare {@code loss} and write {@code outputGradient}, the
   * gradient with respect to the output pre-activations {@code z}, from the double
   * {@code output} and {@code target}; fused networks only.
   */
  static CodeBlock fusedLossAndGradient(NetworkPlan plan, NumericType t, String z) {
    Loss loss = plan.spec().loss();
    CodeBlock.Builder code = CodeBlock.builder()
        .add("// The loss from the weighted sums (exact even where y rounds to 0 or 1) and its\n")
        .add("// gradient with respect to them, y - t.\n");
    String logits = z;
    if (t == NumericType.FLOAT) {
      code.beginControlFlow("for (int k = 0; k < OUTPUTS; k++)")
          .addStatement("$L[k] = $L[k]", LOGITS, z)
          .endControlFlow();
      logits = LOGITS;
    }
    return code.addStatement("double loss = $T.$L.fusedValue($L, target, OUTPUTS)", Loss.class,
            loss.name(), logits)
        .addStatement("$T.$L.fusedGradient(output, target, outputGradient, OUTPUTS)",
            Loss.class, loss.name())
        .build();
  }
}
