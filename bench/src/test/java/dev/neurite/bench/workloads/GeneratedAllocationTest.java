package dev.neurite.bench.workloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.FloatModel;
import dev.neurite.runtime.train.TrainableModel;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The target "0 bytes per predict", counted exactly with the JVM's per-thread allocation counter
 * (JMH's {@code -prof gc} spreads its own per-iteration bookkeeping over the calls, which shows
 * as tens of bytes per call on W4, where an iteration holds only a few thousand calls).
 */
class GeneratedAllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @ParameterizedTest
  @EnumSource(Workload.class)
  void predictAllocatesNothing(Workload w) {
    assertNoAllocation(w, w.newGenerated(), 1);
  }

  /**
   * The Vector API's vectors are objects, which only C2 scalar-replaces: interpreted, a W4
   * predict allocates tens of kilobytes. So this one allows the JIT a few more warm-up rounds
   * (C2 compiles in the background), then wants a round without allocation like the others.
   */
  @ParameterizedTest
  @EnumSource(Workload.class)
  void vectorPredictAllocatesNothingOnceCompiled(Workload w) {
    FloatModel vector = w.newVector();
    // Up to 100 rounds: on the loaded 2-core machine C2's queue can take a few seconds.
    assertNoAllocation(w, vector, 100);
    // Compiled by C2 by now: still the plain loops' outputs, bit for bit (VectorApiTest checks
    // that on the interpreter's run of the same code).
    FloatModel plain = w.newGenerated();
    double[] parameters = new double[plain.parameterCount()];
    ((TrainableModel) plain).getParameters(parameters); // generated: both contracts
    ((TrainableModel) vector).setParameters(parameters);
    float[][] inputs = Samples.toFloat(Samples.of(w.spec(), 2).inputs());
    float[] expected = new float[plain.outputSize()];
    float[] actual = new float[plain.outputSize()];
    for (float[] input : inputs) {
      plain.predict(input, expected);
      vector.predict(input, actual);
      assertArrayEquals(expected, actual, w.toString());
    }
  }

  /** The batch call too, plain and Vector API (allowed C2's warm-up like the one above). */
  @ParameterizedTest
  @EnumSource(Workload.class)
  void batchPredictAllocatesNothing(Workload w) {
    for (FloatModel model : new FloatModel[] {w.newGenerated(), w.newVector()}) {
      float[] inputs = new float[Samples.COUNT * model.inputSize()];
      float[] outputs = new float[Samples.COUNT * model.outputSize()];
      int calls = w == Workload.W4 ? 20 : 200;
      long allocated = Long.MAX_VALUE;
      for (int round = 0; round < 100 && allocated >= calls; round++) {
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        for (int k = 0; k < calls; k++) {
          model.predict(inputs, outputs, Samples.COUNT);
        }
        allocated = THREADS.getThreadAllocatedBytes(thread) - before;
      }
      assertTrue(allocated < calls, w + ": " + allocated + " bytes allocated by " + calls
          + " batch predict calls of " + model.getClass().getSimpleName());
    }
  }

  private static void assertNoAllocation(Workload w, FloatModel model, int rounds) {
    float[][] inputs = Samples.toFloat(Samples.of(w.spec(), 1).inputs());
    float[] output = new float[model.outputSize()];
    int calls = w == Workload.W4 ? 1_000 : 20_000;
    allocatedBy(model, inputs, output, calls);
    long allocated = Long.MAX_VALUE;
    // One allocation per call would be at least 16 bytes per call; less than one byte per call
    // is the JVM's own (class loading, JIT transitions) on this thread, not predict's.
    for (int round = 0; round < rounds && allocated >= calls; round++) {
      allocated = allocatedBy(model, inputs, output, calls);
    }
    assertTrue(allocated < calls, w + ": " + allocated + " bytes allocated by " + calls
        + " predict calls");
  }

  private static long allocatedBy(FloatModel model, float[][] inputs, float[] output,
      int calls) {
    long thread = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(thread);
    for (int k = 0; k < calls; k++) {
      model.predict(inputs[k % inputs.length], output);
    }
    return THREADS.getThreadAllocatedBytes(thread) - before;
  }
}
