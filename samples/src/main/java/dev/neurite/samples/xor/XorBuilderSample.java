package dev.neurite.samples.xor;

import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.reference.ReferenceNetwork;
import dev.neurite.runtime.train.TrainableModel;
import dev.neurite.samples.support.Artifacts;
import dev.neurite.samples.support.Outputs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * XOR declared with the builder ({@link XorModels#XOR}), run both ways: compiled (the generated
 * {@code XorBuilderNet}) and interpreted (the {@link ReferenceNetwork} running the very same
 * field at run time, with no generated code). Both train the same way as {@link XorSample}.
 */
public final class XorBuilderSample {
  private XorBuilderSample() {}

  /** What one run measured. */
  record Result(double compiledAccuracy, double interpretedAccuracy,
      boolean reloadedPredictsTheSame) {}

  /** Runs the sample; the optional argument is the directory for its output files. */
  public static void main(String[] args) throws IOException {
    run(Outputs.directory(args), System.out);
  }

  /** Trains the compiled and the interpreted network, writing files into {@code dir}. */
  static Result run(Path dir, PrintStream out) throws IOException {
    out.println(XorModels.XOR.summary());
    Artifacts artifacts = new Artifacts(dir, "xor-builder", out);
    XorBuilderNet compiled = new XorBuilderNet();
    TrainableModel interpreted = new ReferenceNetwork(XorModels.XOR);
    artifacts.writeHistories(new String[] {"generated class", "reference interpreter"},
        XorSample.train(compiled, artifacts), XorSample.train(interpreted, artifacts));
    out.println("Generated XorBuilderNet:");
    double compiledAccuracy = XorSample.report(compiled, out);
    out.println("The builder's spec, interpreted:");
    double interpretedAccuracy = XorSample.report(interpreted, out);
    boolean same = artifacts.saveAndReload(compiled, new XorBuilderNet(),
        Dataset.of(XorSample.INPUTS, XorSample.TARGETS));
    return new Result(compiledAccuracy, interpretedAccuracy, same);
  }
}
