package dev.neurite.samples.xor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.NetworkSpec;
import dev.neurite.samples.support.Quiet;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XorBuilderSampleTest {
  @Test
  void bothDeclarationFormsDescribeTheSameNetwork() {
    NetworkSpec annotated = XorNet.SPEC;
    NetworkSpec built = XorBuilderNet.SPEC;
    assertEquals(XorModels.XOR, built, "the compiled spec is the field's run-time value");
    // Everything but the name agrees.
    assertEquals(annotated.inputSize(), built.inputSize());
    assertEquals(annotated.layers(), built.layers());
    assertEquals(annotated.loss(), built.loss());
    assertEquals(annotated.precision(), built.precision());
    assertEquals(annotated.seed(), built.seed());
  }

  @Test
  void builderFormLearnsXorCompiledAndInterpreted(@TempDir Path dir) throws Exception {
    XorBuilderSample.Result result = XorBuilderSample.run(dir, Quiet.stream());

    assertEquals(1.0, result.compiledAccuracy());
    assertEquals(1.0, result.interpretedAccuracy());
    assertTrue(result.reloadedPredictsTheSame());
  }
}
