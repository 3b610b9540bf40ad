package dev.neurite.samples.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
  @Test
  void reconstructsHeldOutDigitsAndItsCodesClusterByDigit(@TempDir Path dir) throws Exception {
    AutoencoderSample.Result result = AutoencoderSample.run(dir, Quiet.stream());

    // Predicting every pixel's mean would score about 0.073; chance clustering scores a purity
    // near 0.1 and an adjusted Rand index near 0.
    assertTrue(result.reconstructionMse() < 0.03, "reconstruction MSE "
        + result.reconstructionMse());
    assertTrue(result.purity() > 0.6, "purity " + result.purity());
    assertTrue(result.adjustedRandIndex() > 0.5, "ARI " + result.adjustedRandIndex());
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
