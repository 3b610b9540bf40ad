package dev.neurite.bench.peers;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.neurite.bench.workloads.Samples;
import dev.neurite.bench.workloads.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * ONNX Runtime's Java API on the workload's ONNX file (exported from PyTorch with the bench's
 * {@link dev.neurite.bench.workloads.Weights}), in its fastest form: one intra-op thread, every
 * graph optimization, input tensors prepared once over direct buffers (no copy per call) and the
 * output pinned into a direct buffer ({@code run(inputs, pinnedOutputs)}), so a call is the
 * native run plus the Java wrapper's own bookkeeping. Inference only.
 */
public final class OnnxRuntimePeer extends Peer {
  /** The version on the classpath, for tables. */
  static final String VERSION = "1.23.2";

  private final OrtSession session;
  private final String inputName;
  private final String outputName;
  private final Map<String, OnnxTensor>[] singleInputs;
  private final Map<String, OnnxTensor> singleOutput;
  private final FloatBuffer singleResult;
  private final Map<String, OnnxTensor> batchInput;
  private final Map<String, OnnxTensor> batchOutput;
  private final FloatBuffer batchResult;
  private final int outputSize;

  OnnxRuntimePeer(Workload workload, Samples samples) {
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      this.session = env.createSession(model(workload), options());
      this.inputName = session.getInputNames().iterator().next();
      this.outputName = session.getOutputNames().iterator().next();
      int in = workload.spec().inputSize();
      this.outputSize = workload.spec().outputSize();
      float[][] inputs = Samples.toFloat(samples.inputs());
      this.singleInputs = singleInputs(env, inputName, inputs, in);
      this.singleResult = floats(outputSize);
      this.singleOutput = Map.of(outputName, tensor(env, singleResult, 1, outputSize));
      FloatBuffer batch = floats(Samples.COUNT * in);
      for (float[] input : inputs) {
        batch.put(input);
      }
      this.batchInput = Map.of(inputName, tensor(env, batch, Samples.COUNT, in));
      this.batchResult = floats(Samples.COUNT * outputSize);
      this.batchOutput = Map.of(outputName,
          tensor(env, batchResult, Samples.COUNT, outputSize));
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime refused " + workload + ": " + e, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, OnnxTensor>[] singleInputs(OrtEnvironment env, String name,
      float[][] inputs, int in) throws OrtException {
    Map<String, OnnxTensor>[] maps = new Map[Samples.BATCH];
    for (int k = 0; k < maps.length; k++) {
      maps[k] = Map.of(name, tensor(env, floats(in).put(inputs[k]), 1, in));
    }
    return maps;
  }

  /** Returns the ONNX file of {@code workload}, from the bench's resources. */
  public static byte[] model(Workload workload) {
    String name = "/dev/neurite/bench/onnx/" + workload + ".onnx";
    try (InputStream in = OnnxRuntimePeer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing: see bench/python/export_onnx.py");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One thread, sequential, every graph optimization: ONNX Runtime at its best on one core. */
  public static OrtSession.SessionOptions options() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    return options;
  }

  private static FloatBuffer floats(int count) {
    return ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder())
        .asFloatBuffer();
  }

  private static OnnxTensor tensor(OrtEnvironment env, FloatBuffer data, int rows, int columns)
      throws OrtException {
    return OnnxTensor.createTensor(env, data.rewind(), new long[] {rows, columns});
  }

  @Override
  public void predict(int k) {
    run(singleInputs[k], singleOutput);
  }

  @Override
  public Object predictBatch() {
    run(batchInput, batchOutput);
    return batchResult;
  }

  private void run(Map<String, OnnxTensor> inputs, Map<String, OnnxTensor> outputs) {
    try {
      session.run(inputs, outputs).close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Object output() {
    return singleResult;
  }

  @Override
  public double[] outputOf(int k) {
    predict(k);
    double[] copy = new double[outputSize];
    for (int o = 0; o < outputSize; o++) {
      copy[o] = singleResult.get(o);
    }
    return copy;
  }

  /** Returns the outputs of sample {@code k} from one batch run, to check the batch path too. */
  double[] batchOutputOf(int k) {
    predictBatch();
    double[] copy = new double[outputSize];
    for (int o = 0; o < outputSize; o++) {
      copy[o] = batchResult.get(k * outputSize + o);
    }
    return copy;
  }

  @Override
  public boolean trains() {
    return false;
  }

  @Override
  public void trainStep() {
    throw new UnsupportedOperationException("the ONNX Runtime peer runs inference only");
  }

  @Override
  public int parameterCount() {
    throw new UnsupportedOperationException("ONNX Runtime does not expose its initializers");
  }
}
