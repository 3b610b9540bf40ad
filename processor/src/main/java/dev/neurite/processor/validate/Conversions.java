package dev.neurite.processor.validate;

/**
 * Converts a constant read from source to a builder parameter's type, the way javac's method
 * invocation conversion would (widening of primitives, boxing), for the replay of a chain.
 */
final class Conversions {
  private Conversions() {}

  /**
   * Returns {@code value} as a {@code type}.
   *
   * @throws IllegalArgumentException saying what was expected and what came
   */
  static Object to(Class<?> type, Object value, String source) {
    if (type == int.class && isIntLike(value)) {
      return value instanceof Character c ? (int) c : ((Number) value).intValue();
    }
    if (type == long.class && (isIntLike(value) || value instanceof Long)) {
      return value instanceof Character c ? (long) c : ((Number) value).longValue();
    }
    if (type == double.class && (value instanceof Number || value instanceof Character)) {
      return value instanceof Character c ? (double) c : ((Number) value).doubleValue();
    }
    if (type == boolean.class && value instanceof Boolean) {
      return value;
    }
    if (!type.isPrimitive() && type.isInstance(value)) {
      return value;
    }
    throw new IllegalArgumentException("expected a " + type.getSimpleName() + ", but `" + source
        + "` is a " + value.getClass().getSimpleName());
  }

  private static boolean isIntLike(Object value) {
    return value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof Character;
  }
}
