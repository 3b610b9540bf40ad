package dev.neurite.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.util.TreePath;
import dev.neurite.processor.validate.ExistingType;
import dev.neurite.processor.validate.Surroundings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/** The {@link Surroundings} of a declaration in javac's compilation. */
public final class CompilationSurroundings implements Surroundings {
  private final Elements elements;
  private final AnnotationTrees trees;
  private final Map<String, String> generated;

  /**
   * Looks up types through {@code elements}, imports through {@code trees}, and first in
   * {@code generated}: the classes generated in this run, by qualified name, with the
   * declaration each came from.
   */
  public CompilationSurroundings(
      Elements elements, AnnotationTrees trees, Map<String, String> generated) {
    this.elements = elements;
    this.trees = trees;
    this.generated = generated;
  }

  @Override
  public Optional<ExistingType> type(String qualifiedName) {
    String from = generated.get(qualifiedName);
    return from != null ? Optional.of(new ExistingType(from))
        : Annotations.existing(elements, qualifiedName);
  }

  /**
   * On javac only: ECJ answers every name with a package, which then exists, and collides with
   * the class generated under that name.
   */
  @Override
  public boolean isPackage(String qualifiedName) {
    if (trees.trees() == null) {
      return false;
    }
    PackageElement found = elements.getPackageElement(qualifiedName);
    return found != null && !found.getEnclosedElements().isEmpty();
  }

  /** Off javac (no tree API) only {@code java.lang}, which every file imports. */
  @Override
  public List<String> packagesImportedOnDemand(Declaration declaration) {
    List<String> packages = new ArrayList<>(List.of("java.lang"));
    TreePath path = trees.trees() == null ? null
        : trees.trees().getPath(declaration.origin().element());
    if (path == null) {
      return packages;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    for (ImportTree imported : unit.getImports()) {
      if (!imported.isStatic() && imported.getQualifiedIdentifier() instanceof MemberSelectTree
          select && select.getIdentifier().contentEquals("*")) {
        packages.add(select.getExpression().toString());
      }
    }
    return packages;
  }
}
