package dev.neurite.processor.validate;

/**
 * A type that already exists under the name a declaration would generate.
 *
 * @param generatedFrom the declaration whose generated class it is (its marker says so), or
 *     {@code null} for any other type
 */
public record ExistingType(String generatedFrom) {}
