package dev.neurite.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Collections;

/** Runs an ONNX file in ONNX Runtime (Java): the oracle the imports and exports are held to. */
final class OnnxRuntime {
  private OnnxRuntime() {}

  /** Returns the file's outputs for {@code inputs} ([sample][feature]), in the file's type. */
  static double[][] run(Path file, double[][] inputs, boolean doubles) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = env.createSession(file.toString(), options)) {
      NodeInfo input = session.getInputInfo().values().iterator().next();
      long[] shape = ((TensorInfo) input.getInfo()).getShape();
      shape[0] = inputs.length; // the batch; the other dimensions are the file's
      try (OnnxTensor tensor = tensor(env, inputs, shape, doubles);
          OrtSession.Result result = session.run(Collections.singletonMap(input.getName(),
              tensor))) {
        Object value = result.get(0).getValue();
        return doubles ? (double[][]) value : toDoubles((float[][]) value);
      }
    }
  }

  private static OnnxTensor tensor(OrtEnvironment env, double[][] rows, long[] shape,
      boolean doubles) throws OrtException {
    int width = rows[0].length;
    if (doubles) {
      DoubleBuffer b = DoubleBuffer.allocate(rows.length * width);
      for (double[] row : rows) {
        b.put(row);
      }
      b.flip();
      return OnnxTensor.createTensor(env, b, shape);
    }
    FloatBuffer b = FloatBuffer.allocate(rows.length * width);
    for (float[] row : toFloats(rows)) {
      b.put(row);
    }
    b.flip();
    return OnnxTensor.createTensor(env, b, shape);
  }

  private static float[][] toFloats(double[][] values) {
    float[][] floats = new float[values.length][];
    for (int s = 0; s < values.length; s++) {
      floats[s] = new float[values[s].length];
      for (int i = 0; i < values[s].length; i++) {
        floats[s][i] = (float) values[s][i];
      }
    }
    return floats;
  }

  private static double[][] toDoubles(float[][] values) {
    double[][] doubles = new double[values.length][];
    for (int s = 0; s < values.length; s++) {
      doubles[s] = new double[values[s].length];
      for (int i = 0; i < values[s].length; i++) {
        doubles[s][i] = values[s][i];
      }
    }
    return doubles;
  }
}
