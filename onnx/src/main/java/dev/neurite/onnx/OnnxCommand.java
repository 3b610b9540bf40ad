package dev.neurite.onnx;

import dev.neurite.runtime.Loss;
import dev.neurite.runtime.Precision;
import dev.neurite.runtime.io.ModelFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * The onnx module's command line: {@code import model.onnx model.nrt} reads an ONNX network into
 * a Neurite model file, which the processor jar's {@code freeze} command turns into a
 * dependency-free class, and which a generated class loads to run or fine-tune.
 */
public final class OnnxCommand {
  static final String USAGE = String.join("\n",
      "usage: OnnxCommand import <model.onnx> <model.nrt> [options]",
      "  reads a fully connected ONNX network (PyTorch, Keras) into a Neurite model file",
      "options:",
      "  --name <Name>            the network's name (default: from the file name)",
      "  --loss <LOSS>            e.g. CATEGORICAL_CROSS_ENTROPY (default: from the output "
          + "activation)",
      "  --precision <FLOAT|DOUBLE>  (default: the tensors' type)",
      "  --seed <n>               (default: " + dev.neurite.runtime.NetworkSpec.DEFAULT_SEED
          + ")");

  /** Exit status of a bad command line. */
  static final int USAGE_ERROR = 2;
  /** Exit status of a file that cannot be read or written. */
  static final int FILE_ERROR = 1;

  private OnnxCommand() {}

  /** Runs the command and exits with its status (0 on success). */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command, printing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 3 || !args[0].equals("import")) {
      err.println(args.length > 0 && !args[0].equals("import")
          ? "unknown command \"" + args[0] + "\" (the one command is import)\n" + USAGE : USAGE);
      return USAGE_ERROR;
    }
    OnnxImporter importer = new OnnxImporter();
    try {
      for (int k = 3; k < args.length; k += 2) {
        option(importer, args[k], k + 1 < args.length ? args[k + 1] : null);
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + "\n" + USAGE);
      return USAGE_ERROR;
    }
    Path source = Paths.get(args[1]);
    Path target = Paths.get(args[2]);
    try {
      ImportedNetwork imported = importer.read(source);
      Path directory = target.toAbsolutePath().getParent();
      if (directory != null) {
        Files.createDirectories(directory);
      }
      ModelFile.save(imported.toReferenceNetwork(), target);
      out.println(imported.spec().summary());
      out.println("wrote " + target);
      return 0;
    } catch (OnnxException e) {
      err.println(e.getMessage());
      return FILE_ERROR;
    } catch (IOException e) {
      err.println("cannot import " + source + " into " + target + ": " + e);
      return FILE_ERROR;
    }
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(type.getSimpleName() + " \"" + value + "\" is not one "
          + "of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  private static long seed(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("seed \"" + value + "\" is not a whole number");
    }
  }

  private static void option(OnnxImporter importer, String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException("option " + name + " needs a value");
    }
    switch (name) {
      case "--name": importer.name(value); break;
      case "--loss": importer.loss(constant(Loss.class, value)); break;
      case "--precision": importer.precision(constant(Precision.class, value)); break;
      case "--seed": importer.seed(seed(value)); break;
      default: throw new IllegalArgumentException("unknown option " + name);
    }
  }
}
