package dev.neurite.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Keeps a deep network's constructor within the method budget. javac compiles every instance
 * field's initializer into the constructor, and each layer brings several scratch arrays: 500
 * layers made a constructor of 44,000 bytes (over HotSpot's 8,000, and 700 layers over javac's
 * 64 KB). Past {@link MethodChunks#PER_METHOD} such fields, they are allocated instead by
 * {@code allocatePartK()} methods that the constructor calls first; the fields lose
 * {@code final} then, which HotSpot does not use for instance fields anyway.
 */
final class FieldAllocation {
  private FieldAllocation() {}

  /** Returns {@code type} itself, or, if it has too many initialized fields, its rewrite. */
  static TypeSpec withinBudget(TypeSpec type) {
    List<CodeBlock> allocations = new ArrayList<>();
    List<FieldSpec> fields = new ArrayList<>();
    for (FieldSpec field : type.fieldSpecs()) {
      if (field.modifiers().contains(Modifier.STATIC) || field.initializer().isEmpty()) {
        fields.add(field);
        continue;
      }
      allocations.add(CodeBlock.builder()
          .addStatement("this.$N = $L", field.name(), field.initializer()).build());
      Set<Modifier> modifiers = EnumSet.copyOf(field.modifiers());
      modifiers.remove(Modifier.FINAL);
      fields.add(FieldSpec.builder(field.type(), field.name(), modifiers.toArray(Modifier[]::new))
          .addJavadoc(field.javadoc()).addAnnotations(field.annotations()).build());
    }
    if (allocations.size() <= MethodChunks.PER_METHOD) {
      return type;
    }
    TypeSpec.Builder rewritten = TypeSpec.classBuilder(type.name())
        .addModifiers(type.modifiers().toArray(Modifier[]::new))
        .addSuperinterfaces(type.superinterfaces())
        .addAnnotations(type.annotations())
        .addJavadoc(type.javadoc())
        .addFields(fields);
    CodeBlock calls = MethodChunks.of(rewritten, "allocate", List.of(), allocations);
    for (MethodSpec method : type.methodSpecs()) {
      rewritten.addMethod(method.isConstructor() ? allocatingFirst(method, calls) : method);
    }
    return rewritten.build();
  }

  /**
   * Returns {@code constructor} allocating the fields first; one that delegates to another
   * ({@code this(...)}, which must stay its first statement) is left as it is, since the
   * constructor it calls allocates them.
   */
  private static MethodSpec allocatingFirst(MethodSpec constructor, CodeBlock allocations) {
    if (constructor.code().toString().startsWith("this(")) {
      return constructor;
    }
    return MethodSpec.constructorBuilder()
        .addModifiers(constructor.modifiers().toArray(Modifier[]::new))
        .addJavadoc(constructor.javadoc())
        .addParameters(constructor.parameters())
        .addCode(allocations)
        .addCode(constructor.code())
        .build();
  }
}
