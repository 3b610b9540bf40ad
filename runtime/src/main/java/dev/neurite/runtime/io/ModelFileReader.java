package dev.neurite.runtime.io;

import dev.neurite.runtime.Precision;
import dev.neurite.runtime.data.Standardizer;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the bytes of a model file (see {@link ModelFileFormat}), checking the header, the
 * checksums and every count against the bytes that remain before allocating anything, so that a
 * damaged file gives a {@link ModelFileException} and never an index or memory error.
 */
final class ModelFileReader {
  private final String source;
  private final DataInputStream in;
  private double[] dropoutRates;

  private ModelFileReader(String source, byte[] body) {
    this.source = source;
    this.in = new DataInputStream(new ByteArrayInputStream(body));
  }

  /** Checks the header found at the start of a file (possibly its whole content). */
  static long checkHeader(String source, byte[] bytes, int length) throws ModelFileException {
    checkMagic(source, bytes, length);
    if (length < ModelFileFormat.HEADER_SIZE) {
      if (length >= ModelFileFormat.LENGTH_OFFSET) {
        checkVersion(source, ByteBuffer.wrap(bytes).getInt(ModelFileFormat.VERSION_OFFSET));
      }
      throw new ModelFileException(source + " is truncated: it holds " + length
          + " bytes, less than the " + ModelFileFormat.HEADER_SIZE + "-byte header");
    }
    ByteBuffer header = ByteBuffer.wrap(bytes, 0, ModelFileFormat.HEADER_SIZE);
    checkVersion(source, header.getInt(ModelFileFormat.VERSION_OFFSET));
    int stored = header.getInt(ModelFileFormat.HEADER_CRC_OFFSET);
    if (stored != ModelFileFormat.crc(bytes, ModelFileFormat.HEADER_CRC_OFFSET)) {
      throw new ModelFileException(source + " is corrupted: the checksum of its header does not "
          + "match");
    }
    long declared = header.getLong(ModelFileFormat.LENGTH_OFFSET);
    long smallest = ModelFileFormat.HEADER_SIZE + ModelFileFormat.TRAILER_SIZE;
    if (declared < smallest || declared > ModelFileFormat.MAX_FILE_BYTES) {
      throw new ModelFileException(source + " is corrupted: its header declares " + declared
          + " bytes, outside [" + smallest + ", " + ModelFileFormat.MAX_FILE_BYTES + "]");
    }
    return declared;
  }

  private static void checkMagic(String source, byte[] bytes, int length)
      throws ModelFileException {
    int n = Math.min(length, ModelFileFormat.MAGIC.length);
    for (int i = 0; i < n; i++) {
      if (bytes[i] != ModelFileFormat.MAGIC[i]) {
        throw new ModelFileException(source + " is not a Neurite model file: it does not start "
            + "with the model file's magic bytes");
      }
    }
    if (length < ModelFileFormat.MAGIC.length) {
      throw new ModelFileException(source + " is truncated: it holds " + length
          + " bytes, less than the " + ModelFileFormat.HEADER_SIZE + "-byte header");
    }
  }

  private static void checkVersion(String source, int version) throws ModelFileException {
    if (version != ModelFileFormat.VERSION) {
      throw new ModelFileException(source + " has format version " + version + ", but this "
          + "runtime reads version " + ModelFileFormat.VERSION + " only (the file was written by "
          + "another Neurite version, or is damaged)");
    }
  }

  /** Refuses a file of {@code size} bytes whose header declares {@code declared}. */
  static void checkLength(String source, long size, long declared) throws ModelFileException {
    if (size != declared) {
      throw new ModelFileException(source + (size < declared ? " is truncated" : " is "
          + "corrupted") + ": it holds " + size + " bytes, but its header declares "
          + declared);
    }
  }

  /** Refuses a file whose trailing checksum is not the one its content gives. */
  static void checkChecksum(String source, int stored, int computed) throws ModelFileException {
    if (stored != computed) {
      throw new ModelFileException(source + " is corrupted: its checksum is "
          + Integer.toHexString(stored) + " but its content gives "
          + Integer.toHexString(computed));
    }
  }

  /** Checks the whole file and returns what it holds. */
  static Contents read(String source, byte[] file) throws ModelFileException {
    long declared = checkHeader(source, file, file.length);
    checkLength(source, file.length, declared);
    int end = file.length - ModelFileFormat.TRAILER_SIZE;
    checkChecksum(source, ByteBuffer.wrap(file).getInt(end), ModelFileFormat.crc(file, end));
    byte[] body = new byte[end - ModelFileFormat.HEADER_SIZE];
    System.arraycopy(file, ModelFileFormat.HEADER_SIZE, body, 0, body.length);
    return new ModelFileReader(source, body).contents();
  }

  private Contents contents() throws ModelFileException {
    try {
      Contents c = new Contents();
      c.networkName = readString("network name");
      c.precision = readPrecision();
      c.seed = in.readLong();
      c.loss = readString("loss");
      c.shape = readShape();
      c.dropoutRates = dropoutRates;
      c.parameters = readArray("parameters");
      c.extras = readExtras();
      if (in.available() != 0) {
        throw corrupted(in.available() + " unread bytes before the checksum");
      }
      return c;
    } catch (ModelFileException e) {
      throw e;
    } catch (IOException e) {
      // The checks above leave no room for an end of data; this is a last line of defence.
      throw corrupted("it ends unexpectedly (" + e + ")");
    }
  }

  private Precision readPrecision() throws IOException {
    String name = readString("precision");
    for (Precision p : Precision.values()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw corrupted("unknown precision \"" + name + "\"");
  }

  private ShapeFingerprint readShape() throws IOException {
    need(8, "shape");
    int inputSize = in.readInt();
    int layerCount = readCount("layers", 1 + 4 + 2 + 8 + 1 + 8, ModelFileFormat.MAX_LAYERS);
    List<ShapeFingerprint.Layer> layers = new ArrayList<>();
    dropoutRates = new double[layerCount];
    for (int l = 0; l < layerCount; l++) {
      need(5, "layer " + l);
      byte kind = in.readByte();
      if (kind != ModelFileFormat.DENSE && kind != ModelFileFormat.DROPOUT) {
        throw corrupted("layer " + l + " has unknown kind " + kind);
      }
      int units = in.readInt();
      String activation = readString("activation of layer " + l);
      need(17, "layer " + l);
      double parameter = in.readDouble();
      boolean bias = in.readBoolean();
      // The dropout rate does not change what the weights mean: not part of the fingerprint.
      dropoutRates[l] = in.readDouble();
      layers.add(new ShapeFingerprint.Layer(kind == ModelFileFormat.DENSE, units, activation,
          parameter, bias));
    }
    return new ShapeFingerprint(inputSize, layers);
  }

  private ModelExtras readExtras() throws IOException {
    ModelExtras.Builder extras = ModelExtras.builder();
    Standardizer inputs = readStandardizer("normalizer");
    if (inputs != null) {
      extras.standardizer(inputs);
    }
    if (readPresence("optimizer state")) {
      int arrays = readCount("optimizer arrays", 4, ModelFileFormat.MAX_ARRAYS);
      double[][] state = new double[arrays][];
      for (int i = 0; i < state.length; i++) {
        state[i] = readArray("optimizer array " + i);
      }
      extras.optimizerState(state);
    }
    int arrays = readCount("named arrays", 2 + 4, ModelFileFormat.MAX_ARRAYS);
    for (int i = 0; i < arrays; i++) {
      String name = readString("array name");
      try {
        extras.array(name, readArray("array \"" + name + "\""));
      } catch (IllegalArgumentException e) {
        throw corrupted("array " + i + " is invalid: " + e.getMessage());
      }
    }
    if (in.available() > 0) {
      readPipeline(extras);
    }
    return extras.build();
  }

  /** Reads the optional pipeline section: the target standardizer and the class names. */
  private void readPipeline(ModelExtras.Builder extras) throws IOException {
    byte tag = in.readByte();
    if (tag != ModelFileFormat.PIPELINE_SECTION) {
      throw corrupted("it holds an unknown section " + tag + " after its arrays");
    }
    Standardizer targets = readStandardizer("target normalizer");
    if (targets != null) {
      extras.targetStandardizer(targets);
    }
    int count = readCount("class names", 2, ModelFileFormat.MAX_ARRAYS);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(readString("class name " + i));
    }
    extras.classNames(names);
  }

  private Standardizer readStandardizer(String what) throws IOException {
    if (!readPresence(what)) {
      return null;
    }
    int n = readCount(what + " columns", 16, Integer.MAX_VALUE);
    double[] means = readValues(n);
    double[] stddevs = readValues(n);
    try {
      return Standardizer.of(means, stddevs);
    } catch (IllegalArgumentException e) {
      throw corrupted("its " + what + " is invalid: " + e.getMessage());
    }
  }

  private boolean readPresence(String what) throws IOException {
    need(1, what);
    byte flag = in.readByte();
    if (flag != 0 && flag != 1) {
      throw corrupted("the presence flag of its " + what + " is " + flag + ", not 0 or 1");
    }
    return flag == 1;
  }

  private double[] readArray(String what) throws IOException {
    return readValues(readCount(what, 8, Integer.MAX_VALUE));
  }

  private double[] readValues(int n) throws IOException {
    need(8L * n, "values");
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = Double.longBitsToDouble(in.readLong());
    }
    return values;
  }

  /** Reads a count of items of at least {@code itemBytes} each, checked against what remains. */
  private int readCount(String what, int itemBytes, int limit) throws IOException {
    need(4, what);
    int n = in.readInt();
    if (n < 0 || n > limit || (long) n * itemBytes > in.available()) {
      throw corrupted("it declares " + n + " " + what + ", which cannot fit in the "
          + in.available() + " bytes left (limit " + limit + ")");
    }
    return n;
  }

  private String readString(String what) throws IOException {
    need(2, what);
    int length = in.readUnsignedShort();
    need(length, what);
    byte[] utf8 = new byte[length];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  private void need(long bytes, String what) throws IOException {
    if (bytes > in.available()) {
      throw corrupted("it ends inside its " + what + " (" + bytes + " bytes needed, "
          + in.available() + " left)");
    }
  }

  private ModelFileException corrupted(String detail) {
    return new ModelFileException(source + " is corrupted: " + detail);
  }

  /** Everything a file holds, decoded and checked for structure (not yet against a model). */
  static final class Contents {
    String networkName;
    Precision precision;
    long seed;
    String loss;
    ShapeFingerprint shape;
    /** Each layer's dropout rate as saved (0 for dense layers). */
    double[] dropoutRates;
    double[] parameters;
    ModelExtras extras;
  }
}
