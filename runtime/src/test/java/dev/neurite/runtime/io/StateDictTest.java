package dev.neurite.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weights in PyTorch's state_dict layout: a state dict PyTorch saved loads and predicts what
 * PyTorch computed; Neurite's names are nn.Sequential's; save then load is exact; arrays that
 * do not fit are refused by name.
 */
class StateDictTest {
  @TempDir Path dir;

  static final NetworkSpec TORCH_NET = NetworkSpec.of("TorchNet", 3, Arrays.asList(
      LayerSpec.dense(4, Activation.RELU), LayerSpec.dense(2, Activation.IDENTITY)),
      Loss.MEAN_SQUARED_ERROR, Precision.FLOAT, 1);

  @Test
  void aPyTorchStateDictPredictsWhatPyTorchComputed() throws IOException {
    ReferenceNetwork net = new ReferenceNetwork(TORCH_NET);
    StateDict.load(NpyTest.numpy("state_dict.npz"), net);
    double[] inputs = Npy.read(NpyTest.numpy("state_dict.input.npy")).values();
    double[] expected = Npy.read(NpyTest.numpy("state_dict.expected.npy")).values();
    double[] output = new double[2];
    for (int s = 0; s < 5; s++) {
      net.predict(Arrays.copyOfRange(inputs, 3 * s, 3 * s + 3), output);
      for (int o = 0; o < 2; o++) {
        // PyTorch sums in float32, the interpreter in double: float rounding apart
        assertEquals(expected[2 * s + o], output[o], 1e-6 * Math.max(1, Math.abs(output[o])));
      }
    }
  }

  @Test
  void namesAreThoseOfTheMirroringSequential() throws IOException {
    Map<String, NpyArray> torch = Npz.read(NpyTest.numpy("state_dict.npz"));
    ReferenceNetwork net = new ReferenceNetwork(TORCH_NET);
    StateDict.load(NpyTest.numpy("state_dict.npz"), net);
    assertEquals(torch, StateDict.of(net));
    NetworkSpec withDropout = NetworkSpec.of("D", 3, Arrays.asList(
        LayerSpec.dense(4, Activation.TANH, 0, false), LayerSpec.dropout(0.2),
        LayerSpec.dense(4, Activation.IDENTITY), LayerSpec.dense(2, Activation.SIGMOID)),
        Loss.BINARY_CROSS_ENTROPY, Precision.DOUBLE, 1);
    Map<String, NpyArray> arrays = StateDict.of(new ReferenceNetwork(withDropout));
    assertEquals(Arrays.asList("0.weight", "3.weight", "3.bias", "4.weight", "4.bias"),
        new ArrayList<>(arrays.keySet()));
    assertTrue(!arrays.get("0.weight").isFloat32());
  }

  @Test
  void saveThenLoadIsExact() throws IOException {
    NetworkSpec spec = NetworkSpec.of("Net", 5, Arrays.asList(
        LayerSpec.dense(7, Activation.ELU), LayerSpec.dense(3, Activation.SOFTMAX)),
        Loss.CATEGORICAL_CROSS_ENTROPY, Precision.DOUBLE, 1);
    ReferenceNetwork net = new ReferenceNetwork(spec);
    double[] parameters = new SplittableRandom(9).doubles(spec.parameterCount()).toArray();
    net.setParameters(parameters);
    StateDict.save(net, dir.resolve("net.npz"));
    ReferenceNetwork loaded = new ReferenceNetwork(spec);
    StateDict.load(dir.resolve("net.npz"), loaded);
    double[] back = new double[spec.parameterCount()];
    loaded.getParameters(back);
    assertArrayEquals(parameters, back);
    StateDict.saveLayers(net, dir.resolve("layers"));
    assertEquals(Npy.read(dir.resolve("layers/2.bias.npy")),
        new NpyArray(Arrays.copyOfRange(parameters, spec.biasOffset(1), spec.parameterCount()),
            false, 3));
  }

  @Test
  void arraysThatDoNotFitAreRefusedByName() throws IOException {
    Map<String, NpyArray> torch = Npz.read(NpyTest.numpy("state_dict.npz"));
    Map<String, NpyArray> transposed = new LinkedHashMap<>(torch);
    transposed.put("0.weight", new NpyArray(new double[12], true, 3, 4));
    assertReason(transposed, "'0.weight' has shape [3, 4] but layer 1 needs [4, 3]");
    Map<String, NpyArray> noBias = new LinkedHashMap<>(torch);
    noBias.remove("2.bias");
    assertReason(noBias, "layer 2 of TorchNet has a bias but '2.bias' is missing");
    Map<String, NpyArray> extra = new LinkedHashMap<>(torch);
    extra.put("running_mean", new NpyArray(new double[4], true, 4));
    assertReason(extra, "not weights or biases of TorchNet's layers: [running_mean]");
    Map<String, NpyArray> oneLayer = new LinkedHashMap<>(torch);
    oneLayer.remove("2.weight");
    oneLayer.remove("2.bias");
    assertReason(oneLayer, "holds 1 weights [0] but TorchNet has 2 dense layers");
  }

  @Test
  void notAnNpzIsSaidSo() throws IOException {
    Path file = dir.resolve("x.npz");
    Files.write(file, "hello".getBytes("UTF-8"));
    NumpyFormatException e = assertThrows(NumpyFormatException.class, () -> Npz.read(file));
    assertTrue(e.getMessage().contains("is not an .npz file"), e.getMessage());
  }

  @Test
  void prefixesSortNumerically() {
    assertTrue(StateDict.compareNames("2", "10") < 0);
    assertTrue(StateDict.compareNames("net.2", "net.10") < 0);
    assertTrue(StateDict.compareNames("a.1", "b.0") < 0);
  }

  private static void assertReason(Map<String, NpyArray> arrays, String reason) {
    NumpyFormatException e = assertThrows(NumpyFormatException.class,
        () -> StateDict.parameters(TORCH_NET, arrays, "sd.npz"));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
