package dev.neurite.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * The names of the incubating Vector API ({@code jdk.incubator.vector}) that the opt-in variant
 * writes, by precision, and the class constants every vector layer shares: {@code SPECIES} (the
 * platform's preferred vector shape) and {@code LANES} (its length). Named, never imported from
 * the processor's own class path: the processor itself runs without the module.
 */
final class VectorTypes {
  private static final String PACKAGE = "jdk.incubator.vector";
  static final ClassName SPECIES_TYPE = ClassName.get(PACKAGE, "VectorSpecies");

  private VectorTypes() {}

  /** Returns {@code FloatVector} or {@code DoubleVector}. */
  static ClassName vector(NumericType t) {
    return ClassName.get(PACKAGE, t == NumericType.FLOAT ? "FloatVector" : "DoubleVector");
  }

  /** Adds {@code SPECIES} and {@code LANES} to {@code type}, before any field that uses them. */
  static void addSpecies(TypeSpec.Builder type, NumericType t) {
    TypeName boxed = t.type().box();
    type.addField(FieldSpec.builder(ParameterizedTypeName.get(SPECIES_TYPE, boxed), "SPECIES",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The widest vectors this platform computes fast (Vector API, opt-in).\n")
        .initializer("$T.SPECIES_PREFERRED", vector(t))
        .build());
    type.addField(FieldSpec.builder(TypeName.INT, "LANES",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The number of values in one vector: a constant to the JIT.\n")
        .initializer("SPECIES.length()")
        .build());
  }

  /** Returns {@code count} rounded up to whole vectors, as source using {@code LANES}. */
  static String padded(int count) {
    return "(" + count + " + LANES - 1) / LANES * LANES";
  }
}
