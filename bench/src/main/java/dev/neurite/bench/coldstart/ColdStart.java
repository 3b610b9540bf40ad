package dev.neurite.bench.coldstart;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.neurite.bench.peers.OnnxRuntimePeer;
import dev.neurite.bench.workloads.W3Net;
import dev.neurite.bench.workloads.W3VecNet;
import dev.neurite.bench.workloads.W4Net;
import dev.neurite.bench.workloads.W4VecNet;
import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.train.TrainableModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One cold start, in a JVM of its own (started by {@link ColdStartRunner}): the time from
 * nothing to the first prediction, then single-sample predictions in windows until a time
 * budget is spent, to see when they reach their final speed.
 *
 * <p>Neurite: {@code new W4Net()}, its weights loaded from a Neurite model file
 * ({@code ModelFile.load}), the first {@code predict}. ONNX Runtime: the environment (which
 * extracts and loads the native library), the session from the ONNX file (with the bench's
 * options: one thread, all optimizations), the input tensor, the first {@code run}. Both read
 * their weights from a file, as a server that restarts does. Class loading of the network's
 * classes counts; the JVM's own start does not (the same for both).
 *
 * <p>Prints one line: {@code first=NS part1=NS part2=NS windows=END_NS:NS_PER_CALL,...}, where
 * part1 and part2 split the first prediction (Neurite: construction and load, first predict;
 * ONNX Runtime: environment, session and first run).
 */
public final class ColdStart {
  /** The fewest windows timed after the first prediction. */
  static final int MIN_WINDOWS = 4 * ColdStartRunner.ROLLING;

  private ColdStart() {}

  /** {@code ColdStart WORKLOAD VARIANT MODEL_FILE BUDGET_MS}. */
  public static void main(String[] args) throws Exception {
    String workload = args[0];
    Variant variant = Variant.valueOf(args[1]);
    Path file = Paths.get(args[2]);
    long budget = Long.parseLong(args[3]) * 1_000_000L;
    float[][] inputs = inputs(workload.equals("W3") ? 64 : 784);
    Predictor predictor = variant == Variant.ONNX_RUNTIME ? onnx(file, inputs)
        : neurite(workload, variant == Variant.VECTOR, file, inputs);
    StringBuilder out = new StringBuilder("first=").append(predictor.firstNanos)
        .append(" part1=").append(predictor.part1Nanos)
        .append(" part2=").append(predictor.firstNanos - predictor.part1Nanos)
        .append(" windows=");
    int calls = workload.equals("W3") ? 256 : 8;
    long start = predictor.start;
    long now = System.nanoTime();
    int k = 0;
    // At least enough windows for the rolling median, however long the first prediction took.
    for (int w = 0; now - start < budget || w < MIN_WINDOWS; w++) {
      long before = now;
      for (int c = 0; c < calls; c++) {
        predictor.predict(k);
        k = (k + 1) & (inputs.length - 1);
      }
      now = System.nanoTime();
      out.append(now - start).append(':').append((now - before) / calls).append(',');
    }
    System.out.println(out);
  }

  private static float[][] inputs(int size) {
    SplittableRandom random = new SplittableRandom(1);
    float[][] inputs = new float[32][size];
    for (float[] input : inputs) {
      for (int i = 0; i < size; i++) {
        input[i] = (float) random.nextDouble(-1, 1);
      }
    }
    return inputs;
  }

  private static Predictor neurite(String workload, boolean vector, Path file, float[][] inputs)
      throws Exception {
    long start = System.nanoTime();
    FloatModel model = newModel(workload, vector);
    ModelFile.load(file, (TrainableModel) model); // generated: both contracts
    long loaded = System.nanoTime();
    float[] output = new float[model.outputSize()];
    model.predict(inputs[0], output);
    long first = System.nanoTime();
    return new Predictor(start, loaded - start, first - start) {
      @Override
      void predict(int k) {
        model.predict(inputs[k], output);
      }
    };
  }

  /** The generated classes by name in the source, so that only the one measured is loaded. */
  private static FloatModel newModel(String workload, boolean vector) {
    if (workload.equals("W3")) {
      return vector ? new W3VecNet() : new W3Net();
    }
    return vector ? new W4VecNet() : new W4Net();
  }

  private static Predictor onnx(Path file, float[][] inputs) throws OrtException {
    long start = System.nanoTime();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions options = OnnxRuntimePeer.options();
    long environment = System.nanoTime();
    OrtSession session = env.createSession(file.toString(), options);
    FloatBuffer buffer = ByteBuffer.allocateDirect(inputs[0].length * Float.BYTES)
        .order(ByteOrder.nativeOrder()).asFloatBuffer();
    OnnxTensor tensor = OnnxTensor.createTensor(env, buffer, new long[] {1, inputs[0].length});
    Map<String, OnnxTensor> feed = Map.of(session.getInputNames().iterator().next(), tensor);
    float[] output = new float[10];
    Predictor predictor = new Predictor(start, environment - start, 0) {
      @Override
      void predict(int k) {
        buffer.put(0, inputs[k]);
        try (OrtSession.Result result = session.run(feed)) {
          ((OnnxTensor) result.get(0)).getFloatBuffer().get(output);
        } catch (OrtException e) {
          throw new IllegalStateException(e);
        }
      }
    };
    predictor.predict(0);
    predictor.firstNanos = System.nanoTime() - start;
    return predictor;
  }

  /** What is started: the generated class, plain or with the Vector API, or ONNX Runtime. */
  public enum Variant {
    NEURITE, VECTOR, ONNX_RUNTIME
  }

  /** One prediction on sample k, and the times of the first. */
  private abstract static class Predictor {
    final long start;
    final long part1Nanos;
    long firstNanos;

    Predictor(long start, long part1Nanos, long firstNanos) {
      this.start = start;
      this.part1Nanos = part1Nanos;
      this.firstNanos = firstNanos;
    }

    abstract void predict(int k);
  }
}
