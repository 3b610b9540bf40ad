package dev.neurite.runtime.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy's {@code .npz} format: a zip of {@code .npy} files, one per named
 * array, as {@code numpy.savez} writes it and {@code numpy.load} reads it (as a dictionary).
 */
public final class Npz {
  private static final String SUFFIX = ".npy";

  private Npz() {}

  /** Reads every array of {@code file}, by name (the entry name without {@code .npy}), in order. */
  public static Map<String, NpyArray> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads every array of a {@code .npz} from {@code in}; {@code source} names it in messages. */
  public static Map<String, NpyArray> read(InputStream in, String source) throws IOException {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName();
        if (!name.endsWith(SUFFIX)) {
          throw new NumpyFormatException(source + " holds '" + name + "', which is not a .npy "
              + "array; an .npz holds only arrays (numpy.savez)");
        }
        String key = name.substring(0, name.length() - SUFFIX.length());
        if (arrays.put(key, Npy.read(new ByteArrayInputStream(readAll(zip)),
            source + "[" + key + "]")) != null) {
          throw new NumpyFormatException(source + " holds the array '" + key + "' twice");
        }
      }
    } catch (ZipException e) {
      throw new NumpyFormatException(source + " is not a readable .npz (zip) file: "
          + e.getMessage());
    }
    if (arrays.isEmpty()) {
      throw new NumpyFormatException(source + " is not an .npz file, or holds no arrays; write "
          + "it with numpy.savez");
    }
    return arrays;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Writes {@code arrays} to {@code file}, in the map's order (replaced whole, atomically). */
  public static void write(Map<String, NpyArray> arrays, Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(arrays, bytes);
    AtomicFiles.write(file, bytes.toByteArray());
  }

  /** Writes {@code arrays} as an {@code .npz} to {@code out}. */
  public static void write(Map<String, NpyArray> arrays, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
      zip.putNextEntry(new ZipEntry(e.getKey() + SUFFIX));
      Npy.write(e.getValue(), zip);
      zip.closeEntry();
    }
    zip.finish();
  }
}
