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
  /** Two declarations would generate the same class. */
  NAME_DUPLICATE("NeuriteNameDuplicate",
      "the generated class %s is also generated from %s; give one of them another name with "
          + "@Network(name = \"...\")"),
  /** A network declaration sits on an element kind that cannot hold one. */
  ELEMENT_KIND("NeuriteElementKind",
      "@Network must be on a class, but was on %s; declare the network on a class that carries "
          + "its @Input and @Dense annotations"),
  /** A {@code -Aneurite.*} option the processor does not have, probably misspelled. */
  OPTION_UNKNOWN("NeuriteOptionUnknown",
      "-A%s is not a Neurite option; did you mean %s? The options are: %s"),
  /** A processor option whose value cannot be used. */
  OPTION_VALUE("NeuriteOptionValue", "-A%s must be %s, but was \"%s\""),
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
