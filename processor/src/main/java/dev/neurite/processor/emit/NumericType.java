package dev.neurite.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.TypeName;
import dev.neurite.runtime.Precision;

/** The primitive type a generated class computes in, and how to write its literals and casts. */
enum NumericType {
  FLOAT(TypeName.FLOAT, "(float) ", "f"),
  DOUBLE(TypeName.DOUBLE, "", "");

  private final TypeName type;
  private final String cast;
  private final String suffix;

  NumericType(TypeName type, String cast, String suffix) {
    this.type = type;
    this.cast = cast;
    this.suffix = suffix;
  }

  static NumericType of(Precision precision) {
    return precision == Precision.FLOAT ? FLOAT : DOUBLE;
  }

  TypeName type() {
    return type;
  }

  ArrayTypeName arrayType() {
    return ArrayTypeName.of(type);
  }

  /** Returns the cast that narrows a {@code double} expression to this type ("" for double). */
  String cast() {
    return cast;
  }

  /** Returns {@code value} as a source literal of this type, exact on round trip. */
  String literal(double value) {
    return this == FLOAT ? Float.toString((float) value) + suffix : Double.toString(value);
  }
}
