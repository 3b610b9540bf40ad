package dev.neurite.spark;

import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.train.TrainableModel;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;

/**
 * A {@code PreciseBlobsNet} whose batch pass throws once, in the first attempt of partition 1's
 * task, after it has added its rows' gradients: Spark must retry the task, and the retry must not
 * see the half-done sum. The counter lives in the test JVM, which runs local mode's executors.
 */
final class FailingOnce implements TrainableModel {
  static final AtomicInteger FAILURES = new AtomicInteger();
  private final PreciseBlobsNet net = new PreciseBlobsNet();

  @Override
  public double forwardBackwardBatch(
      Dataset data, int[] order, int from, int to, double[] gradient) {
    double loss = net.forwardBackwardBatch(data, order, from, to, gradient);
    TaskContext task = TaskContext.get();
    if (task.partitionId() == 1 && task.attemptNumber() == 0
        && FAILURES.compareAndSet(0, 1)) {
      throw new IllegalStateException("injected failure of partition 1, attempt 0");
    }
    return loss;
  }

  @Override
  public NetworkSpec spec() {
    return net.spec();
  }

  @Override
  public int inputSize() {
    return net.inputSize();
  }

  @Override
  public int outputSize() {
    return net.outputSize();
  }

  @Override
  public int parameterCount() {
    return net.parameterCount();
  }

  @Override
  public void predict(double[] input, double[] output) {
    net.predict(input, output);
  }

  @Override
  public void getParameters(double[] destination) {
    net.getParameters(destination);
  }

  @Override
  public void setParameters(double[] source) {
    net.setParameters(source);
  }

  @Override
  public double forwardBackward(double[] input, double[] target, double[] gradient) {
    return net.forwardBackward(input, target, gradient);
  }

  @Override
  public void forward(double[] input, double[] output) {
    net.forward(input, output);
  }

  @Override
  public void backward(double[] outputGradient, double[] gradient) {
    net.backward(outputGradient, gradient);
  }

  @Override
  public void setTraining(boolean training) {
    net.setTraining(training);
  }

  @Override
  public void setDropoutSeed(long seed) {
    net.setDropoutSeed(seed);
  }
}
