package dev.neurite.samples.xor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XorSampleTest {
  @Test
  void generatedNetworkLearnsXorExactly() {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    XorNet net = XorSample.train(quiet);
    assertEquals(1.0, XorSample.report(net, quiet));
  }
}
