package dev.neurite.onnx;

import com.google.protobuf.ByteString;
import dev.neurite.onnx.proto.Onnx.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads the values of an ONNX tensor into doubles, and writes doubles as an ONNX tensor. */
final class Tensors {
  private Tensors() {}

  /** Returns the tensor's values in row-major order, whatever field holds them. */
  static double[] values(TensorProto t) throws OnnxException {
    if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      throw new OnnxException("tensor '" + t.getName() + "' keeps its data in an external file; "
          + "Neurite reads only tensors stored in the model (save the model without "
          + "save_as_external_data)");
    }
    long count = elementCount(t);
    int type = t.getDataType();
    double[] values;
    boolean raw = !t.getRawData().isEmpty();
    if (type == TensorProto.DataType.FLOAT_VALUE) {
      values = raw ? raw(t.getRawData(), count, Float.BYTES, t) : floatData(t);
    } else if (type == TensorProto.DataType.DOUBLE_VALUE) {
      values = raw ? raw(t.getRawData(), count, Double.BYTES, t) : doubleData(t);
    } else {
      throw new OnnxException("tensor '" + t.getName() + "' has element type "
          + typeName(type) + "; Neurite reads FLOAT and DOUBLE tensors");
    }
    if (values.length != count) {
      throw new OnnxException("tensor '" + t.getName() + "' has dimensions " + t.getDimsList()
          + " (" + count + " values) but holds " + values.length + " values");
    }
    return values;
  }

  /** Returns the number of values the dimensions describe. */
  static long elementCount(TensorProto t) throws OnnxException {
    long count = 1;
    for (long d : t.getDimsList()) {
      if (d < 0 || d > Integer.MAX_VALUE || (count *= d) > Integer.MAX_VALUE) {
        throw new OnnxException("tensor '" + t.getName() + "' has dimensions " + t.getDimsList()
            + ", more values than a Java array holds");
      }
    }
    return count;
  }

  /** Returns the name of an ONNX element type, for messages. */
  static String typeName(int type) {
    TensorProto.DataType known = TensorProto.DataType.forNumber(type);
    return known == null ? "number " + type : known.name();
  }

  private static double[] floatData(TensorProto t) {
    double[] values = new double[t.getFloatDataCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = t.getFloatData(i);
    }
    return values;
  }

  private static double[] doubleData(TensorProto t) {
    double[] values = new double[t.getDoubleDataCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = t.getDoubleData(i);
    }
    return values;
  }

  /** Reads {@code count} little-endian values of {@code bytes} bytes each (4 or 8). */
  private static double[] raw(ByteString raw, long count, int bytes, TensorProto t)
      throws OnnxException {
    checkRawSize(raw, count, bytes, t);
    ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    double[] values = new double[(int) count];
    for (int i = 0; i < values.length; i++) {
      values[i] = bytes == Double.BYTES ? b.getDouble() : b.getFloat();
    }
    return values;
  }

  private static void checkRawSize(ByteString raw, long count, int bytes, TensorProto t)
      throws OnnxException {
    if (raw.size() != count * bytes) {
      throw new OnnxException("tensor '" + t.getName() + "' has dimensions " + t.getDimsList()
          + " (" + count + " values of " + bytes + " bytes) but " + raw.size()
          + " bytes of raw data");
    }
  }

  /** Returns the ONNX element type of doubles or floats. */
  static int elementType(boolean doubles) {
    return doubles ? TensorProto.DataType.DOUBLE_VALUE : TensorProto.DataType.FLOAT_VALUE;
  }

  /** Returns a tensor of {@code values}, stored as little-endian raw data of the given type. */
  static TensorProto tensor(String name, double[] values, boolean asDouble, long... dims) {
    ByteBuffer b = ByteBuffer.allocate(values.length * (asDouble ? Double.BYTES : Float.BYTES))
        .order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      if (asDouble) {
        b.putDouble(v);
      } else {
        b.putFloat((float) v);
      }
    }
    b.flip();
    TensorProto.Builder t = TensorProto.newBuilder()
        .setName(name)
        .setDataType(elementType(asDouble))
        .setRawData(ByteString.copyFrom(b));
    for (long d : dims) {
      t.addDims(d);
    }
    return t.build();
  }
}
