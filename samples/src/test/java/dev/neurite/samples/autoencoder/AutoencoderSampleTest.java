package dev.neurite.samples.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.init.WeightInit;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.samples.support.Quiet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoencoderSampleTest {
  /**
   * The sample's claim, exactly: averaged over its five splits, k-means of the codes of the
   * held-out images agrees with their digits better than k-means of their raw pixels does, on
   * purity and on the adjusted Rand index. The reconstruction must also beat drawing every pixel
   * at its mean (an MSE of about 0.073).
   */
  @Test
  void codesClusterHeldOutDigitsBetterThanTheirRawPixels(@TempDir Path dir) throws Exception {
    AutoencoderSample.Result result = AutoencoderSample.run(dir, Quiet.stream());

    assertEquals(5, result.splits().size());
    assertTrue(result.codePurity().mean() > result.rawPixelPurity().mean(),
        "purity: codes " + result.codePurity() + ", raw pixels " + result.rawPixelPurity());
    assertTrue(result.codeAdjustedRandIndex().mean() > result.rawPixelAdjustedRandIndex().mean(),
        "adjusted Rand index: codes " + result.codeAdjustedRandIndex() + ", raw pixels "
            + result.rawPixelAdjustedRandIndex());
    assertTrue(result.reconstructionMse().mean() < 0.04, result.reconstructionMse().toString());
    assertTrue(result.reloadedPredictsTheSame());
    assertTrue(Files.size(dir.resolve("autoencoder-loss.png")) > 0);
  }

  /** The encoder really is the first half: decoding its code gives the autoencoder's output. */
  @Test
  void theEncoderFollowedByTheDecoderLayersIsTheAutoencoder() {
    DigitsAutoencoderNet autoencoder = new DigitsAutoencoderNet();
    NetworkSpec spec = DigitsAutoencoderNet.SPEC;
    double[] parameters = WeightInit.initialize(spec, 99);
    autoencoder.setParameters(parameters);
    DigitsEncoderNet encoder = AutoencoderSample.encoderOf(autoencoder);
    NetworkSpec decoderSpec = NetworkSpec.of("Decoder", encoder.outputSize(),
        spec.layers().subList(2, 4), spec.loss(), Precision.DOUBLE, 0);
    ReferenceNetwork decoder = new ReferenceNetwork(decoderSpec);
    decoder.setParameters(Arrays.copyOfRange(parameters, spec.weightOffset(2), parameters.length));

    SplittableRandom random = new SplittableRandom(1);
    double[] image = new double[64];
    double[] code = new double[encoder.outputSize()];
    double[] viaHalves = new double[64];
    double[] whole = new double[64];
    for (int k = 0; k < 5; k++) {
      Arrays.setAll(image, p -> random.nextDouble());
      encoder.predict(image, code);
      decoder.predict(code, viaHalves);
      autoencoder.predict(image, whole);
      assertArrayEquals(whole, viaHalves, 1e-5);
    }
  }
}
