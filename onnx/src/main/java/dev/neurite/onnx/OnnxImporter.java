package dev.neurite.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.neurite.onnx.proto.Onnx.ModelProto;
import dev.neurite.onnx.proto.Onnx.StringStringEntryProto;
import dev.neurite.onnx.proto.Onnx.TensorProto;
import dev.neurite.runtime.Activation;
import dev.neurite.runtime.InvalidSpecException;
import dev.neurite.runtime.LayerSpec;
import dev.neurite.runtime.Loss;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.SpecProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a fully connected network from an ONNX file, as {@code torch.onnx.export} or tf2onnx
 * (Keras) write it, into a {@link NetworkSpec} and its parameters.
 *
 * <p>What it reads: one input {@code [batch, features...]} (the batch dimension may be symbolic,
 * the others are fixed), then a chain of Gemm (or MatMul, then Add for the bias) each followed
 * by at most one activation (Relu, LeakyRelu, Elu, Selu, Sigmoid, Tanh, Softplus, Softsign,
 * HardSigmoid as PyTorch exports it, Gelu (exact, or {@code approximate="tanh"}), Softmax), with
 * Flatten, Identity and Dropout between layers, weights and biases as initializers or Constant
 * nodes (transposed or not, FLOAT or DOUBLE). Anything else is an {@link OnnxException} that
 * names the node, its operator and what is supported: never a different network.
 *
 * <p>What ONNX does not say is chosen as follows, each overridable: the name from the file name
 * ({@code digits_mlp.onnx} gives {@code DigitsMlp}); the loss from the output activation
 * (categorical cross-entropy after softmax, binary after sigmoid, else mean squared error); the
 * precision from the tensors (FLOAT or DOUBLE); the seed {@link NetworkSpec#DEFAULT_SEED}. A file
 * Neurite exported carries its network's name, loss, precision, seed and exact activation
 * parameters, which are then used, so that export then import gives back the same network.
 */
public final class OnnxImporter {
  private String name;
  private Loss loss;
  private Precision precision;
  private Long seed;

  /** Creates an importer with the defaults described above. */
  public OnnxImporter() {}

  /** Reads {@code file} with the defaults. */
  public static ImportedNetwork importFile(Path file) throws IOException {
    return new OnnxImporter().read(file);
  }

  /** Names the network (and so its generated class). */
  public OnnxImporter name(String networkName) {
    this.name = networkName;
    return this;
  }

  /** Sets the loss the network will be trained against. */
  public OnnxImporter loss(Loss networkLoss) {
    this.loss = networkLoss;
    return this;
  }

  /** Sets the precision of the network. */
  public OnnxImporter precision(Precision networkPrecision) {
    this.precision = networkPrecision;
    return this;
  }

  /** Sets the seed of the network (weight initialization, dropout, shuffling). */
  public OnnxImporter seed(long networkSeed) {
    this.seed = networkSeed;
    return this;
  }

  /** Reads the ONNX model in {@code file}. */
  public ImportedNetwork read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.getFileName().toString());
    }
  }

  /** Reads an ONNX model from {@code in}; {@code source} names it in messages and by default. */
  public ImportedNetwork read(InputStream in, String source) throws IOException {
    ModelProto model;
    try {
      model = ModelProto.parseFrom(in);
    } catch (InvalidProtocolBufferException e) {
      throw new OnnxException(source + " is not an ONNX model (" + e.getMessage() + ")", e);
    }
    if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
      throw new OnnxException(source + " is not an ONNX model: it has no graph");
    }
    try {
      return read(model, source);
    } catch (OnnxException e) {
      throw new OnnxException(source + ": " + e.getMessage(), e);
    }
  }

  private ImportedNetwork read(ModelProto model, String source) throws OnnxException {
    GraphChain chain = GraphChain.of(model.getGraph());
    LayerReader reader = LayerReader.read(chain);
    List<LayerReader.Layer> layers = reader.layers();
    Map<String, String> meta = metadata(model);
    exactParameters(layers, meta);
    List<LayerSpec> specs = new ArrayList<>();
    for (LayerReader.Layer layer : layers) {
      specs.add(layer.spec());
    }
    NetworkSpec spec = spec(source, reader.inputSize(), specs, chain, meta, layers);
    return new ImportedNetwork(spec, flatten(layers, spec.parameterCount()));
  }

  private NetworkSpec spec(String source, int inputSize, List<LayerSpec> layers,
      GraphChain chain, Map<String, String> meta, List<LayerReader.Layer> read)
      throws OnnxException {
    String networkName = choose(name, meta.get(Metadata.NAME), defaultName(source));
    Loss networkLoss = loss != null ? loss
        : meta.containsKey(Metadata.LOSS) ? Metadata.loss(meta) : defaultLoss(layers);
    Precision networkPrecision = precision != null ? precision
        : meta.containsKey(Metadata.PRECISION) ? Metadata.precision(meta)
        : chain.elementType == TensorProto.DataType.DOUBLE_VALUE ? Precision.DOUBLE
        : Precision.FLOAT;
    long networkSeed = seed != null ? seed
        : meta.containsKey(Metadata.SEED) ? Metadata.seed(meta) : NetworkSpec.DEFAULT_SEED;
    // The recorded delta belongs to the recorded loss, not to one chosen instead.
    double huberDelta = loss != null ? Loss.DEFAULT_HUBER_DELTA : Metadata.huberDelta(meta);
    try {
      return NetworkSpec.of(networkName, inputSize, layers, networkLoss, huberDelta,
          networkPrecision, networkSeed);
    } catch (InvalidSpecException e) {
      throw invalid(e, read);
    }
  }

  private static OnnxException invalid(InvalidSpecException e, List<LayerReader.Layer> read) {
    StringBuilder s = new StringBuilder("the network read is not one Neurite can build:");
    for (SpecProblem p : e.problems()) {
      s.append("\n  ");
      if (p.layer() >= 0 && p.layer() < read.size()) {
        s.append(Nodes.describe(read.get(p.layer()).node)).append(": ");
      }
      s.append(p.message());
    }
    return new OnnxException(s.toString(), e);
  }

  private static Map<String, String> metadata(ModelProto model) {
    Map<String, String> meta = new HashMap<>();
    for (StringStringEntryProto e : model.getMetadataPropsList()) {
      meta.put(e.getKey(), e.getValue());
    }
    return meta;
  }

  /** Takes Neurite's exact parameters where the file's float attributes round them. */
  private static void exactParameters(List<LayerReader.Layer> layers, Map<String, String> meta)
      throws OnnxException {
    double[] exact = Metadata.layerParameters(meta, layers.size());
    if (exact == null) {
      return;
    }
    for (int l = 0; l < layers.size(); l++) {
      LayerReader.Layer layer = layers.get(l);
      if (layer.isDense() && (float) exact[l] == (float) layer.parameter) {
        layer.parameter = exact[l];
      } else if (!layer.isDense() && (float) exact[l] == (float) layer.dropout) {
        layer.dropout = exact[l];
      }
    }
  }

  private static double[] flatten(List<LayerReader.Layer> layers, int count) {
    double[] flat = new double[count];
    int at = 0;
    for (LayerReader.Layer layer : layers) {
      if (layer.isDense()) {
        System.arraycopy(layer.weights, 0, flat, at, layer.weights.length);
        at += layer.weights.length;
        if (layer.bias != null) {
          System.arraycopy(layer.bias, 0, flat, at, layer.bias.length);
          at += layer.bias.length;
        }
      }
    }
    return flat;
  }

  private static String choose(String... candidates) {
    for (String c : candidates) {
      if (c != null) {
        return c;
      }
    }
    throw new AssertionError("the last candidate is never null");
  }

  /** Returns the file name without its extension, in UpperCamelCase: a Java class name. */
  static String defaultName(String source) {
    String base = source.replaceAll("\\.[^.]*$", "");
    StringBuilder s = new StringBuilder();
    for (String part : base.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        s.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    if (s.length() == 0 || !Character.isJavaIdentifierStart(s.charAt(0))) {
      s.insert(0, "Onnx");
    }
    return s.toString();
  }

  private static Loss defaultLoss(List<LayerSpec> layers) {
    Activation last = layers.isEmpty() ? null : layers.get(layers.size() - 1).activation();
    if (last == Activation.SOFTMAX) {
      return Loss.CATEGORICAL_CROSS_ENTROPY;
    }
    return last == Activation.SIGMOID ? Loss.BINARY_CROSS_ENTROPY : Loss.MEAN_SQUARED_ERROR;
  }
}
