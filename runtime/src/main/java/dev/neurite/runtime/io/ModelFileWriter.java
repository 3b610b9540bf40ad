package dev.neurite.runtime.io;

import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.data.Standardizer;
import dev.neurite.runtime.train.TrainableModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Encodes a model and its extras as the bytes of a model file (see {@link ModelFileFormat}). */
final class ModelFileWriter {
  private ModelFileWriter() {}

  /** Returns the complete file: header, body and trailing CRC. */
  static byte[] encode(TrainableModel model, ModelExtras extras) {
    byte[] body = body(model, extras);
    long length = (long) ModelFileFormat.HEADER_SIZE + body.length + ModelFileFormat.TRAILER_SIZE;
    if (length > ModelFileFormat.MAX_FILE_BYTES) {
      throw new IllegalArgumentException("a model file must be at most "
          + ModelFileFormat.MAX_FILE_BYTES + " bytes, but this one would have " + length);
    }
    ByteBuffer file = ByteBuffer.allocate((int) length);
    file.put(ModelFileFormat.MAGIC).putInt(ModelFileFormat.VERSION).putLong(length);
    file.putInt(ModelFileFormat.crc(file.array(), ModelFileFormat.HEADER_CRC_OFFSET));
    file.put(body);
    file.putInt(ModelFileFormat.crc(file.array(), file.position()));
    return file.array();
  }

  private static byte[] body(TrainableModel model, ModelExtras extras) {
    double[] parameters = new double[model.parameterCount()];
    model.getParameters(parameters);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(
        (int) Math.min(Integer.MAX_VALUE - 64, parameters.length * 8L + 256));
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      NetworkSpec spec = model.spec();
      writeString(out, spec.name());
      writeString(out, spec.precision().name());
      out.writeLong(spec.seed());
      writeString(out, lossName(spec));
      writeShape(out, spec);
      writeArray(out, parameters);
      writeStandardizer(out, extras.standardizer());
      writeOptimizerState(out, extras.optimizerState());
      out.writeInt(extras.arrayNames().size());
      for (String name : extras.arrayNames()) {
        writeString(out, name);
        writeArray(out, extras.array(name));
      }
      writePipeline(out, extras);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * The loss as the file records it: its name, and a Huber delta other than 1 in parentheses
   * ({@code HUBER(0.5)}), so that files of the default delta read as they always did.
   */
  static String lossName(NetworkSpec spec) {
    return spec.huberDelta() == Loss.DEFAULT_HUBER_DELTA ? spec.loss().name()
        : spec.loss().name() + "(" + spec.huberDelta() + ")";
  }

  private static void writeShape(DataOutputStream out, NetworkSpec spec) throws IOException {
    out.writeInt(spec.inputSize());
    out.writeInt(spec.layerCount());
    for (LayerSpec layer : spec.layers()) {
      boolean dense = layer.kind() == LayerSpec.Kind.DENSE;
      out.writeByte(dense ? ModelFileFormat.DENSE : ModelFileFormat.DROPOUT);
      out.writeInt(layer.units());
      writeString(out, ShapeFingerprint.fileName(layer.activation()));
      writeDouble(out, dense ? layer.activationParameter() : 0);
      out.writeBoolean(layer.hasBias());
      writeDouble(out, layer.rate());
    }
  }

  private static void writeStandardizer(DataOutputStream out, Standardizer standardizer)
      throws IOException {
    out.writeBoolean(standardizer != null);
    if (standardizer != null) {
      out.writeInt(standardizer.size());
      writeValues(out, standardizer.means());
      writeValues(out, standardizer.stddevs());
    }
  }

  /** Writes the pipeline section only when there is one: other files stay as they were. */
  private static void writePipeline(DataOutputStream out, ModelExtras extras) throws IOException {
    if (extras.targetStandardizer() == null && extras.classNames().isEmpty()) {
      return;
    }
    out.writeByte(ModelFileFormat.PIPELINE_SECTION);
    writeStandardizer(out, extras.targetStandardizer());
    out.writeInt(extras.classNames().size());
    for (String name : extras.classNames()) {
      writeString(out, name);
    }
  }

  private static void writeOptimizerState(DataOutputStream out, double[][] state)
      throws IOException {
    out.writeBoolean(state != null);
    if (state != null) {
      out.writeInt(state.length);
      for (double[] array : state) {
        writeArray(out, array);
      }
    }
  }

  private static void writeArray(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    writeValues(out, values);
  }

  private static void writeValues(DataOutputStream out, double[] values) throws IOException {
    for (double value : values) {
      writeDouble(out, value);
    }
  }

  /** Raw bits, so that every value, NaN payloads included, comes back bit for bit. */
  private static void writeDouble(DataOutputStream out, double value) throws IOException {
    out.writeLong(Double.doubleToRawLongBits(value));
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > 0xFFFF) {
      throw new IllegalArgumentException("a name in a model file must have at most 65535 UTF-8 "
          + "bytes, but had " + utf8.length);
    }
    out.writeShort(utf8.length);
    out.write(utf8);
  }
}
