package dev.neurite.processor;

/**
 * Where a {@code @Frozen} model file is looked up, as {@link Class#getResource} finds a resource
 * from a class: relative to the declaration's package, or from the root with a leading
 * {@code /}.
 *
 * @param packageName the package the relative name starts from ("" for the root)
 * @param relativeName the rest of the path, with {@code /} between directories
 */
record ModelResource(String packageName, String relativeName) {
  /** Returns where {@code model} is from {@code declarationPackage}, or null if no path. */
  static ModelResource of(String declarationPackage, String model) {
    boolean absolute = model.startsWith("/");
    String relative = absolute ? model.substring(1) : model;
    if (relative.isEmpty() || relative.endsWith("/") || relative.contains("\\")) {
      return null;
    }
    for (String segment : relative.split("/")) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return null;
      }
    }
    return new ModelResource(absolute ? "" : declarationPackage, relative);
  }

  /** Returns the path from the root of the source or class path, e.g. {@code test/x.nrt}. */
  String path() {
    return packageName.isEmpty() ? relativeName
        : packageName.replace('.', '/') + "/" + relativeName;
  }

  /** Returns the file's own name, without directories. */
  String fileName() {
    return relativeName.substring(relativeName.lastIndexOf('/') + 1);
  }

  /** Returns how an error message shows where it was looked for. */
  String describe() {
    return "/" + path();
  }
}
