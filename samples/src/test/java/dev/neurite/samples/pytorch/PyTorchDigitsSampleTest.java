package dev.neurite.samples.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.neurite.samples.support.Quiet;
import org.junit.jupiter.api.Test;

class PyTorchDigitsSampleTest {
  @Test
  void classifiesEveryHeldOutDigitAsPyTorchDid() throws Exception {
    PyTorchDigitsSample.Result result = PyTorchDigitsSample.run(Quiet.stream());

    assertEquals(359, result.images());
    assertEquals(0, result.disagreements(), "images Neurite and PyTorch classify differently");
    assertEquals(result.pyTorchCorrect(), result.correct());
  }
}
