package dev.neurite.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.processor.plan.NetworkPlan;
import dev.neurite.processor.plan.Shape;
import dev.neurite.runtime.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The grouped training pass of {@code forwardBackwardBatch}, for networks whose dense layers are
 * all loops: {@value #GROUP} samples go through each layer together ({@code forwardGroupN},
 * {@code accumulateGroupN}, {@code propagateGroupN}), so that each weight or gradient array loaded
 * from memory serves several samples instead of one (W4's first layer holds 800 KB of float
 * weights, more than the core's cache): the gradient rows serve the {@value #GROUP}, the plain
 * loops' weight columns and rows two at a time ({@link LoopGroupPasses#SAMPLES_PER_PASS}), the
 * Vector API's weight vectors all {@value #GROUP} from registers ({@link VectorGroupPasses}).
 * Measured on W4 (JMH, one fork): 18,000 samples/s one by one, 28,000 in groups of 4; with
 * groups of 8 the Vector API's {@code forwardBackwardBatch} of 32 took 0.75 of the time of groups
 * of 4 (560-660 us against 700-860, a loaded machine) and the plain loops' about the same.
 * Each sample keeps its own arrays
 * ({@code ag0}, {@code zgN}, {@code agN}, {@code dgN}, {@code mgN}: index {@code [s][unit]}).
 * Dropout masks are drawn before the group's forward pass, sample by sample and layer by layer,
 * so the stream of draws is the per-sample one.
 */
final class BatchedTraining {
  /** The samples that share each load of the weights. */
  static final int GROUP = 8;

  private final NetworkPlan plan;
  private final NumericType t;
  private final int last;

  BatchedTraining(NetworkPlan plan, NumericType t) {
    this.plan = plan;
    this.t = t;
    this.last = plan.outputLayer().number();
  }

  /** Whether {@code plan} trains in groups: every dense layer is a loop (none unrolled). */
  static boolean applies(NetworkPlan plan) {
    for (LayerPlan layer : plan.layers()) {
      if (layer.shape() == Shape.UNROLLED) {
        return false;
      }
    }
    return true;
  }

  void addTo(TypeSpec.Builder type) {
    type.addField(LayerEmitter.groupField(t, "ag0", "INPUTS",
        "The inputs of the training group, one array per sample."));
    type.addMethod(trainGroup(type));
    type.addMethod(deltaOf());
    if (plan.hasDropout()) {
      type.addMethod(drawMasks(type));
    }
  }

  private MethodSpec trainGroup(TypeSpec.Builder type) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("trainGroup")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Runs samples order[k] to order[k + $L] forward and back together: adds their"
            + " gradients\nto the batch's and returns the sum of their losses.\n", GROUP - 1)
        .returns(double.class)
        .addParameter(Dataset.class, "data")
        .addParameter(int[].class, "order")
        .addParameter(int.class, "k")
        .beginControlFlow("for (int s = 0; s < $L; s++)", GROUP)
        .addStatement("double[] input = data.input(order[k + s])")
        .addCode(ContractMethods.requireLength("input", "INPUTS"))
        .addStatement("$T x = ag0[s]", t.arrayType())
        .beginControlFlow("for (int i = 0; i < INPUTS; i++)")
        .addStatement("x[i] = $Linput[i]", t.cast())
        .endControlFlow()
        .endControlFlow();
    if (plan.hasDropout()) {
      m.addStatement("drawMasks()");
    }
    List<CodeBlock> forward = new ArrayList<>();
    for (LayerPlan layer : plan.layers()) {
      forward.add(CodeBlock.builder().addStatement("forwardGroup$L()", layer.number()).build());
    }
    m.addCode(MethodChunks.of(type, "forwardGroups", List.of(), forward));
    m.addStatement("double loss = 0")
        .beginControlFlow("for (int s = 0; s < $L; s++)", GROUP)
        .addStatement("loss += deltaOf(s, data.target(order[k + s]))")
        .endControlFlow();
    m.addCode(MethodChunks.of(type, "backwardGroups", List.of(), ContractMethods.backwardCalls(
        plan, "accumulateGroup$L()", "propagateGroup$L()")));
    return m.addStatement("return loss").build();
  }

  /** The loss of sample s of the group and its dgL, as forwardAndDelta does for one sample. */
  private MethodSpec deltaOf() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("deltaOf")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Returns the loss of sample s of the group and writes its dg$L.\n", last)
        .returns(double.class)
        .addParameter(int.class, "s")
        .addParameter(ArrayTypeName.of(double.class), "target")
        .addCode(ContractMethods.requireLength("target", "OUTPUTS"))
        .addStatement("$T y = ag$L[s]", t.arrayType(), last)
        .beginControlFlow("for (int k = 0; k < OUTPUTS; k++)")
        .addStatement("output[k] = y[k]")
        .endControlFlow();
    if (LossCode.fused(plan)) {
      m.addCode(LossCode.fusedLossAndGradient(plan, t, "zg" + last + "[s]"))
          .addStatement("$T d = dg$L[s]", t.arrayType(), last)
          .beginControlFlow("for (int k = 0; k < OUTPUTS; k++)")
          .addStatement("d[k] = $LoutputGradient[k]", t.cast())
          .endControlFlow();
    } else {
      m.addCode(LossCode.lossAndGradient(plan))
          .addComment("outputDelta reads and writes the per-sample arrays of the output layer.")
          .addStatement("System.arraycopy(y, 0, a$L, 0, OUTPUTS)", last)
          .addStatement("System.arraycopy(zg$L[s], 0, z$L, 0, OUTPUTS)", last, last)
          .addStatement("outputDelta(outputGradient)")
          .addStatement("System.arraycopy(d$L, 0, dg$L[s], 0, OUTPUTS)", last, last);
    }
    return m.addStatement("return loss").build();
  }

  private MethodSpec drawMasks(TypeSpec.Builder type) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("drawMasks")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Draws the group's dropout masks in the order of one sample at a time.\n")
        .beginControlFlow("for (int s = 0; s < $L; s++)", GROUP);
    List<CodeBlock> masks = new ArrayList<>();
    for (LayerPlan layer : plan.layers()) {
      if (!layer.isDense()) {
        masks.add(CodeBlock.builder()
            .addStatement("$T m$L = mg$L[s]", t.arrayType(), layer.number(), layer.number())
            .beginControlFlow("for (int i = 0; i < $L; i++)", layer.outputs())
            .addStatement("m$L[i] = $L", layer.number(),
                DropoutLayerEmitter.mask(t, layer.spec().rate(), "training"))
            .endControlFlow()
            .build());
      }
    }
    return m.addCode(MethodChunks.of(type, "drawMasks",
            List.of(ParameterSpec.builder(int.class, "s").build()), masks))
        .endControlFlow().build();
  }
}
