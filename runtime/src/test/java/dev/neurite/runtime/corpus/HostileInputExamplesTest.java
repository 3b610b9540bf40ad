package dev.neurite.runtime.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.Model;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.data.Standardizer;
import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.io.ModelFileException;
import dev.neurite.runtime.optim.Sgd;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.FloatHeldNetwork;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.runtime.train.Trainer;
import dev.neurite.runtime.train.TrainingDivergedException;
import dev.neurite.runtime.train.TrainingListener;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile inputs an outside test run found in the runtime, each as it was reported: what
 * used to go wrong is in each test's name, and the test checks what happens now.
 */
class HostileInputExamplesTest {
  @TempDir Path dir;
  private final ReferenceNetwork net = new ReferenceNetwork(NetworkSpec.of("Net", 2,
      Arrays.asList(LayerSpec.dense(3, Activation.TANH), LayerSpec.dense(2, Activation.SOFTMAX)),
      Loss.CATEGORICAL_CROSS_ENTROPY, Precision.DOUBLE, 5));
  private final Dataset two = Dataset.of(
      new double[][] {{0, 1}, {1, 0}}, new double[][] {{1, 0}, {0, 1}});

  /** Was: COMPLETED with parameters [Infinity, -Infinity, 6.1e37] and predict({0,0}) NaN. */
  @Test
  void floatTrainingWithSgd1e38NoLongerCompletesWithInfiniteWeights() {
    FloatHeldNetwork tiny = new FloatHeldNetwork(NetworkSpec.of("Tiny", 2,
        Arrays.asList(LayerSpec.dense(1, Activation.IDENTITY)), Loss.MEAN_SQUARED_ERROR,
        Precision.FLOAT, 1));
    long[] before = RandomNetworks.bits(tiny);
    Dataset data = Dataset.of(new double[][] {{3, -4}, {-2, 5}}, new double[][] {{40}, {-30}});
    Trainer trainer = Trainer.builder().optimizer(new Sgd(1e38)).epochs(1).batchSize(64).build();
    TrainingDivergedException e =
        assertThrows(TrainingDivergedException.class, () -> trainer.fit(tiny, data));
    assertTrue(e.getMessage().startsWith("training diverged at epoch 1, batch 1: parameter 0 "
        + "became Infinity in the float network after the step"), e.getMessage());
    assertArrayEquals(before, RandomNetworks.bits(tiny));
    double[] out = new double[1];
    tiny.predict(new double[] {0, 0}, out);
    assertTrue(Double.isFinite(out[0]));
  }

  /** Was: the whole file read into memory before any check; the heap ran out. */
  @Test
  void aSparse19GigabyteFileNoLongerExhaustsTheHeap() throws IOException {
    Path file = dir.resolve("sparse.nrt");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(1_900_000_000L);
    }
    assertLoadRefused(file, "is not a Neurite model file");
  }

  /** Was: an endless read into memory. */
  @Test
  void devZeroAndDevUrandomAreNoLongerReadForever() throws IOException {
    for (String device : new String[] {"/dev/zero", "/dev/urandom"}) {
      assumeTrue(Files.exists(Paths.get(device)));
      assertLoadRefused(Paths.get(device), "is not a regular file");
    }
  }

  /** Was: the load blocked forever waiting for a writer. */
  @Test
  void aNamedPipeNoLongerBlocksTheLoad() throws Exception {
    Path pipe = dir.resolve("pipe.nrt");
    assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0);
    assertLoadRefused(pipe, "is not a regular file");
  }

  /** Was: "Is a directory" and nothing else. */
  @Test
  void aDirectoryPassedToLoadIsNamedWithWhatToDo() throws IOException {
    assertLoadRefused(dir, dir + " is a directory, pass the model file");
  }

  /** Was: FileAlreadyExistsException: .model.nrt.99.tmp on every save. */
  @Test
  void aHundredLeftoverTemporariesNoLongerBlockEverySave() throws IOException {
    for (int i = 0; i < 100; i++) {
      Files.write(dir.resolve(".model.nrt." + i + ".tmp"), new byte[] {1});
    }
    ModelFile.save(net, dir.resolve("model.nrt"));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }

  /** Was: the link replaced by a regular file. */
  @Test
  void savingOverASymlinkWritesItsTargetAndKeepsTheLink() throws IOException {
    Path real = Files.write(dir.resolve("real.nrt"), new byte[] {1});
    Path link;
    try {
      link = Files.createSymbolicLink(dir.resolve("model.nrt"), real);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here: " + e);
      return;
    }
    ModelFile.save(net, link);
    assertTrue(Files.isSymbolicLink(link));
    ModelFile.load(real, new ReferenceNetwork(net.spec()));
  }

  /** Was: the new file came with the default mode. */
  @Test
  void savingKeepsAReadOnlyFilesMode() throws IOException {
    Path file = dir.resolve("model.nrt");
    ModelFile.save(net, file);
    assumeTrue(Files.getFileAttributeView(file, PosixFileAttributeView.class) != null);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    ModelFile.save(net, file);
    assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  /** Was: an error naming a hidden temporary file. */
  @Test
  void savingIntoADirectoryThatDoesNotExistCreatesIt() throws IOException {
    Path file = dir.resolve("missing").resolve("model.nrt");
    ModelFile.save(net, file);
    ModelFile.load(file, new ReferenceNetwork(net.spec()));
  }

  /** Was: an infinite standard deviation that saved, then failed to load. */
  @Test
  void aColumnOf1e200IsRefusedAtFitNamingTheColumn() {
    Dataset data = Dataset.of(new double[][] {{1, 1e200}, {2, -1e200}, {3, 5e199}},
        new double[3][1]);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(data));
    assertTrue(e.getMessage().startsWith("column 1 cannot be standardized: its standard "
        + "deviation is beyond double range"), e.getMessage());
  }

  /** Was: NullPointerException in generated classes; one contract now. */
  @Test
  void aNullArrayIsAnIllegalArgumentNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> net.predict(null, new double[2]));
    assertEquals("input must have length 2, but was null", e.getMessage());
  }

  /** Was: ArrayIndexOutOfBoundsException. */
  @Test
  void aBadRangeInTheBatchedPassIsAnIllegalArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> net.forwardBackwardBatch(two, new int[] {0, 1}, 1, 5, new double[17]));
    assertEquals("from and to must satisfy 0 <= from <= to <= order.length (2), but were 1 "
        + "and 5", e.getMessage());
  }

  /** Was: a loss of 0. */
  @Test
  void fromGreaterThanToIsRefusedInsteadOfReturningZero() {
    assertThrows(IllegalArgumentException.class,
        () -> net.forwardBackwardBatch(two, new int[] {0, 1}, 2, 1, new double[17]));
  }

  /** Was: ArrayIndexOutOfBoundsException from the fused output path. */
  @Test
  void aShortGradientInForwardBackwardIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> net.forwardBackward(new double[2], new double[] {1, 0}, new double[16]));
    assertEquals("gradient must have length 17, but had length 16", e.getMessage());
  }

  /** Was: "0 batches" (the count overflowed). */
  @Test
  void batchSizeIntegerMaxValueIsOneBatch() {
    int[] batches = {-1};
    Trainer.builder().epochs(1).batchSize(Integer.MAX_VALUE).listener(new TrainingListener() {
      @Override public void onTrainingBegin(Model model, int epochs, int batchesPerEpoch) {
        batches[0] = batchesPerEpoch;
      }
    }).build().fit(net, two);
    assertEquals(1, batches[0]);
  }

  /** Was: "training diverged ... try a smaller learning rate". */
  @Test
  void nanInTheDataIsReportedAsBadDataWithItsRowAndColumn() {
    Dataset data = Dataset.of(new double[][] {{0, 1}, {Double.NaN, 0}},
        new double[][] {{1, 0}, {0, 1}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Trainer.builder().build().fit(net, data));
    assertTrue(e.getMessage().contains("row 1 has NaN in input column 0"), e.getMessage());
    assertFalse(e.getMessage().contains("learning rate"), e.getMessage());
  }

  private void assertLoadRefused(Path path, String expected) {
    TrainableModel model = new ReferenceNetwork(net.spec());
    long[] before = RandomNetworks.bits(model);
    ModelFileException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> assertThrows(ModelFileException.class, () -> ModelFile.load(path, model)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertArrayEquals(before, RandomNetworks.bits(model));
  }
}
