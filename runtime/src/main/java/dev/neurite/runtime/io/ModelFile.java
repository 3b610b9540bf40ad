package dev.neurite.runtime.io;

import dev.neurite.runtime.data.Standardizer;
import dev.neurite.runtime.train.TrainableModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Saves a model's weights, with optional extras, to a versioned model file and loads them back.
 *
 * <p>The file records the network's shape, so weights never load into a network of another
 * shape; its header, its content and their checksums are checked before the model is touched,
 * so a truncated or corrupted file gives a {@link ModelFileException} that says what is wrong
 * and leaves the model as it was. Loading from a path opens only a regular file and reads only
 * the length its header declares, checksummed before it is held in memory. Saving to a path is
 * atomic: a crash while saving leaves the previous file intact (and a later save removes the
 * temporary file it left). The layout is described in the package's {@code ModelFileFormat}.
 *
 * <pre>{@code
 * ModelFile.save(model, Paths.get("iris.nrt"),
 *     ModelExtras.builder().standardizer(standardizer).build());
 * ModelFileInfo info = ModelFile.load(Paths.get("iris.nrt"), freshModel);
 * Standardizer restored = info.extras().standardizer();
 * }</pre>
 */
public final class ModelFile {
  private static final int CHUNK = 64 * 1024;

  private ModelFile() {}

  /** Saves {@code model}'s weights to {@code path}, atomically, replacing any file there. */
  public static void save(TrainableModel model, Path path) throws IOException {
    save(model, path, ModelExtras.none());
  }

  /**
   * Saves {@code model}'s weights and {@code extras} to {@code path}, atomically, replacing any
   * file there. A missing directory is created; a symbolic link is followed (the file it points
   * to gets the content, the link stays); an existing file keeps its permissions.
   *
   * @throws IllegalArgumentException if an argument is null, the extras do not fit the model, or
   *     the file would not load back (nothing is written then)
   * @throws IOException if the path is a directory or another non-regular file, or the file or
   *     its directory cannot be written; the message names the path
   */
  public static void save(TrainableModel model, Path path, ModelExtras extras) throws IOException {
    if (path == null || path.getFileName() == null) {
      throw new IllegalArgumentException("path must name a file, but was " + path);
    }
    AtomicFiles.write(path, encode(model, extras));
  }

  /**
   * Writes {@code model}'s weights and {@code extras} to {@code out} as a model file; the caller
   * closes the stream.
   *
   * @throws IllegalArgumentException if an argument is null, the extras do not fit the model, or
   *     the file would not load back (nothing is written then)
   */
  public static void write(TrainableModel model, OutputStream out, ModelExtras extras)
      throws IOException {
    if (out == null) {
      throw new IllegalArgumentException("output stream must not be null");
    }
    out.write(encode(model, extras));
  }

  private static byte[] encode(TrainableModel model, ModelExtras extras) {
    if (model == null || extras == null) {
      throw new IllegalArgumentException("model and extras must not be null, but "
          + (model == null ? "model" : "extras") + " was null");
    }
    if (extras.standardizer() != null && extras.standardizer().size() != model.inputSize()) {
      throw new IllegalArgumentException("the standardizer must have " + model.inputSize()
          + " columns, one per input of " + model.spec().name() + ", but had "
          + extras.standardizer().size());
    }
    Standardizer targets = extras.targetStandardizer();
    if (targets != null && targets.size() != model.outputSize()) {
      throw new IllegalArgumentException("the target standardizer must have "
          + model.outputSize() + " columns, one per output of " + model.spec().name()
          + ", but had " + targets.size());
    }
    int classes = Math.max(2, model.outputSize());
    if (!extras.classNames().isEmpty() && extras.classNames().size() != classes) {
      throw new IllegalArgumentException("the class names must be " + classes + ", one per class "
          + "of " + model.spec().name() + ", but were " + extras.classNames());
    }
    return checkLoadable(ModelFileWriter.encode(model, extras));
  }

  /**
   * Decodes the bytes about to be written with the checks of {@link #load}, so that nothing is
   * saved that loading would refuse (a check costs far less than a model that cannot come back).
   */
  private static byte[] checkLoadable(byte[] file) {
    try {
      ModelFileReader.read("the model file to save", file);
    } catch (ModelFileException e) {
      throw new IllegalArgumentException("nothing was saved: " + e.getMessage(), e);
    }
    return file;
  }

  /**
   * Loads the weights in the file at {@code path} into {@code into}, and returns what else the
   * file held.
   *
   * @throws ModelFileException if the file is not a model file (a directory, a named pipe or a
   *     device among others), is truncated or corrupted, has an unknown version, or holds a
   *     network of another shape; {@code into} is then unchanged
   */
  public static ModelFileInfo load(Path path, TrainableModel into) throws IOException {
    if (path == null || into == null) {
      throw new IllegalArgumentException("path and model must not be null, but "
          + (path == null ? "path" : "model") + " was null");
    }
    return load(path.toString(), PathReader.read(path), into);
  }

  /**
   * Checks the file at {@code path} and returns what it holds besides the weights, without
   * loading them into a model: for example to find which network a file is for.
   *
   * @throws ModelFileException if the file is not a model file, is truncated or corrupted, or has
   *     an unknown version
   */
  public static ModelFileInfo inspect(Path path) throws IOException {
    if (path == null) {
      throw new IllegalArgumentException("path must not be null");
    }
    return info(ModelFileReader.read(path.toString(), PathReader.read(path)));
  }

  /**
   * Loads the weights of a model file read from {@code in} (for example a class-path resource)
   * into {@code into}, and returns what else the file held; the caller closes the stream.
   *
   * @throws ModelFileException as {@link #load(Path, TrainableModel)} does
   */
  public static ModelFileInfo load(InputStream in, TrainableModel into) throws IOException {
    if (in == null || into == null) {
      throw new IllegalArgumentException("stream and model must not be null, but "
          + (in == null ? "stream" : "model") + " was null");
    }
    String source = "the model file stream";
    return load(source, readStream(in, source), into);
  }

  /**
   * Reads the model file at {@code path} whole, without a model to load it into: the network it
   * was saved from, its parameters and its extras (what a frozen class is written from).
   *
   * @throws ModelFileException if the file is not a model file, is truncated or corrupted, has
   *     an unknown version, or names an activation or loss this runtime does not know
   */
  public static SavedModel read(Path path) throws IOException {
    if (path == null) {
      throw new IllegalArgumentException("path must not be null");
    }
    return SavedModel.of(path.toString(),
        ModelFileReader.read(path.toString(), PathReader.read(path)));
  }

  /**
   * Reads a model file whole from {@code in}, as {@link #read(Path)} does; {@code source} names
   * it in error messages. The caller closes the stream.
   *
   * @throws ModelFileException as {@link #read(Path)} does
   */
  public static SavedModel read(InputStream in, String source) throws IOException {
    if (in == null || source == null) {
      throw new IllegalArgumentException("stream and source must not be null, but "
          + (in == null ? "stream" : "source") + " was null");
    }
    return SavedModel.of(source, ModelFileReader.read(source, readStream(in, source)));
  }

  private static byte[] readStream(InputStream in, String source) throws IOException {
    byte[] header = new byte[ModelFileFormat.HEADER_SIZE];
    int headerLength = readUpTo(in, header, header.length);
    long declared = ModelFileReader.checkHeader(source, header, headerLength);
    // Copy in chunks up to the declared length: a damaged length cannot make us allocate more
    // than the stream really holds.
    int chunkSize = (int) Math.min(CHUNK, declared);
    ByteArrayOutputStream file = new ByteArrayOutputStream(chunkSize);
    file.write(header, 0, headerLength);
    byte[] chunk = new byte[chunkSize];
    long left = declared - headerLength;
    for (int n; left > 0 && (n = readUpTo(in, chunk, (int) Math.min(CHUNK, left))) > 0; ) {
      file.write(chunk, 0, n);
      left -= n;
    }
    return file.toByteArray();
  }

  /** Loads the complete file {@code file}, read from {@code source}, into {@code into}. */
  static ModelFileInfo load(String source, byte[] file, TrainableModel into)
      throws ModelFileException {
    return apply(source, ModelFileReader.read(source, file), into);
  }

  private static int readUpTo(InputStream in, byte[] buffer, int length) throws IOException {
    int total = 0;
    for (int n; total < length && (n = in.read(buffer, total, length - total)) > 0; ) {
      total += n;
    }
    return total;
  }

  private static ModelFileInfo apply(String source, ModelFileReader.Contents c, TrainableModel into)
      throws ModelFileException {
    ShapeFingerprint expected = ShapeFingerprint.of(into.spec());
    if (!c.shape.sameAs(expected) || c.parameters.length != into.parameterCount()) {
      throw new ShapeMismatchException(source, c.shape.toString(), expected.toString(),
          into.spec().name());
    }
    if (c.extras.standardizer() != null
        && c.extras.standardizer().size() != into.inputSize()) {
      throw new ModelFileException(source + " is corrupted: its normalizer "
          + "has " + c.extras.standardizer().size() + " columns for " + into.inputSize()
          + " inputs");
    }
    into.setParameters(c.parameters);
    return info(c);
  }

  static ModelFileInfo info(ModelFileReader.Contents c) {
    return new ModelFileInfo(ModelFileFormat.VERSION, c.networkName, c.precision, c.seed,
        c.shape.toString(), c.extras);
  }
}
