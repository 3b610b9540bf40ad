package dev.neurite.runtime.io;

import static dev.neurite.runtime.io.Networks.bits;
import static dev.neurite.runtime.io.Networks.iris;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.neurite.runtime.Precision;
import dev.neurite.runtime.data.Standardizer;
import dev.neurite.runtime.train.TrainableModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileRoundTripTest {
  @TempDir Path dir;

  private static ModelExtras fullExtras() {
    return ModelExtras.builder()
        .standardizer(Standardizer.of(new double[] {5.8, 3.0, 3.8, 1.2},
            new double[] {0.8, 0.4, 1.8, 0.8}))
        .optimizerState(new double[][] {{0.1, -0.0, Double.MIN_VALUE}, {}, {42}})
        .array("history.loss", new double[] {1.1, 0.5, 0.25})
        .array("épreuve", new double[0])
        .build();
  }

  @Test
  void parametersComeBackBitForBitIntoAFreshModel() throws IOException {
    TrainableModel saved = iris(1);
    TrainableModel loaded = iris(2);
    Path file = dir.resolve("iris.nrt");
    ModelFile.save(saved, file);
    ModelFileInfo info = ModelFile.load(file, loaded);
    assertArrayEquals(bits(saved), bits(loaded));
    assertEquals("Iris", info.networkName());
    assertEquals(Precision.DOUBLE, info.precision());
    assertEquals(1, info.seed());
    assertEquals(1, info.version());
    assertEquals("4-16-3 (relu, softmax)", info.shape());
    assertNull(info.extras().standardizer());
    assertNull(info.extras().optimizerState());
    assertEquals(List.of(), info.extras().arrayNames());
  }

  @Test
  void extrasComeBack() throws IOException {
    Path file = dir.resolve("iris.nrt");
    ModelFile.save(iris(1), file, fullExtras());
    ModelExtras extras = ModelFile.load(file, iris(2)).extras();
    assertExtrasEqual(fullExtras(), extras);
  }

  @Test
  void inspectingAFileNeedsNoModel() throws IOException {
    Path file = dir.resolve("iris.nrt");
    ModelFile.save(iris(6), file, fullExtras());
    ModelFileInfo info = ModelFile.inspect(file);
    assertEquals("Iris", info.networkName());
    assertEquals(6, info.seed());
    assertEquals("4-16-3 (relu, softmax)", info.shape());
    assertExtrasEqual(fullExtras(), info.extras());
  }

  @Test
  void streamsRoundTripToo() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFile.write(iris(3), out, fullExtras());
    TrainableModel loaded = iris(4);
    ModelFileInfo info = ModelFile.load(new ByteArrayInputStream(out.toByteArray()), loaded);
    assertArrayEquals(bits(iris(3)), bits(loaded));
    assertExtrasEqual(fullExtras(), info.extras());
    Path file = dir.resolve("same.nrt");
    ModelFile.save(iris(3), file, fullExtras());
    assertArrayEquals(Files.readAllBytes(file), out.toByteArray(), "deterministic bytes");
  }

  @Test
  void savingAgainReplacesTheFile() throws IOException {
    Path file = dir.resolve("iris.nrt");
    ModelFile.save(iris(1), file);
    ModelFile.save(iris(5), file);
    TrainableModel loaded = iris(2);
    ModelFile.load(file, loaded);
    assertArrayEquals(bits(iris(5)), bits(loaded));
    assertEquals(1, Files.list(dir).count(), "no temporary file left behind");
  }

  @Test
  void refusesExtrasThatDoNotFitTheModel() {
    ModelExtras wrong = ModelExtras.builder()
        .standardizer(Standardizer.of(new double[] {0}, new double[] {1})).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelFile.save(iris(1), dir.resolve("x.nrt"), wrong));
    assertEquals("the standardizer must have 4 columns, one per input of Iris, but had 1",
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ModelExtras.builder().array("a", new double[0]).array("a", new double[0]));
    assertThrows(IllegalArgumentException.class,
        () -> ModelExtras.builder().optimizerState(new double[][] {null}));
    assertThrows(IllegalArgumentException.class, () -> ModelFile.save(null, dir.resolve("y")));
    assertThrows(IllegalArgumentException.class, () -> ModelFile.save(iris(1), dir.getRoot()));
  }

  private static void assertExtrasEqual(ModelExtras expected, ModelExtras actual) {
    assertArrayEquals(expected.standardizer().means(), actual.standardizer().means());
    assertArrayEquals(expected.standardizer().stddevs(), actual.standardizer().stddevs());
    double[][] state = expected.optimizerState();
    assertEquals(state.length, actual.optimizerState().length);
    for (int i = 0; i < state.length; i++) {
      assertArrayEquals(state[i], actual.optimizerState()[i]);
    }
    assertEquals(expected.arrayNames(), actual.arrayNames());
    for (String name : expected.arrayNames()) {
      assertArrayEquals(expected.array(name), actual.array(name));
    }
  }
}
