package dev.neurite.processor.validate;

import dev.neurite.dsl.Networks;
import dev.neurite.dsl.SequentialBuilder;
import dev.neurite.processor.read.BuilderChain;
import dev.neurite.processor.read.BuilderChain.Argument;
import dev.neurite.processor.read.BuilderChain.Call;
import dev.neurite.processor.read.Declaration;
import dev.neurite.processor.read.Location;
import dev.neurite.runtime.InvalidSpecException;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.SpecProblem;
import dev.neurite.runtime.SpecValidator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Judges a builder chain and replays it on the real builder ({@link Networks#sequential}), so
 * that the spec compiled is the spec the field holds at run time: one meaning, no second
 * interpretation of the builder. Spec rules come from the builder's own {@code build()} (the
 * runtime's catalogue); each problem is pinned on the call, or the argument, at fault.
 */
public final class BuilderChainValidator {
  /**
   * Where a layer's attribute sits among the arguments of the call that added the layer: the
   * builder's signatures are {@code dense(units, activation[, alpha])} and {@code dropout(rate)}.
   */
  private static final Map<String, Integer> LAYER_ARGUMENT =
      Map.of("units", 0, "activation", 1, "activationParameter", 2, "rate", 0);
  private static final String BUILD = "build";

  /**
   * What a chain yields: a declaration to compile, or the problems that prevent it.
   *
   * @param declaration the network read, or {@code null} when there are problems
   * @param problems every problem found, each at its place in the chain
   */
  public record Result(Declaration declaration, List<Problem> problems) {}

  /** Returns the declaration of {@code chain}, or every problem that prevents one. */
  public Result validate(BuilderChain chain) {
    List<Problem> problems = new ArrayList<>();
    if (!chain.treeApi()) {
      problems.add(new Problem(ProcessorRule.BUILDER_NEEDS_JAVAC.format(), chain.field()));
      return new Result(null, problems);
    }
    checkField(chain, problems);
    if (!chain.staticFinalSpec()) {
      return new Result(null, problems); // the wrong kind of field: its chain is beside the point
    }
    if (!chain.startsAtSequential()) {
      problems.add(notAChain(chain));
      return new Result(null, problems);
    }
    checkCalls(chain, problems);
    return problems.isEmpty() ? replay(chain) : new Result(null, problems);
  }

  private static Problem notAChain(BuilderChain chain) {
    if (chain.initializer() == null) {
      return new Problem(ProcessorRule.BUILDER_START.format("it has no initializer"),
          chain.field());
    }
    if (chain.calls().isEmpty()) {
      return new Problem(ProcessorRule.BUILDER_START.format(
          "it is `" + chain.initializer().getLeaf() + "`"), at(chain, chain.initializer()));
    }
    Call start = chain.calls().get(0);
    return new Problem(ProcessorRule.BUILDER_START.format(
        "it starts with `" + start.tree().getLeaf() + "`"), at(chain, start.name()));
  }

  private static void checkField(BuilderChain chain, List<Problem> problems) {
    if (!chain.staticFinalSpec()) {
      String name = chain.sourceName().substring(chain.sourceName().lastIndexOf('.') + 1);
      problems.add(new Problem(ProcessorRule.BUILDER_FIELD.format(name, chain.declaredAs()),
          chain.field()));
    }
    for (Location attribute : chain.attributes()) {
      problems.add(new Problem(ProcessorRule.BUILDER_ATTRIBUTES.format(), attribute));
    }
  }

  private static void checkCalls(BuilderChain chain, List<Problem> problems) {
    List<Call> calls = chain.calls();
    for (Call call : calls) {
      for (Argument argument : call.arguments()) {
        if (!argument.constant()) {
          problems.add(new Problem(ProcessorRule.BUILDER_CONSTANT.format(argument.source()),
              at(chain, argument.tree())));
        }
      }
    }
    for (int i = 1; i < calls.size(); i++) {
      Call call = calls.get(i);
      boolean last = i == calls.size() - 1;
      Method method = builderMethod(call);
      boolean isBuild = call.method().equals(BUILD) && call.arguments().isEmpty();
      if (method == null && !isBuild) {
        problems.add(new Problem(ProcessorRule.BUILDER_METHOD.format(signature(call),
            chainMethods()), at(chain, call.name())));
      } else if (last && !isBuild) {
        problems.add(new Problem(ProcessorRule.BUILDER_BUILD.format(call.method()),
            at(chain, call.name())));
      }
    }
    if (calls.size() == 1) {
      problems.add(new Problem(ProcessorRule.BUILDER_BUILD.format(calls.get(0).method()),
          at(chain, calls.get(0).name())));
    }
  }

  private static Result replay(BuilderChain chain) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Location> locations = new HashMap<>();
    List<Call> calls = chain.calls();
    Call start = calls.get(0);
    Call build = calls.get(calls.size() - 1);
    locations.put("name", argumentOr(chain, start, 0));
    for (String attribute : new String[] {"input", "loss", "precision", "seed", "layers"}) {
      locations.put(attribute, at(chain, build.name()));
    }
    SequentialBuilder builder;
    try {
      builder = (SequentialBuilder) invoke(Networks.class, null, start);
    } catch (IllegalArgumentException | IllegalStateException e) {
      problems.add(new Problem(ProcessorRule.BUILDER_CALL.format(e.getMessage()),
          at(chain, start.name())));
      return new Result(null, problems);
    }
    for (Call call : calls.subList(1, calls.size() - 1)) {
      int layer = builder.layerCount();
      try {
        invoke(SequentialBuilder.class, builder, call);
      } catch (IllegalArgumentException | IllegalStateException e) {
        problems.add(new Problem(ProcessorRule.BUILDER_CALL.format(e.getMessage()),
            at(chain, call.name())));
        continue; // the builder is as before the call: the rest still tells
      }
      locate(chain, call, layer, builder.layerCount() > layer, locations);
    }
    return build(builder, chain, locations, problems);
  }

  /** The last call of a network attribute wins, as in the builder; a layer owns its call. */
  private static void locate(BuilderChain chain, Call call, int layer, boolean addedLayer,
      Map<String, Location> locations) {
    if (!addedLayer) {
      locations.put(call.method(), argumentOr(chain, call, 0));
      return;
    }
    locations.put(String.valueOf(layer), at(chain, call.name()));
    LAYER_ARGUMENT.forEach((attribute, index) -> {
      if (index < call.arguments().size()) {
        locations.put(layer + "." + attribute, argumentOr(chain, call, index));
      }
    });
  }

  /**
   * Builds the spec, or reports every problem at once, as the annotated form does: the calls
   * refused, the spec rules {@code build()} reports and, for a trained network, the training
   * rules (which a successful build leaves to {@link DeclarationValidator}).
   */
  private static Result build(SequentialBuilder builder, BuilderChain chain,
      Map<String, Location> locations, List<Problem> problems) {
    NetworkSpec spec = null;
    try {
      spec = builder.build();
    } catch (InvalidSpecException e) {
      for (SpecProblem p : e.problems()) {
        problems.add(new Problem(p.message(), locate(locations, chain.field(), p)));
      }
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(ProcessorRule.BUILDER_CALL.format(e.getMessage()),
          locations.get("layers")));
    }
    if (problems.isEmpty()) {
      return new Result(new Declaration(chain.packageName(), chain.sourceName(), spec.name(),
          spec.inputSize(), spec.layers(), List.of(spec.loss()), spec.huberDelta(),
          spec.precision(), spec.seed(), chain.trainable(), chain.field(),
          Map.copyOf(locations)), List.of());
    }
    if (chain.trainable()) {
      for (SpecProblem p : SpecValidator.trainingProblems(builder.layers())) {
        problems.add(new Problem(p.message(), locate(locations, chain.field(), p)));
      }
    }
    return new Result(null, problems);
  }

  /** The same fallback as {@link Declaration#locate}: the attribute, its layer, the field. */
  private static Location locate(Map<String, Location> locations, Location field, SpecProblem p) {
    if (p.layer() < 0) {
      return locations.getOrDefault(p.attribute(), field);
    }
    Location exact = locations.get(p.layer() + "." + p.attribute());
    return exact != null ? exact : locations.getOrDefault(String.valueOf(p.layer()), field);
  }

  /** Calls the real method; builder refusals come back as the builder threw them. */
  private static Object invoke(Class<?> owner, Object target, Call call) {
    Method method = method(owner, call);
    Object[] arguments = new Object[call.arguments().size()];
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = Conversions.to(method.getParameterTypes()[i],
          call.arguments().get(i).value(), call.arguments().get(i).source());
    }
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException refused) {
        throw refused;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Method method(Class<?> owner, Call call) {
    for (Method m : owner.getMethods()) {
      if (m.getName().equals(call.method())
          && m.getParameterCount() == call.arguments().size()
          && Modifier.isPublic(m.getModifiers())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        signature(call) + " is not a public method of " + owner.getSimpleName());
  }

  /** Returns the builder method a chain call names, or {@code null} if there is none. */
  private static Method builderMethod(Call call) {
    for (Method m : SequentialBuilder.class.getDeclaredMethods()) {
      if (isChainMethod(m) && m.getName().equals(call.method())
          && m.getParameterCount() == call.arguments().size()) {
        return m;
      }
    }
    return null;
  }

  private static boolean isChainMethod(Method m) {
    return Modifier.isPublic(m.getModifiers()) && m.getReturnType() == SequentialBuilder.class;
  }

  private static String chainMethods() {
    TreeSet<String> names = new TreeSet<>();
    for (Method m : SequentialBuilder.class.getDeclaredMethods()) {
      if (isChainMethod(m)) {
        names.add(m.getName());
      }
    }
    return String.join(", ", names) + " and " + BUILD;
  }

  private static String signature(Call call) {
    return call.method() + "(" + (call.arguments().isEmpty() ? "" : "...") + ")";
  }

  private static Location argumentOr(BuilderChain chain, Call call, int index) {
    return index < call.arguments().size()
        ? at(chain, call.arguments().get(index).tree()) : at(chain, call.name());
  }

  private static Location at(BuilderChain chain, com.sun.source.util.TreePath tree) {
    return new Location(chain.field().element(), null, null, tree);
  }
}
