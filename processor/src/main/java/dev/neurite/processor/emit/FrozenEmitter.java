package dev.neurite.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.neurite.processor.plan.Budget;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.processor.plan.NetworkPlan;
import dev.neurite.processor.plan.Shape;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.data.Standardizer;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Writes a frozen class: a trained network's inference alone, its weights inside, that imports
 * nothing outside {@code java.*}, runs on Java 8 and allocates nothing per call.
 *
 * <p>Each layer's forward pass is the one the trainable class has, written by the same layer
 * emitters from the same plan, so a frozen class computes bit for bit what the trainable class
 * computes. The weights are static and final, decoded once when the class initializes from
 * string constants ({@link ValueChunks}); the scratch arrays belong to an instance. Dropout is
 * the identity at inference and is left out.
 */
public final class FrozenEmitter {
  /** The most chunk decodes in one method of the static initializer (about 13 bytes each). */
  static final int DECODES_PER_METHOD = Budget.METHOD_BYTES / 16;

  private final FrozenModel model;
  private final NetworkPlan plan;
  private final NetworkSpec spec;
  private final NumericType t;
  private final int last;

  private FrozenEmitter(FrozenModel model) {
    this.model = model;
    this.plan = model.plan();
    this.spec = plan.spec();
    this.t = NumericType.of(spec.precision());
    this.last = lastDense().number();
  }

  /** Returns the source file of the frozen class of {@code model}. */
  public static JavaFile emit(FrozenModel model) {
    if (model.parameters().length != model.plan().spec().parameterCount()) {
      throw new IllegalArgumentException("the network has " + model.plan().spec()
          .parameterCount() + " parameters, but " + model.parameters().length + " were given");
    }
    return new FrozenEmitter(model).file();
  }

  private LayerPlan lastDense() {
    List<LayerPlan> layers = plan.layers();
    for (int l = layers.size() - 1; ; l--) {
      if (layers.get(l).isDense()) {
        return layers.get(l);
      }
    }
  }

  private JavaFile file() {
    TypeSpec.Builder type = TypeSpec.classBuilder(model.className())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(javadoc());
    addConstants(type);
    addWeights(type);
    addState(type);
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Creates an instance with its own scratch arrays; the weights are shared.\n")
        .build());
    type.addMethod(predict());
    if (isClassifier()) {
      type.addMethod(classify());
    }
    if (hasClassNames()) {
      type.addMethod(className());
      type.addMethod(classifyName());
    }
    LayerPlan previous = null;
    for (LayerPlan layer : plan.layers()) {
      if (layer.isDense()) {
        LayerEmitter.of(layer, previous, t).addForwardTo(type);
      }
      previous = layer;
    }
    if (plan.outputLayer().spec().activation() == Activation.SOFTMAX) {
      type.addMethod(ModelEmitter.softmax(t));
    }
    type.addMethods(ActivationCode.forwardHelpers(ModelEmitter.usedActivations(plan), t));
    type.addMethod(slice());
    if (hasLoopLayer()) {
      type.addMethod(columns());
    }
    type.addMethod(ValueChunks.decoder(t));
    if ((model.standardizer() != null || model.targetStandardizer() != null)
        && t != NumericType.DOUBLE) {
      type.addMethod(ValueChunks.decoder(NumericType.DOUBLE));
    }
    if (hasClassNames()) {
      type.addMethod(names());
    }
    type.addMethod(ContractMethods.requireLength());
    return JavaFile.builder(model.packageName(), type.build())
        .addFileComment("Frozen by Neurite from $L. Do not edit.", safe(model.fileName()))
        .skipJavaLangImports(true)
        .build();
  }

  private CodeBlock javadoc() {
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("The trained network {@code $L} ($L), frozen by Neurite: its inference with its "
            + "weights inside.\n\n", spec.name(), describe())
        .add("<p>From the model file {@code $L}, SHA-256 {@code $L}: $L parameters in $L "
            + "precision.\n", safe(model.fileName()), model.sha256(), spec.parameterCount(),
            precision());
    if (model.standardizer() != null) {
      doc.add("Takes raw features: the inputs are standardized inside, with the means and "
          + "standard deviations saved with the model.\n");
    }
    if (model.targetStandardizer() != null) {
      doc.add("Answers in the targets' original units: the outputs are scaled back with the "
          + "target standardizer saved with the model.\n");
    }
    if (hasClassNames()) {
      doc.add("Names its classes ({@link #className}, {@link #classifyName}) as the model file "
          + "does.\n");
    }
    return doc.add("\n<p>Needs nothing outside {@code java.*}, runs on Java 8, allocates nothing "
            + "per call. Not thread-safe: an instance's scratch arrays serve one call at a time; "
            + "use one instance per thread (the weights are shared).\n")
        .build();
  }

  private String describe() {
    StringBuilder s = new StringBuilder().append(spec.inputSize());
    StringBuilder how = new StringBuilder();
    for (LayerPlan layer : plan.layers()) {
      if (layer.isDense()) {
        s.append('-').append(layer.outputs());
        how.append(how.length() == 0 ? "" : ", ")
            .append(layer.spec().activation().name().toLowerCase(Locale.ROOT));
      }
    }
    return s.append(" ").append(how).toString();
  }

  private String precision() {
    return spec.precision().name().toLowerCase(Locale.ROOT);
  }

  /** A file name in a comment: nothing that ends the comment or the line. */
  private static String safe(String text) {
    return text.replace("*/", "*&#47;").replaceAll("[\\p{Cntrl}]", "?");
  }

  private boolean isClassifier() {
    return spec.loss() == Loss.CATEGORICAL_CROSS_ENTROPY
        || spec.loss() == Loss.BINARY_CROSS_ENTROPY;
  }

  private boolean hasLoopLayer() {
    return plan.layers().stream().anyMatch(l -> l.shape() == Shape.LOOP);
  }

  private void addConstants(TypeSpec.Builder type) {
    type.addField(ModelEmitter.constant("INPUTS", spec.inputSize(),
        "The number of inputs of one sample."));
    type.addField(ModelEmitter.constant("OUTPUTS", spec.outputSize(),
        "The number of outputs of one sample."));
    type.addField(ModelEmitter.constant("PARAMETERS", spec.parameterCount(),
        "The number of trained parameters inside."));
  }

  /**
   * Adds the static weights, each layer's in the shape its forward pass reads (flat rows when
   * unrolled, one array per input when a loop), and the static initializer that decodes them.
   */
  private void addWeights(TypeSpec.Builder type) {
    CodeBlock.Builder init = CodeBlock.builder()
        .addStatement("$T p = new $T[PARAMETERS]", t.arrayType(), t.type());
    List<String> chunks = ValueChunks.encode(model.parameters(), t);
    init.add(decodeCalls(type, "parameters", chunks, t, "p",
        ValueChunks.valuesPerChunk(t), model.parameters().length));
    for (LayerPlan layer : plan.layers()) {
      if (!layer.isDense()) {
        continue;
      }
      int n = layer.number();
      if (layer.shape() == Shape.LOOP) {
        type.addField(FieldSpec.builder(ArrayTypeName.of(t.arrayType()), "wt" + n,
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Layer $L's weights, one array per input: wt$L[i][o] weights input i in "
                + "unit o.\n", n, n).build());
        init.addStatement("wt$L = columns(p, $L, $L, $L)", n, layer.weightOffset(),
            layer.outputs(), layer.inputs());
      } else {
        type.addField(staticArray("w" + n, "Layer " + n
            + "'s weights, row by row as in the flat layout."));
        init.addStatement("w$L = slice(p, $L, $L)", n, layer.weightOffset(),
            layer.multiplyAdds());
      }
      if (layer.spec().hasBias()) {
        type.addField(staticArray("b" + n, "Layer " + n + "'s biases."));
        init.addStatement("b$L = slice(p, $L, $L)", n, layer.biasOffset(), layer.outputs());
      }
    }
    if (model.standardizer() != null) {
      addScaling(type, init, "", model.standardizer(), "INPUTS", "raw input");
    }
    if (model.targetStandardizer() != null) {
      addScaling(type, init, "TARGET_", model.targetStandardizer(), "OUTPUTS", "target");
    }
    if (hasClassNames()) {
      addClassNames(type, init);
    }
    type.addStaticBlock(init.build());
  }

  /**
   * Adds {@code prefix + "MEANS"} and {@code prefix + "STDDEVS"}, the standardizer's values of
   * each of {@code size} {@code what}s, decoded in {@code init}.
   */
  private void addScaling(TypeSpec.Builder type, CodeBlock.Builder init, String prefix,
      Standardizer standardizer, String size, String what) {
    TypeName doubles = ArrayTypeName.of(TypeName.DOUBLE);
    int perChunk = ValueChunks.valuesPerChunk(NumericType.DOUBLE);
    String[][] parts = {{"MEANS", "The mean of each " + what + "."},
        {"STDDEVS", "The standard deviation of each " + what + "."}};
    double[][] values = {standardizer.means(), standardizer.stddevs()};
    for (int k = 0; k < parts.length; k++) {
      String name = prefix + parts[k][0];
      type.addField(FieldSpec.builder(doubles, name, Modifier.PRIVATE, Modifier.STATIC,
              Modifier.FINAL)
          .addJavadoc("$L\n", parts[k][1])
          .initializer("new double[$L]", size).build());
      init.add(decodeCalls(type, name.toLowerCase(Locale.ROOT).replace("_", ""),
          ValueChunks.encode(values[k], NumericType.DOUBLE), NumericType.DOUBLE, name,
          perChunk, values[k].length));
    }
  }

  /** Adds {@code CLASS_NAMES}, written as strings of whole names separated by NUL. */
  private void addClassNames(TypeSpec.Builder type, CodeBlock.Builder init) {
    type.addField(FieldSpec.builder(String[].class, "CLASS_NAMES", Modifier.PRIVATE,
            Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The name of each class, in the order of the outputs.\n").build());
    CodeBlock.Builder chunks = CodeBlock.builder();
    StringBuilder chunk = new StringBuilder();
    for (String name : model.classNames()) {
      if (name.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("a class name holds the NUL character: " + name);
      }
      // At most 3 bytes per character in the class file: stay under the constant's limit.
      if (chunk.length() > 0 && 3L * (chunk.length() + name.length() + 1) > 60_000) {
        chunks.add(chunks.isEmpty() ? "$S" : ", $S", chunk);
        chunk.setLength(0);
      }
      chunk.append(chunk.length() == 0 ? "" : "\0").append(name);
    }
    chunks.add(chunks.isEmpty() ? "$S" : ", $S", chunk);
    init.addStatement("CLASS_NAMES = names($L)", chunks.build());
  }

  private boolean hasClassNames() {
    return isClassifier() && !model.classNames().isEmpty();
  }

  private static MethodSpec names() {
    return MethodSpec.methodBuilder("names")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Returns the names in {@code chunks}, separated by NUL within and between.\n")
        .returns(String[].class)
        .addParameter(String[].class, "chunks")
        .varargs()
        .addStatement("StringBuilder all = new StringBuilder()")
        .beginControlFlow("for (String chunk : chunks)")
        .addStatement("all.append(all.length() == 0 ? $S : $S).append(chunk)", "", "\0")
        .endControlFlow()
        .addStatement("return all.toString().split($S, -1)", "\0")
        .build();
  }

  private MethodSpec className() {
    return MethodSpec.methodBuilder("className")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("Returns the name of class {@code index}, as the model file names it.\n\n"
            + "@throws ArrayIndexOutOfBoundsException if there is no such class\n")
        .returns(String.class)
        .addParameter(TypeName.INT, "index")
        .addStatement("return CLASS_NAMES[index]")
        .build();
  }

  private MethodSpec classifyName() {
    return MethodSpec.methodBuilder("classifyName")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Returns the name of the predicted class of {@code input}.\n\n"
            + "@throws IllegalArgumentException if the input's length is not INPUTS\n")
        .returns(String.class)
        .addParameter(t.arrayType(), "input")
        .addStatement("return CLASS_NAMES[classify(input)]")
        .build();
  }

  private FieldSpec staticArray(String name, String doc) {
    return FieldSpec.builder(t.arrayType(), name, Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("$L\n", doc).build();
  }

  /**
   * Returns the statements decoding {@code chunks} into {@code array}: the calls themselves when
   * they fit one method of the budget, else one call per method {@code nameK(array)} that holds
   * {@link #DECODES_PER_METHOD} of them (added to {@code type}).
   */
  private static CodeBlock decodeCalls(TypeSpec.Builder type, String name, List<String> chunks,
      NumericType precision, String array, int perChunk, int count) {
    CodeBlock.Builder calls = CodeBlock.builder();
    if (chunks.size() <= DECODES_PER_METHOD) {
      return decodes(chunks, 0, chunks.size(), precision, array, perChunk, count);
    }
    for (int from = 0, k = 0; from < chunks.size(); from += DECODES_PER_METHOD, k++) {
      int to = Math.min(chunks.size(), from + DECODES_PER_METHOD);
      type.addMethod(MethodSpec.methodBuilder(name + k)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addJavadoc("Decodes values $L to $L.\n", (long) from * perChunk,
              Math.min(count, (long) to * perChunk) - 1)
          .addParameter(precision.arrayType(), "into")
          .addCode(decodes(chunks, from, to, precision, "into", perChunk, count))
          .build());
      calls.addStatement("$L$L($L)", name, k, array);
    }
    return calls.build();
  }

  private static CodeBlock decodes(List<String> chunks, int from, int to, NumericType precision,
      String array, int perChunk, int count) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (int c = from; c < to; c++) {
      int at = c * perChunk;
      code.addStatement("$L($S, $L, $L, $L)", ValueChunks.decoderName(precision), chunks.get(c),
          array, at, Math.min(perChunk, count - at));
    }
    return code.build();
  }

  private void addState(TypeSpec.Builder type) {
    if (model.standardizer() != null) {
      type.addField(array("a0", "INPUTS", "The standardized input of the last call."));
    }
    for (LayerPlan layer : plan.layers()) {
      if (layer.isDense()) {
        int n = layer.number();
        type.addField(array("z" + n, layer.outputs(), "Layer " + n + "'s weighted sums."));
        type.addField(array("a" + n, layer.outputs(), "Layer " + n + "'s outputs."));
      }
    }
    if (isClassifier()) {
      type.addField(array("scores", "OUTPUTS", "The outputs of the last classify."));
    }
  }

  private FieldSpec array(String name, Object size, String doc) {
    return FieldSpec.builder(t.arrayType(), name, Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer("new $T[$L]", t.type(), size)
        .build();
  }

  private MethodSpec predict() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("predict")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Writes the network's outputs for {@code input} into {@code output}"
            + "$L.\n\n@throws IllegalArgumentException if an array's length is not INPUTS or "
            + "OUTPUTS\n", model.standardizer() != null ? " (raw features: standardized here)"
            : "")
        .addParameter(t.arrayType(), "input")
        .addParameter(t.arrayType(), "output")
        .addStatement("requireLength($S, input.length, INPUTS)", "input")
        .addStatement("requireLength($S, output.length, OUTPUTS)", "output");
    String x = "input";
    if (model.standardizer() != null) {
      m.addComment("As the runtime's Standardizer: in double, then in this precision.")
          .beginControlFlow("for (int i = 0; i < INPUTS; i++)")
          .addStatement("a0[i] = $L((input[i] - MEANS[i]) / STDDEVS[i])", t.cast())
          .endControlFlow();
      x = "a0";
    }
    for (LayerPlan layer : plan.layers()) {
      if (layer.isDense()) {
        m.addStatement("forward$L($L)", layer.number(), x);
        x = "a" + layer.number();
      }
    }
    if (model.targetStandardizer() != null) {
      return m.addComment("Back to the targets' units, in double as the runtime's Pipeline.")
          .beginControlFlow("for (int k = 0; k < OUTPUTS; k++)")
          .addStatement("output[k] = $L($L[k] * TARGET_STDDEVS[k] + TARGET_MEANS[k])", t.cast(),
              x)
          .endControlFlow()
          .build();
    }
    return m.addStatement("System.arraycopy($L, 0, output, 0, OUTPUTS)", x).build();
  }

  private MethodSpec classify() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("classify")
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.INT)
        .addParameter(t.arrayType(), "input")
        .addStatement("predict(input, scores)");
    if (spec.outputSize() == 1) {
      return m.addJavadoc("Returns the predicted class of {@code input}: 1 if the output is at "
              + "least 0.5, else 0.\n\n@throws IllegalArgumentException if the input's length "
              + "is not INPUTS\n")
          .addStatement("return scores[0] >= 0.5 ? 1 : 0").build();
    }
    return m.addJavadoc("Returns the predicted class of {@code input}: the index of the largest "
            + "output, the first one on ties.\n\n@throws IllegalArgumentException if the "
            + "input's length is not INPUTS\n")
        .addStatement("int best = 0")
        .beginControlFlow("for (int k = 1; k < OUTPUTS; k++)")
        .beginControlFlow("if (scores[k] > scores[best])")
        .addStatement("best = k")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return best").build();
  }

  private MethodSpec slice() {
    return MethodSpec.methodBuilder("slice")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Returns a copy of {@code p[from, from + count)}.\n")
        .returns(t.arrayType())
        .addParameter(t.arrayType(), "p")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "count")
        .addStatement("$T copy = new $T[count]", t.arrayType(), t.type())
        .addStatement("System.arraycopy(p, from, copy, 0, count)")
        .addStatement("return copy")
        .build();
  }

  private MethodSpec columns() {
    return MethodSpec.methodBuilder("columns")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Returns the weights of {@code rows} units of {@code columns} inputs, stored "
            + "row by row from {@code from}, as one array per input.\n")
        .returns(ArrayTypeName.of(t.arrayType()))
        .addParameter(t.arrayType(), "p")
        .addParameter(TypeName.INT, "from")
        .addParameter(TypeName.INT, "rows")
        .addParameter(TypeName.INT, "columns")
        .addStatement("$T wt = new $T[columns][rows]", ArrayTypeName.of(t.arrayType()), t.type())
        .beginControlFlow("for (int o = 0; o < rows; o++)")
        .beginControlFlow("for (int i = 0; i < columns; i++)")
        .addStatement("wt[i][o] = p[from + o * columns + i]")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return wt")
        .build();
  }
}
