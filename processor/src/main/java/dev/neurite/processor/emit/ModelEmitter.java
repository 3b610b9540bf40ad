package dev.neurite.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.neurite.dsl.GeneratedNetwork;
import dev.neurite.processor.plan.LayerPlan;
import dev.neurite.processor.plan.NetworkPlan;
import dev.neurite.processor.plan.Shape;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.Model;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.init.WeightInit;
import dev.neurite.runtime.train.TrainableModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import javax.lang.model.element.Modifier;

/**
 * Writes the Java source of one planned network: a final class implementing the runtime's
 * inference contract ({@link Model}, or {@link FloatModel}) and the trainer's
 * ({@link TrainableModel}), its sizes and tensor offsets as constants, and its passes written out
 * for exactly this network.
 */
public final class ModelEmitter {
  private static final TypeName DOUBLES = ArrayTypeName.of(TypeName.DOUBLE);

  private final NetworkPlan plan;
  private final NetworkSpec spec;
  private final NumericType t;
  private final boolean vectorApi;

  private ModelEmitter(NetworkPlan plan, boolean vectorApi) {
    this.plan = plan;
    this.spec = plan.spec();
    this.t = NumericType.of(spec.precision());
    this.vectorApi = vectorApi && plan.layers().stream().anyMatch(l -> l.shape() == Shape.LOOP);
  }

  /** Returns the generated source file of {@code plan}. */
  public static JavaFile emit(NetworkPlan plan) {
    return emit(plan, false);
  }

  /**
   * Returns the generated source file of {@code plan}, its loop layers written with the
   * incubating Vector API when {@code vectorApi} is set ({@code -Aneurite.vectorApi}).
   */
  public static JavaFile emit(NetworkPlan plan, boolean vectorApi) {
    return new ModelEmitter(plan, vectorApi).file();
  }

  private JavaFile file() {
    TypeSpec.Builder type = TypeSpec.classBuilder(plan.className())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(spec.precision() == Precision.FLOAT ? FloatModel.class : Model.class)
        .addSuperinterface(TrainableModel.class)
        .addAnnotation(AnnotationSpec.builder(GeneratedNetwork.class)
            .addMember("value", "$S", plan.sourceName()).build())
        .addJavadoc("The network declared by {@code $L}, compiled by Neurite: $L.\n\n"
            + "<p>Generated code: do not edit. Not thread-safe; use one instance per thread.\n",
            plan.sourceName(), describe());
    addConstants(type);
    if (vectorApi) {
      VectorTypes.addSpecies(type, t);
    }
    addState(type);
    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Creates the network with weights drawn from the declared seed.\n")
        .addStatement("this(SPEC.seed())")
        .build());
    // The field initializers are compiled into this constructor only: the other delegates.
    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Creates the network with weights drawn from {@code seed}, chosen at run time "
            + "(for example one\nper run of a seed search); {@link #spec()} keeps the declared "
            + "seed.\n")
        .addParameter(long.class, "seed")
        .addStatement("setParameters($T.initialize(SPEC, seed))", WeightInit.class)
        .build());
    boolean grouped = BatchedTraining.applies(plan);
    ContractMethods contract = new ContractMethods(plan, t, grouped);
    contract.addTo(type);
    new BatchPredict(plan, t, vectorApi).addTo(type);
    if (grouped) {
      new BatchedTraining(plan, t).addTo(type);
    }
    LayerPlan previous = null;
    boolean loops = false;
    for (LayerPlan layer : plan.layers()) {
      LayerEmitter emitter = vectorApi && layer.shape() == Shape.LOOP
          ? new VectorLoopLayerEmitter(layer, previous, t) : LayerEmitter.of(layer, previous, t);
      emitter.addTo(type);
      if (grouped) {
        emitter.addGroupTo(type);
      }
      if (BatchPredict.tiled(plan, vectorApi)) {
        emitter.addTileTo(type);
      }
      loops |= layer.shape() == Shape.LOOP;
      previous = layer;
    }
    if (loops) {
      type.addMethod(LoopLayerEmitter.transposeHelper(t));
    }
    if (plan.outputLayer().spec().activation() == Activation.SOFTMAX) {
      type.addMethod(softmax(t));
    }
    type.addMethods(ActivationCode.helpers(usedActivations(plan), t));
    return JavaFile.builder(plan.packageName(), FieldAllocation.withinBudget(type.build()))
        .addFileComment("Generated by Neurite from $L. Do not edit.", plan.sourceName())
        .skipJavaLangImports(true)
        .build();
  }

  /** Returns the activations of {@code plan}'s dense layers, in enum order. */
  static Set<Activation> usedActivations(NetworkPlan plan) {
    Set<Activation> used = EnumSet.noneOf(Activation.class);
    for (LayerPlan layer : plan.layers()) {
      if (layer.isDense()) {
        used.add(layer.spec().activation());
      }
    }
    return used;
  }

  private String describe() {
    StringBuilder s = new StringBuilder().append(spec.inputSize());
    for (LayerPlan layer : plan.layers()) {
      s.append(layer.isDense() ? "-" + layer.outputs() : " dropout " + layer.spec().rate());
    }
    return s.append(", ").append(spec.loss()).append(", ")
        .append(spec.precision().name().toLowerCase(java.util.Locale.ROOT)).toString();
  }

  private void addConstants(TypeSpec.Builder type) {
    type.addField(constant("INPUTS", spec.inputSize(), "The number of inputs of one sample."));
    type.addField(constant("OUTPUTS", spec.outputSize(), "The number of outputs of one sample."));
    type.addField(constant("PARAMETERS", spec.parameterCount(),
        "The number of trainable parameters."));
    for (LayerPlan layer : plan.layers()) {
      if (!layer.isDense()) {
        continue;
      }
      type.addField(constant(layer.weightName(), layer.weightOffset(), "Where layer "
          + layer.number() + "'s weights start: " + layer.outputs() + " rows of "
          + layer.inputs() + "."));
      type.addField(constant(layer.biasName(), layer.biasOffset(), "Where layer "
          + layer.number() + "'s biases start."));
    }
    type.addField(FieldSpec.builder(NetworkSpec.class, "SPEC",
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The description of this network.\n")
        .initializer(specInitializer(type))
        .build());
  }

  /** Returns a public int constant, shared with the frozen class. */
  static FieldSpec constant(String name, int value, String doc) {
    return FieldSpec.builder(TypeName.INT, name, Modifier.PUBLIC, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer("$L", value)
        .build();
  }

  /**
   * {@code NetworkSpec.of(...)} with the layers listed in place; a deep network's list goes to
   * {@code layers()}, in parts, since the static initializer is a method with a budget too.
   */
  private CodeBlock specInitializer(TypeSpec.Builder type) {
    List<CodeBlock> layers = new ArrayList<>();
    for (LayerSpec layer : spec.layers()) {
      layers.add(layer.kind() == LayerSpec.Kind.DROPOUT
          ? CodeBlock.of("$T.dropout($L)", LayerSpec.class, Double.toString(layer.rate()))
          : CodeBlock.of("$T.dense($L, $T.$L, $L, $L)", LayerSpec.class, layer.units(),
              Activation.class, layer.activation().name(),
              Double.toString(layer.activationParameter()), layer.hasBias()));
    }
    CodeBlock list = layers.size() <= MethodChunks.PER_METHOD
        ? CodeBlock.of("$T.asList($>$>\n$L)", Arrays.class, CodeBlock.join(layers, ",\n"))
        : CodeBlock.of("layers()$>$>");
    if (layers.size() > MethodChunks.PER_METHOD) {
      type.addMethod(layerList(type, layers));
    }
    return CodeBlock.builder()
        .add("$T.of($S, $L, $L,\n", NetworkSpec.class, spec.name(), spec.inputSize(), list)
        .add("$<$T.$L, $L$T.$L, $LL)$<", Loss.class, spec.loss().name(),
            spec.huberDelta() == Loss.DEFAULT_HUBER_DELTA ? "" : spec.huberDelta() + ", ",
            Precision.class, spec.precision().name(), spec.seed())
        .build();
  }

  private static MethodSpec layerList(TypeSpec.Builder type, List<CodeBlock> layers) {
    TypeName list = ParameterizedTypeName.get(List.class, LayerSpec.class);
    List<CodeBlock> adds = new ArrayList<>();
    layers.forEach(layer -> adds.add(CodeBlock.builder()
        .addStatement("layers.add($L)", layer).build()));
    return MethodSpec.methodBuilder("layers")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("The layers of {@link #SPEC}, in order.\n")
        .returns(list)
        .addStatement("$T layers = new $T<>($L)", list, ArrayList.class, layers.size())
        .addCode(MethodChunks.of(type, "layers",
            List.of(ParameterSpec.builder(list, "layers").build()), adds, Modifier.STATIC))
        .addStatement("return layers")
        .build();
  }

  private void addState(TypeSpec.Builder type) {
    type.addField(array("a0", "INPUTS", "The input of the last pass, in this precision."));
    for (LayerPlan layer : plan.layers()) {
      int n = layer.number();
      if (layer.isDense()) {
        type.addField(array("z" + n, layer.outputs(), "Layer " + n + "'s weighted sums."));
      }
      type.addField(array("a" + n, layer.outputs(), "Layer " + n + "'s outputs."));
      type.addField(array("d" + n, layer.outputs(),
          "The loss gradient with respect to z" + n + "."));
    }
    type.addField(FieldSpec.builder(DOUBLES, "output", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new double[OUTPUTS]").build());
    type.addField(FieldSpec.builder(DOUBLES, "outputGradient", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new double[OUTPUTS]").build());
    LossCode.addState(type, plan, t);
    if (plan.hasDropout()) {
      type.addField(FieldSpec.builder(boolean.class, "training", Modifier.PRIVATE)
          .addJavadoc("Whether forward passes drop values (see {@link #setTraining}).\n")
          .build());
      type.addField(FieldSpec.builder(SplittableRandom.class, "random", Modifier.PRIVATE)
          .addJavadoc("The stream dropout masks are drawn from.\n")
          .initializer("new $T(SPEC.seed())", SplittableRandom.class)
          .build());
    }
  }

  private FieldSpec array(String name, Object size, String doc) {
    return FieldSpec.builder(t.arrayType(), name, Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer("new $T[$L]", t.type(), size)
        .build();
  }

  /** Returns {@code softmax(z, y)}, shared with the frozen class. */
  static MethodSpec softmax(NumericType t) {
    return MethodSpec.methodBuilder("softmax")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Softmax of z into y, shifted by the maximum so no exponential overflows.\n")
        .addParameter(t.arrayType(), "z")
        .addParameter(t.arrayType(), "y")
        .addStatement("$T max = z[0]", t.type())
        .beginControlFlow("for (int k = 1; k < z.length; k++)")
        .addStatement("max = Math.max(max, z[k])")
        .endControlFlow()
        .addStatement("$T sum = 0", t.type())
        .beginControlFlow("for (int k = 0; k < z.length; k++)")
        .addStatement("y[k] = $LMath.exp(z[k] - max)", t.cast())
        .addStatement("sum += y[k]")
        .endControlFlow()
        .beginControlFlow("for (int k = 0; k < z.length; k++)")
        .addStatement("y[k] /= sum")
        .endControlFlow()
        .build();
  }
}
