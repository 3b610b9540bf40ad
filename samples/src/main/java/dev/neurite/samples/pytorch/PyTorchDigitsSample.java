package dev.neurite.samples.pytorch;

import dev.neurite.onnx.ImportedNetwork;
import dev.neurite.onnx.OnnxImporter;
import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.metrics.Classes;
import dev.neurite.samples.support.SampleData;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A digits classifier trained in PyTorch, run by Neurite: its ONNX file imported, its weights
 * loaded into the class Neurite generated from the same layers, its accuracy measured on the
 * images PyTorch held out and compared with what PyTorch measured, image by image.
 *
 * <p>The network and PyTorch's figures come from onnx/scripts/make_fixtures.py (PyTorch 1.13,
 * Adam, 40 epochs): pixels divided by 16, every fifth image (index % 5 == 4) held out.
 */
public final class PyTorchDigitsSample {
  static final String MODEL = "/models/digits_pytorch.onnx";
  static final String PYTORCH_FIGURES = "/models/digits_pytorch.properties";

  private PyTorchDigitsSample() {}

  /** What Neurite measured, next to what PyTorch measured. */
  public record Result(int correct, int pyTorchCorrect, int images, int disagreements) {}

  /** Runs the sample (it writes no files). */
  public static void main(String[] args) throws IOException {
    run(System.out);
  }

  /** Imports, evaluates and compares; prints what it does to {@code out}. */
  static Result run(PrintStream out) throws IOException {
    ImportedNetwork imported;
    try (InputStream in = open(MODEL)) {
      imported = new OnnxImporter().name("PyTorchDigitsNet").read(in, "digits_pytorch.onnx");
    }
    out.println("Imported from digits_pytorch.onnx:");
    out.println(imported.spec().summary());
    PyTorchDigitsNet net = imported.loadInto(new PyTorchDigitsNet());

    Properties pyTorch = new Properties();
    try (InputStream in = open(PYTORCH_FIGURES)) {
      pyTorch.load(in);
    }
    String[] pyTorchPredicted = pyTorch.getProperty("test.predicted").split(",");
    Dataset test = heldOut(SampleData.digits().data());
    double[] output = new double[10];
    int correct = 0;
    int disagreements = 0;
    for (int s = 0; s < test.size(); s++) {
      net.predict(test.input(s), output);
      int digit = Classes.of(output);
      correct += digit == Classes.of(test.target(s)) ? 1 : 0;
      disagreements += digit == Integer.parseInt(pyTorchPredicted[s]) ? 0 : 1;
    }
    int pyTorchCorrect = Integer.parseInt(pyTorch.getProperty("test.correct"));
    out.printf("Neurite: %d of %d held-out digits right (%.2f%%); PyTorch: %d (%.2f%%); "
        + "images classified differently: %d%n", correct, test.size(),
        100.0 * correct / test.size(), pyTorchCorrect, 100.0 * pyTorchCorrect / test.size(),
        disagreements);
    return new Result(correct, pyTorchCorrect, test.size(), disagreements);
  }

  /** Returns the images PyTorch held out (index % 5 == 4), pixels scaled to [0, 1] as it did. */
  static Dataset heldOut(Dataset digits) {
    int count = digits.size() / 5; // indices 4, 9, ..., the last below size
    double[][] inputs = new double[count][];
    double[][] targets = new double[count][];
    for (int k = 0; k < count; k++) {
      int s = 5 * k + 4;
      inputs[k] = digits.input(s).clone();
      for (int i = 0; i < inputs[k].length; i++) {
        inputs[k][i] /= 16;
      }
      targets[k] = digits.target(s);
    }
    return Dataset.of(inputs, targets);
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = PyTorchDigitsSample.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException(resource + " is not on the class path");
    }
    return in;
  }
}
