package dev.neurite.onnx;

import dev.neurite.runtime.Model;
import dev.neurite.runtime.io.Npy;
import dev.neurite.runtime.io.NpyArray;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The files onnx/scripts/make_fixtures.py wrote into the test resources. */
final class Fixtures {
  private Fixtures() {}

  /** Returns the path of a test resource. */
  static Path resource(String name) {
    URL url = Fixtures.class.getResource("/" + name);
    if (url == null) {
      throw new IllegalStateException(name + " is missing from the test resources; run "
          + "/usr/bin/python3 onnx/scripts/make_fixtures.py");
    }
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the ONNX file of a fixture. */
  static Path onnx(String fixture) {
    return resource("fixtures/" + fixture + ".onnx");
  }

  /** Returns a fixture's batch of inputs, one flattened sample per row. */
  static double[][] inputs(String fixture) throws java.io.IOException {
    return rows(Npy.read(resource("fixtures/" + fixture + ".input.npy")));
  }

  /** Returns what PyTorch computed for the fixture's inputs. */
  static double[][] expected(String fixture) throws java.io.IOException {
    return rows(Npy.read(resource("fixtures/" + fixture + ".expected.npy")));
  }

  /** Returns the array as rows: the first dimension is the sample, the rest flattened. */
  static double[][] rows(NpyArray array) {
    int samples = array.shape()[0];
    int width = array.size() / samples;
    double[] values = array.values();
    double[][] rows = new double[samples][width];
    for (int s = 0; s < samples; s++) {
      System.arraycopy(values, s * width, rows[s], 0, width);
    }
    return rows;
  }

  /** Returns {@code model}'s prediction for each row. */
  static double[][] predict(Model model, double[][] inputs) {
    double[][] outputs = new double[inputs.length][model.outputSize()];
    for (int s = 0; s < inputs.length; s++) {
      model.predict(inputs[s], outputs[s]);
    }
    return outputs;
  }
}
