package dev.neurite.runtime.train;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed set of training threads that run phases together: the caller is thread 0, and
 * {@code threads - 1} daemon threads, started once per training run, are the others. Each
 * {@link #run} hands one phase to every thread and returns when all have finished it; that
 * hand-off is the only synchronization. Threads waiting for a phase (or for the others) spin
 * briefly, since phases follow each other within microseconds inside a minibatch, then park,
 * so that a pause between epochs costs no processor time.
 *
 * <p>A phase that throws on a worker is caught there; {@link #run} waits for every thread to
 * finish the phase, then throws: the caller's own exception as it is, or an
 * {@link IllegalStateException} naming the worker with its exception as the cause. Nothing is
 * left waiting: {@link #close} stops the workers.
 */
final class PhasePool implements AutoCloseable {
  /** Spins before parking: about the time a few thousand volatile reads take. */
  private static final int SPINS = 1 << 14;

  private final Thread[] workers;
  private final Throwable[] failures;
  private final AtomicInteger pending = new AtomicInteger();
  private volatile IntConsumer phase;
  /** Counts the phases handed out; a worker runs a phase when it sees the count change. */
  private volatile int generation;
  private volatile boolean closed;
  private volatile Thread caller;

  /** Starts {@code threads - 1} daemon threads named {@code name-1}, {@code name-2}, .... */
  PhasePool(int threads, String name) {
    this.workers = new Thread[threads - 1];
    this.failures = new Throwable[threads];
    for (int t = 1; t < threads; t++) {
      int index = t;
      Thread worker = new Thread(() -> work(index), name + "-" + t);
      worker.setDaemon(true);
      workers[t - 1] = worker;
    }
    for (Thread worker : workers) {
      worker.start();
    }
  }

  /** Returns the number of threads, the caller's included. */
  int threads() {
    return workers.length + 1;
  }

  /**
   * Runs {@code task.accept(t)} on every thread {@code t}, the caller's share on the calling
   * thread, and returns when all are done.
   */
  void run(IntConsumer task) {
    if (workers.length == 0) {
      task.accept(0);
      return;
    }
    caller = Thread.currentThread();
    for (int t = 1; t < failures.length; t++) {
      failures[t] = null;
    }
    pending.set(workers.length);
    phase = task;
    generation++;
    for (Thread worker : workers) {
      LockSupport.unpark(worker);
    }
    try {
      task.accept(0);
    } finally {
      awaitWorkers();
    }
    rethrowFailure();
  }

  private void awaitWorkers() {
    for (int spins = 0; pending.get() != 0; spins++) {
      if (spins >= SPINS) {
        LockSupport.park(this);
      }
    }
  }

  private void rethrowFailure() {
    for (int t = 1; t < failures.length; t++) {
      Throwable failure = failures[t];
      if (failure != null) {
        throw new IllegalStateException(
            "training thread " + workers[t - 1].getName() + " failed: " + failure, failure);
      }
    }
  }

  private void work(int index) {
    int seen = 0;
    while (true) {
      for (int spins = 0; generation == seen && !closed; spins++) {
        if (spins >= SPINS) {
          LockSupport.park(this);
        }
      }
      if (closed) {
        return;
      }
      seen = generation;
      try {
        phase.accept(index);
      } catch (Throwable e) {
        failures[index] = e;
      }
      if (pending.decrementAndGet() == 0) {
        LockSupport.unpark(caller);
      }
    }
  }

  /** Stops the workers and waits for them to end; they are between phases when this runs. */
  @Override
  public void close() {
    closed = true;
    for (Thread worker : workers) {
      LockSupport.unpark(worker);
    }
    boolean interrupted = false;
    for (Thread worker : workers) {
      while (worker.isAlive()) {
        try {
          worker.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
