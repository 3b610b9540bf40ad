package dev.neurite.processor.read;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Finds annotation trees in source through javac's tree API, for the places the element API
 * cannot point at. Absent (every lookup answers {@code null}) on compilers without that API.
 */
public final class AnnotationTrees {
  private final Trees trees;

  private AnnotationTrees(Trees trees) {
    this.trees = trees;
  }

  /**
   * Returns the tree lookups of {@code env}, looking through a build tool's wrapper to javac's
   * environment; or a stand-in that finds nothing off javac.
   */
  public static AnnotationTrees of(ProcessingEnvironment env) {
    ProcessingEnvironment layer = env;
    for (int depth = 0; layer != null && depth < WrappedEnvironments.MAX_DEPTH; depth++) {
      try {
        return new AnnotationTrees(Trees.instance(layer));
      } catch (IllegalArgumentException | LinkageError notJavacs) {
        layer = WrappedEnvironments.unwrap(layer); // a wrapper, perhaps: try what it wraps
      }
    }
    return new AnnotationTrees(null);
  }

  /** Returns the tree API, or {@code null} when the compiler has none. */
  public Trees trees() {
    return trees;
  }

  /**
   * Returns the paths of the annotations of type {@code qualifiedName} on {@code element}, in
   * source order; empty when the source is unavailable. The type is resolved, not read: a user's
   * own {@code @Dense} next to Neurite's is not Neurite's.
   */
  public List<TreePath> annotations(Element element, String qualifiedName) {
    List<TreePath> found = new ArrayList<>();
    TreePath path = trees == null ? null : trees.getPath(element);
    if (path == null) {
      return found;
    }
    ModifiersTree modifiers = modifiers(path.getLeaf());
    if (modifiers == null) {
      return found;
    }
    TreePath modifiersPath = new TreePath(path, modifiers);
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      TreePath annotationPath = new TreePath(modifiersPath, annotation);
      if (isOfType(annotationPath, annotation, qualifiedName)) {
        found.add(annotationPath);
      }
    }
    return found;
  }

  /** By the resolved type where javac resolved it, else by the simple name as written. */
  private boolean isOfType(TreePath path, AnnotationTree annotation, String qualifiedName) {
    Element type = trees.getElement(new TreePath(path, annotation.getAnnotationType()));
    if (type instanceof TypeElement resolved) {
      return resolved.getQualifiedName().contentEquals(qualifiedName);
    }
    String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    return simpleName(annotation.getAnnotationType()).equals(simpleName);
  }

  /** Returns the path of argument {@code attribute} of an annotation, or the annotation's. */
  public static TreePath argument(TreePath annotation, String attribute) {
    for (ExpressionTree argument : ((AnnotationTree) annotation.getLeaf()).getArguments()) {
      if (argument instanceof AssignmentTree assignment
          && simpleName(assignment.getVariable()).equals(attribute)) {
        return new TreePath(annotation, assignment.getExpression());
      }
      if (!(argument instanceof AssignmentTree) && attribute.equals("value")) {
        return new TreePath(annotation, argument);
      }
    }
    return annotation;
  }

  private static ModifiersTree modifiers(Tree tree) {
    if (tree instanceof com.sun.source.tree.ClassTree c) {
      return c.getModifiers();
    }
    if (tree instanceof com.sun.source.tree.VariableTree v) {
      return v.getModifiers();
    }
    if (tree instanceof com.sun.source.tree.MethodTree m) {
      return m.getModifiers();
    }
    return null;
  }

  private static String simpleName(Tree tree) {
    if (tree instanceof IdentifierTree id) {
      return id.getName().toString();
    }
    if (tree instanceof MemberSelectTree select) {
      return select.getIdentifier().toString();
    }
    return tree.toString();
  }
}
