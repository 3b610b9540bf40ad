package dev.neurite.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code .npy} files: those numpy wrote (onnx/scripts/make_fixtures.py) read back to their
 * values, ours are byte for byte what numpy.save writes, and every bad file gets its reason.
 */
class NpyTest {
  @TempDir Path dir;

  static Path numpy(String name) {
    try {
      return Paths.get(NpyTest.class.getResource("/numpy/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource numpy/" + name, e);
    }
  }

  @Test
  void readsWhatNumpyWrote() throws IOException {
    NpyArray matrix = Npy.read(numpy("f8_2x3.npy"));
    assertArrayEquals(new int[] {2, 3}, matrix.shape());
    assertArrayEquals(new double[] {0, 0.125, 0.25, 0.375, 0.5, 0.625}, matrix.values());
    assertTrue(!matrix.isFloat32());
    NpyArray vector = Npy.read(numpy("f4_vector.npy"));
    assertArrayEquals(new int[] {4}, vector.shape());
    assertArrayEquals(new double[] {1.5, -2.25, 3e-8f, 1e30f}, vector.values());
    assertTrue(vector.isFloat32());
    NpyArray scalar = Npy.read(numpy("f8_scalar.npy"));
    assertArrayEquals(new int[0], scalar.shape());
    assertArrayEquals(new double[] {-0.5}, scalar.values());
    NpyArray version2 = Npy.read(numpy("f4_version2.npy"));
    assertArrayEquals(new double[] {1, 2, 3, 4}, version2.values());
  }

  @ParameterizedTest
  @CsvSource({"f8_2x3.npy", "f4_vector.npy", "f8_scalar.npy"})
  void writesWhatNumpyWrites(String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(Npy.read(numpy(name)), out);
    assertArrayEquals(Files.readAllBytes(numpy(name)), out.toByteArray());
  }

  @Test
  void roundTripsEveryShapeAndType() throws IOException {
    SplittableRandom random = new SplittableRandom(3);
    for (int[] shape : new int[][] {{}, {0}, {7}, {3, 5}, {2, 3, 4}, {1, 1, 1, 70}}) {
      int n = 1;
      for (int d : shape) {
        n *= d;
      }
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = random.nextDouble(-1e3, 1e3);
      }
      NpyArray doubles = new NpyArray(values, false, shape);
      assertEquals(doubles, Npy.read(write(doubles), "x"));
      double[] rounded = values.clone();
      for (int i = 0; i < n; i++) {
        rounded[i] = (float) rounded[i];
      }
      assertEquals(new NpyArray(rounded, true, shape), Npy.read(write(new NpyArray(values, true,
          shape)), "x"), Arrays.toString(shape));
    }
  }

  @Test
  void writesFilesAtomically() throws IOException {
    Path file = dir.resolve("w.npy");
    NpyArray array = new NpyArray(new double[] {1, 2}, true, 2);
    Npy.write(array, file);
    assertEquals(array, Npy.read(file));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "big_endian.npy | is big-endian ('>f4'); save a.astype('<f4') instead",
      "fortran.npy | is in Fortran (column-major) order; save numpy.ascontiguousarray(a)",
      "int64.npy | holds elements of type '<i8'; Neurite reads float32 ('<f4') and float64",
  })
  void refusesWhatItCannotRead(String name, String reason) {
    NumpyFormatException e = assertThrows(NumpyFormatException.class,
        () -> Npy.read(numpy(name)));
    assertTrue(e.getMessage().contains(name) && e.getMessage().contains(reason),
        e.getMessage());
  }

  @Test
  void refusesDamagedFiles() throws IOException {
    byte[] good = Files.readAllBytes(numpy("f8_2x3.npy"));
    assertReason(Arrays.copyOf(good, good.length - 1), "is truncated");
    assertReason(Arrays.copyOf(good, good.length + 3), "has bytes after the 6 values");
    assertReason("PK not numpy".getBytes("ISO-8859-1"), "is not a .npy file");
    assertReason(new byte[0], "is not a .npy file");
    byte[] version9 = good.clone();
    version9[6] = 9;
    assertReason(version9, "is .npy version 9");
    byte[] noShape = new String(good, "ISO-8859-1").replace("'shape'", "'shapo'")
        .getBytes("ISO-8859-1");
    assertReason(noShape, "has a header without 'shape'");
  }

  private static void assertReason(byte[] file, String reason) {
    NumpyFormatException e = assertThrows(NumpyFormatException.class,
        () -> Npy.read(new ByteArrayInputStream(file), "bad.npy"));
    assertTrue(e.getMessage().startsWith("bad.npy ") && e.getMessage().contains(reason),
        e.getMessage());
  }

  private static ByteArrayInputStream write(NpyArray array) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(array, out);
    return new ByteArrayInputStream(out.toByteArray());
  }
}
