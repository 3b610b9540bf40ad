package dev.neurite.runtime.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy's {@code .npy} format (versions 1.0 to 3.0): little-endian float32 or
 * float64, C order, any shape; what {@code numpy.save} writes and {@code numpy.load} reads.
 * Other element types, big-endian data and Fortran order are refused with the fix to apply.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /** Reads the array in {@code file}. */
  public static NpyArray read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads one array from {@code in}; {@code source} names it in messages. */
  public static NpyArray read(InputStream in, String source) throws IOException {
    DataInputStream data = new DataInputStream(new BufferedInputStream(in));
    try {
      String header = header(data, source);
      boolean float32 = float32(header, source);
      int[] shape = shape(header, source);
      return new NpyArray(values(data, count(shape, source), float32, source), float32, shape);
    } catch (EOFException e) {
      throw new NumpyFormatException(source + " is truncated: it ends before its data does");
    }
  }

  private static String header(DataInputStream in, String source) throws IOException {
    byte[] magic = new byte[MAGIC.length];
    int read = in.read(magic);
    for (int i = 0; i < MAGIC.length; i++) {
      if (read < MAGIC.length || magic[i] != MAGIC[i]) {
        throw new NumpyFormatException(source + " is not a .npy file (it does not start with "
            + "\\x93NUMPY); write it with numpy.save");
      }
    }
    int major = in.readUnsignedByte();
    in.readUnsignedByte();
    if (major < 1 || major > 3) {
      throw new NumpyFormatException(source + " is .npy version " + major + ", which Neurite "
          + "does not know (it reads versions 1 to 3)");
    }
    long length = major == 1 ? Short.toUnsignedInt(Short.reverseBytes(in.readShort()))
        : Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
    if (length > 1 << 20) {
      throw new NumpyFormatException(source + " declares a header of " + length + " bytes; "
          + "the file is damaged");
    }
    byte[] header = new byte[(int) length];
    in.readFully(header);
    return new String(header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }

  private static boolean float32(String header, String source) throws NumpyFormatException {
    Matcher descr = DESCR.matcher(header);
    Matcher order = ORDER.matcher(header);
    if (!descr.find() || !order.find()) {
      throw new NumpyFormatException(source + " has a header without 'descr' or "
          + "'fortran_order': " + header.trim());
    }
    if (order.group(1).equals("True")) {
      throw new NumpyFormatException(source + " is in Fortran (column-major) order; save "
          + "numpy.ascontiguousarray(a) instead");
    }
    String type = descr.group(1);
    if (type.equals("<f4") || type.equals("<f8")) {
      return type.equals("<f4");
    }
    if (type.equals(">f4") || type.equals(">f8")) {
      throw new NumpyFormatException(source + " is big-endian ('" + type + "'); save "
          + "a.astype('<" + type.substring(1) + "') instead");
    }
    throw new NumpyFormatException(source + " holds elements of type '" + type + "'; Neurite "
        + "reads float32 ('<f4') and float64 ('<f8'): save a.astype(numpy.float32) instead");
  }

  private static int[] shape(String header, String source) throws NumpyFormatException {
    Matcher m = SHAPE.matcher(header);
    if (!m.find()) {
      throw new NumpyFormatException(source + " has a header without 'shape': " + header.trim());
    }
    String[] parts = m.group(1).split(",");
    int n = 0;
    int[] shape = new int[parts.length];
    for (String part : parts) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      try {
        shape[n++] = Integer.parseInt(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
      } catch (NumberFormatException e) {
        throw new NumpyFormatException(source + " has the shape (" + m.group(1) + "), which "
            + "is not a tuple of sizes");
      }
    }
    int[] exact = new int[n];
    System.arraycopy(shape, 0, exact, 0, n);
    return exact;
  }

  private static int count(int[] shape, String source) throws NumpyFormatException {
    long count = 1;
    for (int d : shape) {
      count *= d;
      if (d < 0 || count > Integer.MAX_VALUE - 8) {
        throw new NumpyFormatException(source + " has a shape whose size no Java array holds");
      }
    }
    return (int) count;
  }

  private static double[] values(DataInputStream in, int count, boolean float32, String source)
      throws IOException {
    byte[] bytes = new byte[count * (float32 ? 4 : 8)];
    in.readFully(bytes);
    if (in.read() != -1) {
      throw new NumpyFormatException(source + " has bytes after the " + count + " values its "
          + "shape holds; the file is damaged");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = float32 ? b.getFloat() : b.getDouble();
    }
    return values;
  }

  /** Writes {@code array} to {@code file} (replaced whole, never left half-written). */
  public static void write(NpyArray array, Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(array, bytes);
    AtomicFiles.write(file, bytes.toByteArray());
  }

  /** Writes {@code array} to {@code out} as a version 1.0 {@code .npy} file. */
  public static void write(NpyArray array, OutputStream out) throws IOException {
    StringBuilder shape = new StringBuilder();
    for (int d : array.shape()) {
      shape.append(d).append(", ");
    }
    if (array.shape().length > 0) {
      shape.setLength(shape.length() - (array.shape().length == 1 ? 1 : 2));
    }
    StringBuilder header = new StringBuilder("{'descr': '" + array.descr()
        + "', 'fortran_order': False, 'shape': (" + shape + "), }");
    while ((MAGIC.length + 4 + header.length() + 1) % 64 != 0) {
      header.append(' '); // numpy pads so that the data starts 64-byte aligned
    }
    header.append('\n');
    out.write(MAGIC);
    out.write(new byte[] {1, 0, (byte) header.length(), (byte) (header.length() >> 8)});
    out.write(header.toString().getBytes(StandardCharsets.ISO_8859_1));
    ByteBuffer b = ByteBuffer.allocate(array.size() * (array.isFloat32() ? 4 : 8))
        .order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < array.size(); i++) {
      if (array.isFloat32()) {
        b.putFloat((float) array.value(i));
      } else {
        b.putDouble(array.value(i));
      }
    }
    out.write(b.array());
  }
}
