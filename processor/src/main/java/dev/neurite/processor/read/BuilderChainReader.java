package dev.neurite.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.neurite.dsl.Network;
import dev.neurite.dsl.Networks;
import dev.neurite.processor.read.BuilderChain.Argument;
import dev.neurite.processor.read.BuilderChain.Call;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * Reads the fluent-builder form: {@code @Network} on a field whose initializer is a chain from
 * {@code Networks.sequential(...)} to {@code build()}, through javac's tree API. It evaluates
 * each argument as a compile-time constant (a literal, possibly negated; a constant field; an
 * enum constant of the runtime) and judges nothing: the validator replays the chain on the real
 * builder. Decisions come from the field's own declaration and initializer (Gradle's isolating
 * rule); constant fields elsewhere are read through their elements, as javac inlines them.
 */
public final class BuilderChainReader {
  private static final String NETWORK = Network.class.getCanonicalName();
  private static final String TRAINABLE = "trainable";
  private static final String SPEC = NetworkSpec.class.getCanonicalName();
  private static final String NETWORKS = Networks.class.getCanonicalName();
  private static final List<Class<? extends Enum<?>>> ENUMS =
      List.of(Activation.class, Loss.class, Precision.class);

  private final Elements elements;
  private final Trees trees;

  /**
   * Creates a reader that finds source trees through {@code trees} (absent off javac: every
   * chain then reads as unavailable).
   */
  public BuilderChainReader(Elements elements, AnnotationTrees trees) {
    this.elements = elements;
    this.trees = trees.trees();
  }

  /** Returns the chain that initializes {@code field}, as written. */
  public BuilderChain read(VariableElement field) {
    AnnotationMirror network = networkAnnotation(field);
    TreePath declaration = trees == null ? null : trees.getPath(field);
    Location at = new Location(field, null, null, declaration);
    TreePath initializer = initializer(declaration);
    List<Call> calls = initializer == null ? List.of() : calls(initializer);
    return new BuilderChain(packageOf(field), sourceName(field), at, trees != null,
        isStaticFinalSpec(field), declaredAs(field), attributes(field, network),
        trainable(network), initializer, !calls.isEmpty() && isSequential(calls.get(0)), calls);
  }

  private static TreePath initializer(TreePath path) {
    if (path == null || !(path.getLeaf() instanceof VariableTree variable)
        || variable.getInitializer() == null) {
      return null;
    }
    return new TreePath(path, variable.getInitializer());
  }

  /** Walks from the outermost call ({@code build()}) in to the start, then reverses. */
  private List<Call> calls(TreePath expression) {
    List<Call> calls = new ArrayList<>();
    TreePath path = unparenthesized(expression);
    while (path != null && path.getLeaf() instanceof MethodInvocationTree invocation) {
      TreePath select = new TreePath(path, invocation.getMethodSelect());
      List<Argument> arguments = new ArrayList<>();
      for (ExpressionTree argument : invocation.getArguments()) {
        TreePath argumentPath = new TreePath(path, argument);
        arguments.add(new Argument(constant(argumentPath), argumentPath));
      }
      calls.add(new Call(methodName(select.getLeaf()), List.copyOf(arguments), path, select));
      path = select.getLeaf() instanceof MemberSelectTree member
          ? unparenthesized(new TreePath(select, member.getExpression())) : null;
    }
    Collections.reverse(calls);
    return List.copyOf(calls);
  }

  private boolean isSequential(Call start) {
    Element method = trees.getElement(start.name());
    return method instanceof ExecutableElement
        && method.getSimpleName().contentEquals("sequential")
        && method.getEnclosingElement() instanceof TypeElement type
        && type.getQualifiedName().contentEquals(NETWORKS);
  }

  /** Returns the value of a compile-time constant javac would inline, else {@code null}. */
  private Object constant(TreePath path) {
    Tree tree = path.getLeaf();
    if (tree instanceof ParenthesizedTree parenthesized) {
      return constant(new TreePath(path, parenthesized.getExpression()));
    }
    if (tree instanceof LiteralTree literal) {
      return literal.getValue();
    }
    // javac parses -7 as one literal; a unary minus remains in -CONSTANT and -(7)
    if (tree instanceof UnaryTree unary && (tree.getKind() == Tree.Kind.UNARY_MINUS
        || tree.getKind() == Tree.Kind.UNARY_PLUS)) {
      Object operand = constant(new TreePath(path, unary.getExpression()));
      return tree.getKind() == Tree.Kind.UNARY_PLUS ? number(operand) : negated(operand);
    }
    if (tree instanceof IdentifierTree || tree instanceof MemberSelectTree) {
      return constantOf(trees.getElement(path));
    }
    return null;
  }

  private static Object constantOf(Element element) {
    if (!(element instanceof VariableElement variable)) {
      return null;
    }
    if (variable.getKind() == ElementKind.ENUM_CONSTANT) {
      return runtimeEnum(variable);
    }
    return variable.getConstantValue();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object runtimeEnum(VariableElement constant) {
    String type = ((TypeElement) constant.getEnclosingElement()).getQualifiedName().toString();
    for (Class<? extends Enum<?>> e : ENUMS) {
      if (e.getCanonicalName().equals(type)) {
        return Enum.valueOf((Class) e, constant.getSimpleName().toString());
      }
    }
    return null;
  }

  private static Object number(Object value) {
    return value instanceof Number ? value : null;
  }

  private static Object negated(Object value) {
    if (value instanceof Integer i) {
      return -i;
    }
    if (value instanceof Long l) {
      return -l;
    }
    if (value instanceof Double d) {
      return -d;
    }
    if (value instanceof Float f) {
      return -f;
    }
    return null;
  }

  private static TreePath unparenthesized(TreePath path) {
    while (path.getLeaf() instanceof ParenthesizedTree parenthesized) {
      path = new TreePath(path, parenthesized.getExpression());
    }
    return path;
  }

  private static String methodName(Tree select) {
    if (select instanceof MemberSelectTree member) {
      return member.getIdentifier().toString();
    }
    return select instanceof IdentifierTree id ? id.getName().toString() : select.toString();
  }

  private static boolean isStaticFinalSpec(VariableElement field) {
    return field.getModifiers().contains(Modifier.STATIC)
        && field.getModifiers().contains(Modifier.FINAL)
        && declaredType(field) != null
        && declaredType(field).getQualifiedName().contentEquals(SPEC);
  }

  /**
   * The type's element, not its text: a TYPE_USE annotation ({@code @Nullable NetworkSpec})
   * is part of the type's text but not of its element.
   */
  private static TypeElement declaredType(VariableElement field) {
    return field.asType().getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) field.asType()).asElement() : null;
  }

  private static String declaredAs(VariableElement field) {
    StringBuilder s = new StringBuilder();
    for (Modifier m : field.getModifiers()) {
      s.append(m).append(' ');
    }
    TypeElement type = declaredType(field);
    return s.append(type != null ? type.getSimpleName() : field.asType()).toString();
  }

  private static List<Location> attributes(VariableElement field, AnnotationMirror network) {
    List<Location> set = new ArrayList<>();
    if (network != null) {
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
          : network.getElementValues().entrySet()) {
        if (!e.getKey().getSimpleName().contentEquals(TRAINABLE)) {
          set.add(Location.of(field, network, e.getValue()));
        }
      }
    }
    return List.copyOf(set);
  }

  /** Whether the network is trained is not part of its spec, so the annotation says it. */
  private static boolean trainable(AnnotationMirror network) {
    if (network != null) {
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
          : network.getElementValues().entrySet()) {
        if (e.getKey().getSimpleName().contentEquals(TRAINABLE)) {
          return Boolean.TRUE.equals(e.getValue().getValue());
        }
      }
    }
    return true;
  }

  private static AnnotationMirror networkAnnotation(Element field) {
    for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(NETWORK)) {
        return mirror;
      }
    }
    return null;
  }

  private String packageOf(Element field) {
    PackageElement pkg = elements.getPackageOf(field);
    return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
  }

  private static String sourceName(VariableElement field) {
    return ((TypeElement) field.getEnclosingElement()).getQualifiedName() + "."
        + field.getSimpleName();
  }
}
