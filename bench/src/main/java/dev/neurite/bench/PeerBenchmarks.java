package dev.neurite.bench;

import dev.neurite.bench.peers.Peer;
import dev.neurite.bench.peers.PeerKind;
import dev.neurite.bench.workloads.Samples;
import dev.neurite.bench.workloads.Workload;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Every Java peer on every workload: single-sample inference latency, batch inference
 * throughput and minibatch training throughput. One peer per fork, so each call site sees one
 * implementation, as in a real program. The inference-only peers ({@code frozen},
 * {@code onnx_runtime}) are not in the default list of {@link #peer}: the report runs them on the
 * two inference benchmarks only.
 */
@State(Scope.Thread)
// The Vector API peer needs the incubating module; the others do not mind it.
@Fork(jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PeerBenchmarks {
  /** The seed of the samples every peer sees. */
  static final long SEED = 2026;

  /**
   * The workload, a {@link Workload} name. JMH varies the alphabetically last parameter fastest:
   * "net" before "peer" runs the peers of one workload back to back, close in time, so that
   * their ratios see the same load on a shared machine.
   */
  @Param({"W1", "W2", "W3", "W4"})
  public String net;

  /** The implementation, a {@link PeerKind} name in lower case. */
  @Param({"neurite", "vector", "reference", "handwritten", "encog", "shaped"})
  public String peer;

  private Peer p;
  private int next;

  /** Loads the peer; it refuses to start if it does not compute the workload's function. */
  @Setup
  public void setUp() {
    p = PeerKind.valueOf(peer.toUpperCase(Locale.ROOT)).create(Workload.valueOf(net), SEED);
  }

  /** One inference on one sample; cycles through the first minibatch's samples. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public void predict(Blackhole bh) {
    p.predict(next);
    next = (next + 1) & (Samples.BATCH - 1);
    bh.consume(p.output());
  }

  /**
   * Inference on 256 samples: one call for a peer with a batched call (ONNX Runtime, the
   * generated classes' batch {@code predict}), one sample after the other otherwise. The score
   * is samples per second.
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(Samples.COUNT)
  public void predictBatch(Blackhole bh) {
    bh.consume(p.predictBatch());
  }

  /** One SGD step on a minibatch of 32; the score is samples per second. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(Samples.BATCH)
  public void train(Blackhole bh) {
    p.trainStep();
    bh.consume(p);
  }
}
