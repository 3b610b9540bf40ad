package dev.neurite.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.OutputStream;
import java.io.PrintStream;
import javax.tools.JavaFileObject;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * Test support: compiles with Eclipse's compiler (ECJ) and the processor through compile-testing.
 * ECJ prints its diagnostics (and a note of its own) to the standard streams when given no
 * writer, which compile-testing cannot give it; they are silenced here, so that a passing build
 * prints no error-looking lines. The diagnostics stay in the returned compilation.
 */
final class Eclipse {
  private Eclipse() {}

  /** Compiles {@code source} with ECJ at {@code -17} and the Neurite processor. */
  static Compilation compile(JavaFileObject source) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    System.setOut(quiet);
    System.setErr(quiet);
    try {
      return Compiler.compiler(new EclipseCompiler())
          .withProcessors(new NeuriteProcessor())
          .withOptions("-17")
          .compile(source);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
