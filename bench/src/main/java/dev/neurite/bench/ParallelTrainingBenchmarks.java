package dev.neurite.bench;

import dev.neurite.bench.workloads.Samples;
import dev.neurite.bench.workloads.Workload;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.optim.Adam;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.runtime.train.Trainer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Data-parallel training ({@code Trainer.builder().threads(n)}) of the generated class: one
 * {@code fit} of {@link #EPOCHS} epochs over the bench's 256 samples, minibatches of 32, Adam,
 * no accuracy pass, from the same weights each call. Each call pays what a user's {@code fit}
 * pays: the replicas, the threads, the shuffles. The score is samples per second.
 */
@State(Scope.Thread)
public class ParallelTrainingBenchmarks {
  /** Epochs per call: enough that making the replicas and threads is a few percent of it. */
  static final int EPOCHS = 16;
  /** Samples trained per call. */
  static final int SAMPLES = EPOCHS * Samples.COUNT;

  /** The workload, a {@link Workload} name. */
  @Param({"W3", "W4"})
  public String net;

  /** The trainer's threads; JMH varies this one fastest, so 1 and 2 run back to back. */
  @Param({"1", "2"})
  public int threads;

  private TrainableModel model;
  private double[] initial;
  private Dataset data;
  private Adam adam;
  private Trainer trainer;

  /** Makes the model, the data and the trainer. */
  @Setup(Level.Trial)
  public void setUp() {
    Workload workload = Workload.valueOf(net);
    model = (TrainableModel) workload.newGenerated();
    initial = new double[model.parameterCount()];
    model.getParameters(initial);
    Samples samples = Samples.of(workload.spec(), PeerBenchmarks.SEED);
    data = Dataset.of(samples.inputs(), samples.targets());
    adam = new Adam(0.001);
    trainer = Trainer.builder().epochs(EPOCHS).batchSize(Samples.BATCH).threads(threads)
        .optimizer(adam).trainingAccuracy(false).build();
  }

  /** Puts the first weights back and resets Adam, so that every call trains the same way. */
  @Setup(Level.Invocation)
  public void restart() {
    model.setParameters(initial);
    adam.reset();
  }

  /** One fit; the score is samples per second. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(SAMPLES)
  public Object fit() {
    return trainer.fit(model, data);
  }
}
