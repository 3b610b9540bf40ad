package dev.neurite.processor.validate;

import dev.neurite.processor.read.Declaration;
import java.util.List;
import java.util.Optional;

/**
 * What a declaration's generated class would meet in the compilation: the checks that look
 * beyond the declaration itself, which only ever add errors.
 */
public interface Surroundings {
  /**
   * Returns what already exists under a qualified type name (in the compilation, or generated
   * earlier in this run).
   */
  Optional<ExistingType> type(String qualifiedName);

  /** Returns whether a package of this qualified name exists. */
  boolean isPackage(String qualifiedName);

  /**
   * Returns the packages whose types the declaring file sees by simple name through an
   * on-demand import ({@code import p.*;}), {@code java.lang} first.
   */
  List<String> packagesImportedOnDemand(Declaration declaration);
}
