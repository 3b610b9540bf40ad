package dev.neurite.processor.read;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Finds javac's own processing environment inside a build tool's wrapper. Gradle hands isolating
 * and aggregating processors a delegating environment (to watch the Filer), IntelliJ a proxy;
 * javac's tree API only accepts its own class, so without this the builder form and the precise
 * positions of repeated {@code @Dense} would be lost exactly in incremental Gradle builds.
 */
final class WrappedEnvironments {
  /** Wrappers seen in practice nest once or twice; the bound only stops a cycle. */
  static final int MAX_DEPTH = 4;

  private WrappedEnvironments() {}

  /**
   * Returns the environment {@code env} delegates to (a field of type, or holding, a
   * {@link ProcessingEnvironment} in it or in its proxy's handler), or {@code null} if none.
   */
  static ProcessingEnvironment unwrap(ProcessingEnvironment env) {
    Object holder = Proxy.isProxyClass(env.getClass()) ? Proxy.getInvocationHandler(env) : env;
    for (Class<?> c = holder.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        Object value = read(field, holder);
        if (value instanceof ProcessingEnvironment inner && inner != env) {
          return inner;
        }
      }
    }
    return null;
  }

  private static Object read(Field field, Object holder) {
    if (field.getType().isPrimitive() || Modifier.isStatic(field.getModifiers())) {
      return null;
    }
    try {
      field.setAccessible(true);
      return field.get(holder);
    } catch (RuntimeException | IllegalAccessException inaccessible) {
      return null; // a module that does not open the wrapper: no tree API, errors less precise
    }
  }
}
