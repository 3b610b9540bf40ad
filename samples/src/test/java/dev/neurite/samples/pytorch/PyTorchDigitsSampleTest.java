package dev.neurite.samples.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.neurite.samples.support.Quiet;
import org.junit.jupiter.api.Test;

class PyTorchDigitsSampleTest {
  @Test
  void generatedAndFrozenClassesClassifyEveryHeldOutDigitAsPyTorchDid() throws Exception {
    PyTorchDigitsSample.Result result = PyTorchDigitsSample.run(Quiet.stream());

    assertEquals(359, result.images());
    assertEquals(0, result.disagreements(), "images the generated class classifies otherwise");
    assertEquals(0, result.frozenDisagreements(), "images the frozen class classifies otherwise");
    assertEquals(result.pyTorchCorrect(), result.correct());
    assertEquals(result.pyTorchCorrect(), result.frozenCorrect());
  }
}
