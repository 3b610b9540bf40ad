package dev.neurite.onnx;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.data.Dataset;
import dev.neurite.runtime.metrics.MeanLoss;
import dev.neurite.runtime.train.Trainer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An imported network loads into a class the processor generated from the same layers, predicts
 * what ONNX Runtime predicts, and trains from there with the Trainer.
 */
class FineTuneTest {
  @Test
  void importedWeightsLoadIntoAGeneratedClassAndTrainFromThere() throws Exception {
    ImportedNetwork imported = OnnxImporter.importFile(Fixtures.onnx("keras_relu_softmax"));
    KerasClassifierNet net = imported.loadInto(new KerasClassifierNet());
    double[][] inputs = Fixtures.inputs("keras_relu_softmax");
    // the generated class computes in float, as ONNX Runtime does: float rounding apart
    assertClose(OnnxRuntime.run(Fixtures.onnx("keras_relu_softmax"), inputs, false),
        Fixtures.predict(net, inputs), 1e-5);

    Dataset task = task(400, 11);
    double before = MeanLoss.of(net, task);
    Trainer trainer = Trainer.builder().epochs(30).seed(5).build();
    trainer.fit(net, task);
    double after = MeanLoss.of(net, task);
    assertTrue(after < 0.5 * before, "fine-tuning took the loss from " + before + " to " + after);
  }

  @Test
  void aGeneratedClassOfOtherLayersIsRefused() throws Exception {
    ImportedNetwork other = OnnxImporter.importFile(Fixtures.onnx("torch_relu"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> other.loadInto(new KerasClassifierNet()));
    assertTrue(e.getMessage().contains("KerasClassifierNet does not match the imported "
        + "TorchRelu: layer 1 is Dense(8, RELU) against Dense(7, RELU)"), e.getMessage());
  }

  /** Samples of 5 values whose class is the index of the largest of the first four. */
  private static Dataset task(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] inputs = new double[size][5];
    double[][] targets = new double[size][4];
    for (int s = 0; s < size; s++) {
      int best = 0;
      for (int i = 0; i < 5; i++) {
        inputs[s][i] = random.nextDouble(-2, 2);
        best = i < 4 && inputs[s][i] > inputs[s][best] ? i : best;
      }
      targets[s][best] = 1;
    }
    return Dataset.of(inputs, targets);
  }

  private static void assertClose(double[][] expected, double[][] actual, double tolerance) {
    for (int s = 0; s < expected.length; s++) {
      for (int o = 0; o < expected[s].length; o++) {
        assertTrue(Math.abs(expected[s][o] - actual[s][o]) <= tolerance
            * Math.max(1, Math.abs(expected[s][o])), "sample " + s + " output " + o);
      }
    }
  }
}
