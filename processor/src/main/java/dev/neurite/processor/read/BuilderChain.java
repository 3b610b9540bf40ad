package dev.neurite.processor.read;

import com.sun.source.util.TreePath;
import java.util.List;

/**
 * A fluent-builder declaration as written in source, before it is judged: the field, and the
 * calls of its initializer from {@code Networks.sequential(...)} on, each argument evaluated as a
 * compile-time constant where it is one.
 *
 * @param packageName the package of the field's class, where the generated class goes
 * @param sourceName the field's qualified name ({@code pkg.Models.IRIS}), for the header
 * @param field where the field is declared: the originating element of the output
 * @param treeApi whether the compiler offers javac's tree API; without it nothing else is known
 * @param staticFinalSpec whether the field is declared {@code static final NetworkSpec}
 * @param declaredAs the field's modifiers and type as declared, for messages
 * @param attributes where each attribute explicitly set on {@code @Network} is written, except
 *     {@code trainable}, the one that applies to a builder field too
 * @param trainable {@code @Network(trainable = ...)}: whether the network is trained
 * @param initializer the initializer expression, or {@code null} when there is none
 * @param startsAtSequential whether the first call is {@code dev.neurite.dsl.Networks.sequential}
 * @param calls the calls of the chain in source order, the first being the start
 */
public record BuilderChain(
    String packageName,
    String sourceName,
    Location field,
    boolean treeApi,
    boolean staticFinalSpec,
    String declaredAs,
    List<Location> attributes,
    boolean trainable,
    TreePath initializer,
    boolean startsAtSequential,
    List<Call> calls) {

  /**
   * One call of the chain.
   *
   * @param method the method's simple name
   * @param arguments the arguments, in order
   * @param tree the whole invocation, for errors about the call
   * @param name the method name (the member select), for errors about which method
   */
  public record Call(String method, List<Argument> arguments, TreePath tree, TreePath name) {}

  /**
   * One argument of a call.
   *
   * @param value the constant value (an enum constant as the runtime's enum), or {@code null}
   *     when the argument is not a compile-time constant the processor can read
   * @param tree the argument's tree, where errors about it point
   */
  public record Argument(Object value, TreePath tree) {
    /** Returns whether the argument's value is known at compile time. */
    public boolean constant() {
      return value != null;
    }

    /** Returns the argument as written in source. */
    public String source() {
      return tree.getLeaf().toString();
    }
  }
}
