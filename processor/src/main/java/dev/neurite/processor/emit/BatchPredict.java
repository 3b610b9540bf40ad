package dev.neurite.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.processor.plan.NetworkPlan;
import dev.neurite.runtime.ModelArguments;
import dev.neurite.runtime.Precision;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The batch {@code predict(inputs, outputs, count)} of the inference contract, over flat
 * row-major arrays. When every dense layer is a plain loop ({@link #tiled}), the
 * samples go through the network {@value #TILE} at a time ({@code predictTile}): each layer's
 * {@code forwardTileN} sweeps its weights once for the whole tile, so each weight loaded from
 * memory serves {@value #TILE} samples instead of one; the samples left over after the last
 * whole tile, and every sample of a network with unrolled or Vector API layers, take the
 * single-sample pass.
 * Dropout layers are the identity at inference and are skipped. Every sample's outputs are
 * those of the single-sample {@code predict}, bit for bit: the tile passes add the same terms in
 * the same order. The tile's buffers ({@code tile0}, {@code tileN}: {@code [sample][unit]})
 * belong to the instance, so a call allocates nothing.
 */
final class BatchPredict {
  /**
   * The samples of one tile: at 784x256, 8 samples per sweep of the weights ran 5% ahead of 4
   * (timing loop, loaded machine); a batch of 256 samples is whole tiles.
   */
  static final int TILE = 8;

  private final NetworkPlan plan;
  private final NumericType t;
  private final boolean tiled;
  private final int last;

  /** With {@code vectorApi}, the batch goes sample by sample through the vector passes. */
  BatchPredict(NetworkPlan plan, NumericType t, boolean vectorApi) {
    this.plan = plan;
    this.t = t;
    this.tiled = tiled(plan, vectorApi);
    this.last = plan.outputLayer().number();
  }

  /**
   * Whether {@code plan}'s batch predict goes by tiles (else sample by sample): not with the
   * Vector API, whose single-sample passes keep their sums in registers and ran ahead of the
   * plain tile passes (W3: 200 against 304 ns per sample).
   */
  static boolean tiled(NetworkPlan plan, boolean vectorApi) {
    return !vectorApi && BatchedTraining.applies(plan);
  }

  /** Returns the field of one tile's values of a layer: {@value #TILE} arrays of {@code size}. */
  static FieldSpec tileField(NumericType t, String name, Object size, String doc) {
    return FieldSpec.builder(ArrayTypeName.of(t.arrayType()), name, Modifier.PRIVATE,
            Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer("new $T[TILE][$L]", t.type(), size)
        .build();
  }

  void addTo(TypeSpec.Builder type) {
    if (tiled) {
      type.addField(FieldSpec.builder(int.class, "TILE", Modifier.PRIVATE, Modifier.STATIC,
              Modifier.FINAL)
          .addJavadoc("The samples a batch predict sends through each layer together.\n")
          .initializer("$L", TILE)
          .build());
      type.addField(tileField(t, "tile0", "INPUTS", "The inputs of one tile, per sample."));
      type.addMethod(predictTile(type));
    }
    type.addMethod(predict(t.arrayType()));
    if (plan.spec().precision() == Precision.FLOAT) {
      type.addMethod(predict(ArrayTypeName.of(TypeName.DOUBLE)));
    }
  }

  private MethodSpec predict(TypeName arrays) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("predict")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(arrays, "inputs")
        .addParameter(arrays, "outputs")
        .addParameter(int.class, "count")
        .addStatement("$T.requireSamples(inputs, outputs, count, INPUTS, OUTPUTS)",
            ModelArguments.class)
        .addStatement("int k = 0");
    if (tiled) {
      m.addComment("$L samples share each load of the weights; the rest one by one.", TILE)
          .beginControlFlow("for (; k + TILE <= count; k += TILE)")
          .beginControlFlow("for (int s = 0; s < TILE; s++)")
          .addCode(copy(arrays, "inputs", "(k + s) * INPUTS", "tile0[s]", "0", "INPUTS"))
          .endControlFlow()
          .addStatement("predictTile()")
          .beginControlFlow("for (int s = 0; s < TILE; s++)")
          .addCode(copy(arrays, "tile" + last + "[s]", "0", "outputs", "(k + s) * OUTPUTS",
              "OUTPUTS"))
          .endControlFlow()
          .endControlFlow();
    }
    return m.beginControlFlow("for (; k < count; k++)")
        .addCode(copy(arrays, "inputs", "k * INPUTS", "a0", "0", "INPUTS"))
        .addStatement(plan.hasDropout() ? "run(a0, false)" : "run(a0)")
        .addCode(copy(arrays, "a" + last, "0", "outputs", "k * OUTPUTS", "OUTPUTS"))
        .endControlFlow()
        .build();
  }

  /**
   * Copies {@code length} values between the caller's array (of type {@code arrays}) and the
   * network's: {@code System.arraycopy} in the network's precision, else a loop that narrows
   * the caller's doubles on the way in and widens on the way out.
   */
  private CodeBlock copy(TypeName arrays, String from, String fromIndex, String to,
      String toIndex, String length) {
    if (arrays.equals(t.arrayType())) {
      return CodeBlock.builder().addStatement("System.arraycopy($L, $L, $L, $L, $L)", from,
          fromIndex, to, toIndex, length).build();
    }
    boolean narrow = from.equals("inputs");
    return CodeBlock.builder()
        .beginControlFlow("for (int i = 0; i < $L; i++)", length)
        .addStatement("$L[$L] = $L$L[$L]", to, index(toIndex), narrow ? t.cast() : "", from,
            index(fromIndex))
        .endControlFlow()
        .build();
  }

  private static String index(String start) {
    return start.equals("0") ? "i" : start + " + i";
  }

  /** Calls each dense layer's tile pass, each reading the last dense layer's tile before it. */
  private MethodSpec predictTile(TypeSpec.Builder type) {
    List<CodeBlock> calls = new ArrayList<>();
    String x = "tile0";
    for (LayerPlan layer : plan.layers()) {
      if (layer.isDense()) {
        calls.add(CodeBlock.builder().addStatement("forwardTile$L($L)", layer.number(), x)
            .build());
        x = "tile" + layer.number();
      }
    }
    return MethodSpec.methodBuilder("predictTile")
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Runs the tile in tile0 through every dense layer into tile$L.\n", last)
        .addCode(MethodChunks.of(type, "predictTile", List.of(), calls))
        .build();
  }
}
