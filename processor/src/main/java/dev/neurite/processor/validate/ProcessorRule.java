package dev.neurite.processor.validate;

import java.util.Locale;

/**
 * The catalogue of rules only the processor can check (the rules of a network itself are the
 * runtime's {@link dev.neurite.runtime.SpecRule}s): each with a stable id and a message that says
 * what must hold, what was found, and what to do.
 */
public enum ProcessorRule {
  /** A network class says nothing about its input. */
  INPUT_MISSING("NeuriteInputMissing",
      "a network must declare its input size; add @Input(n) with the number of features of one "
          + "sample, e.g. @Input(4)"),
  /** Layer annotations on a class without {@code @Network} would silently generate nothing. */
  NETWORK_MISSING("NeuriteNetworkMissing",
      "@Input and @Dense describe a network only next to @Network, which %s lacks; add "
          + "@Network(loss = ...) to generate the network, or remove them"),
  /** The generated class would replace a type that already exists. */
  NAME_CLASH("NeuriteNameClash",
      "the generated class %s already exists; choose another name with @Network(name = \"...\")"),
  /** The generated class would hide a type the declaring file uses by its simple name. */
  NAME_HIDES("NeuriteNameHides",
      "the generated class %s would hide %s, which %s; choose another name with "
          + "@Network(name = \"...\")"),
  /** A class cannot share its qualified name with a package. */
  NAME_PACKAGE("NeuriteNamePackage",
      "the generated class %s would have the name of the package %s; choose another name with "
          + "@Network(name = \"...\")"),
  /** The file system refused the generated file. */
  FILE_WRITE("NeuriteFileWrite",
      "the generated class %s could not be written: %s; a name must suit the file system that "
          + "holds the generated sources (its length, its characters), so choose a shorter or "
          + "plainer name, or check that the output directory is writable"),
  /** {@code @Network(loss = ...)} takes exactly one loss. */
  LOSS_COUNT("NeuriteLossCount",
      "@Network takes exactly one loss, but %s were given; keep the one the network is "
          + "trained against"),
  /**
   * Deeper networks than this would overflow the generated class's constant pool (each layer
   * brings its own fields and methods).
   */
  LAYER_COUNT("NeuriteLayerCount",
      "a generated network has at most %s layers (dropout included), but this one has %s; "
          + "the class file would overflow, so use fewer, wider layers"),
  /** Two declarations would generate the same class. */
  NAME_DUPLICATE("NeuriteNameDuplicate",
      "the generated class %s is also generated from %s; give one of them another name with "
          + "@Network(name = \"...\")"),
  /** A network declaration sits on an element kind that cannot hold one. */
  ELEMENT_KIND("NeuriteElementKind",
      "@Network must be on a class or on a static final NetworkSpec field, but was on %s; "
          + "declare the network on a class that carries its @Input and @Dense annotations, or "
          + "on a field initialized by Networks.sequential(...)"),
  /** A {@code -Aneurite.*} option the processor does not have, probably misspelled. */
  OPTION_UNKNOWN("NeuriteOptionUnknown",
      "-A%s is not a Neurite option; did you mean %s? The options are: %s"),
  /** A processor option whose value cannot be used. */
  OPTION_VALUE("NeuriteOptionValue", "-A%s must be %s, but was \"%s\""),
  /** A builder declaration is read from source, which needs javac's tree API. */
  BUILDER_NEEDS_JAVAC("NeuriteBuilderNeedsJavac",
      "a builder declaration is read from its source through javac's tree API, which this "
          + "compiler does not offer; compile with javac, or declare the network as an annotated "
          + "class (@Network, @Input, @Dense) instead"),
  /** The builder form needs a field the generated class can stand for. */
  BUILDER_FIELD("NeuriteBuilderField",
      "@Network must be on a static final NetworkSpec field, but %s is declared `%s`"),
  /** On a builder field, the chain declares everything. */
  BUILDER_ATTRIBUTES("NeuriteBuilderAttributes",
      "@Network on a builder field takes no attributes but trainable; set the name, loss, "
          + "precision and seed in the builder chain"),
  /** The processor only knows chains from the builder's entry point. */
  BUILDER_START("NeuriteBuilderStart",
      "a @Network field must be initialized by a chain that starts at "
          + "Networks.sequential(\"Name\") and ends with .build(), but %s"),
  /** The chain must produce the spec the field holds. */
  BUILDER_BUILD("NeuriteBuilderBuild",
      "the builder chain must end with .build(), but it ends with .%s(...)"),
  /** A call that is not a method of the builder cannot be replayed. */
  BUILDER_METHOD("NeuriteBuilderMethod",
      "%s is not a method of the network builder; the builder has %s"),
  /** The processor replays the chain at compile time, so it must know every argument. */
  BUILDER_CONSTANT("NeuriteBuilderConstant",
      "arguments of the builder must be compile-time constants the processor reads: a literal, "
          + "a static final constant field or an enum constant, but `%s` is none of these; write "
          + "the value, or declare a constant for it"),
  /** A builder call refused its arguments, as it would at run time. */
  BUILDER_CALL("NeuriteBuilderCall", "this builder call fails: %s"),
  /** {@code @Frozen} freezes a declared network; alone it has nothing to freeze. */
  FROZEN_NETWORK_MISSING("NeuriteFrozenNetworkMissing",
      "@Frozen freezes a declared network, but %s has no @Network; declare the network next to "
          + "it (@Network with @Input and @Dense, or @Network on a builder field)"),
  /** The frozen class needs a name of its own. */
  FROZEN_NAME("NeuriteFrozenName",
      "the frozen class's name must be a Java identifier other than the network class %s, but "
          + "was \"%s\"; choose another with @Frozen(name = \"...\")"),
  /** The model file to freeze is not where javac can read it. */
  FROZEN_MODEL_MISSING("NeuriteFrozenModelMissing",
      "model file \"%s\" is neither on the source path nor on the class path (looked up as %s); "
          + "put it there: in Maven, under src/main/resources/%s, which is copied to the class "
          + "path before compiling"),
  /** The model file to freeze is not a sound model file. */
  FROZEN_MODEL_UNREADABLE("NeuriteFrozenModelUnreadable",
      "%s; save the trained model again with ModelFile.save, or name another file"),
  /** The model file holds another network than the declaration. */
  FROZEN_MODEL_SHAPE("NeuriteFrozenModelShape",
      "%s; freeze a model file trained from this declaration, or declare the network it holds"),
  /** Something went wrong inside the processor itself. */
  INTERNAL_ERROR("NeuriteInternalError",
      "internal error while compiling this network; this is a bug in Neurite, please report it "
          + "with this message: %s");

  private final String id;
  private final String template;

  ProcessorRule(String id, String template) {
    this.id = id;
    this.template = template;
  }

  /** Returns the stable id that starts every message of this rule, without brackets. */
  public String id() {
    return id;
  }

  /** Returns the full message for the given values: {@code [Id] text}. */
  public String format(Object... values) {
    return "[" + id + "] " + String.format(Locale.ROOT, template, values);
  }
}
