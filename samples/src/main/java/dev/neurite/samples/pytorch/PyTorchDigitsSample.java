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
 * A digits classifier trained in PyTorch, run by Neurite two ways: its ONNX file imported and
 * its weights loaded into the class Neurite generated from the same layers (trainable: it could
 * be fine-tuned from here), and frozen into {@code PyTorchDigitsFrozen}, a plain Java class with
 * the weights inside that needs nothing but {@code java.*}. Each is measured on the images
 * PyTorch held out and compared with what PyTorch measured, image by image.
 *
 * <p>{@code PyTorchDigitsFrozen} was written by the commands in docs/onnx.md: {@code OnnxCommand import}
 * (ONNX to a Neurite model file), then the processor jar's {@code freeze}.
 *
 * <p>The network and PyTorch's figures come from onnx/scripts/make_fixtures.py (PyTorch 1.13,
 * Adam, 40 epochs): pixels divided by 16, every fifth image (index % 5 == 4) held out.
 */
public final class PyTorchDigitsSample {
  static final String MODEL = "/models/digits_pytorch.onnx";
  static final String PYTORCH_FIGURES = "/models/digits_pytorch.properties";

  private PyTorchDigitsSample() {}

  /** What Neurite measured, next to what PyTorch measured. */
  public record Result(int correct, int frozenCorrect, int pyTorchCorrect, int images,
      int disagreements, int frozenDisagreements) {}

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
    int[] pyTorchPredicted = digits(pyTorch.getProperty("test.predicted"));
    Dataset test = heldOut(SampleData.digits().data());
    int[] generated = new int[test.size()];
    int[] frozen = new int[test.size()];
    PyTorchDigitsFrozen frozenNet = new PyTorchDigitsFrozen();
    double[] output = new double[10];
    float[] pixels = new float[64];
    for (int s = 0; s < test.size(); s++) {
      net.predict(test.input(s), output);
      generated[s] = Classes.of(output);
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (float) test.input(s)[i];
      }
      frozen[s] = frozenNet.classify(pixels);
    }
    int pyTorchCorrect = Integer.parseInt(pyTorch.getProperty("test.correct"));
    Result result = new Result(correct(generated, test), correct(frozen, test), pyTorchCorrect,
        test.size(), differences(generated, pyTorchPredicted),
        differences(frozen, pyTorchPredicted));
    out.printf("Held-out digits right, of %d: PyTorch %d (%.2f%%), generated class %d, frozen "
        + "class %d; images classified differently from PyTorch: %d and %d%n", test.size(),
        pyTorchCorrect, 100.0 * pyTorchCorrect / test.size(), result.correct(),
        result.frozenCorrect(), result.disagreements(), result.frozenDisagreements());
    return result;
  }

  private static int[] digits(String commaSeparated) {
    String[] parts = commaSeparated.split(",");
    int[] digits = new int[parts.length];
    for (int k = 0; k < parts.length; k++) {
      digits[k] = Integer.parseInt(parts[k]);
    }
    return digits;
  }

  private static int correct(int[] predicted, Dataset test) {
    int correct = 0;
    for (int s = 0; s < predicted.length; s++) {
      correct += predicted[s] == Classes.of(test.target(s)) ? 1 : 0;
    }
    return correct;
  }

  private static int differences(int[] a, int[] b) {
    int different = 0;
    for (int s = 0; s < a.length; s++) {
      different += a[s] == b[s] ? 0 : 1;
    }
    return different;
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
