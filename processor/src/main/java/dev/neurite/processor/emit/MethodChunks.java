package dev.neurite.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Keeps the per-layer lists of a deep network's code (calls, initializers) within the method
 * budget: a list longer than {@link #PER_METHOD} statements moves into numbered private methods
 * ({@code runPart0}, {@code runPart1}, ...), and the list's place calls them in order. Shorter
 * lists stay where they are, so a network of ordinary depth reads as before.
 */
final class MethodChunks {
  /**
   * The most statements of a list kept in one method. The largest statement of such a list (a
   * dropout layer's mask loop in {@code drawMasks}) takes under 40 bytes of bytecode, so a part
   * stays under {@link dev.neurite.processor.plan.Budget#METHOD_BYTES}.
   */
  static final int PER_METHOD = 100;

  private MethodChunks() {}

  /**
   * Returns {@code statements} as code for their place: themselves when they are few, else calls
   * of the methods {@code name + "Part" + k} added to {@code type}, which take
   * {@code parameters} (passed on by name) and return nothing.
   */
  static CodeBlock of(TypeSpec.Builder type, String name, List<ParameterSpec> parameters,
      List<CodeBlock> statements, Modifier... modifiers) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (statements.size() <= PER_METHOD) {
      statements.forEach(code::add);
      return code.build();
    }
    List<String> names = new ArrayList<>();
    parameters.forEach(p -> names.add(p.name()));
    for (int from = 0, k = 0; from < statements.size(); from += PER_METHOD, k++) {
      MethodSpec.Builder part = MethodSpec.methodBuilder(name + "Part" + k)
          .addModifiers(Modifier.PRIVATE)
          .addModifiers(modifiers)
          .addJavadoc("Statements $L to $L of $L, a method of their own to stay small.\n", from,
              Math.min(from + PER_METHOD, statements.size()) - 1, name)
          .addParameters(parameters);
      statements.subList(from, Math.min(from + PER_METHOD, statements.size()))
          .forEach(part::addCode);
      type.addMethod(part.build());
      code.addStatement("$LPart$L($L)", name, k, String.join(", ", names));
    }
    return code.build();
  }
}
