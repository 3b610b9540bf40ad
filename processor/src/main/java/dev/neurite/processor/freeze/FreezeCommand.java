package dev.neurite.processor.freeze;

import dev.neurite.processor.plan.Planner;
import dev.neurite.runtime.io.ModelFileException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The processor jar's command line: {@code java -jar neurite-processor.jar freeze model.nrt
 * --package com.acme --name DigitsModel --out src/main/java} writes the frozen class of a trained
 * model file (see {@link Freezer}).
 */
public final class FreezeCommand {
  static final String USAGE = String.join("\n",
      "usage: java -jar neurite-processor.jar freeze <model file> [options]",
      "  writes a frozen class: the trained network's inference, its weights inside, needing",
      "  nothing outside java.* (Java 8, no reflection, no allocation per call)",
      "options:",
      "  --package <name>      the class's package (default: the unnamed package)",
      "  --name <Name>         the class's simple name (default: the network's name + Frozen)",
      "  --out <directory>     where its package's directories start (default: .)",
      "  --unroll-limit <n>    unroll layers of at most n multiply-adds, as the trainable class",
      "                        compiled with -Aneurite.unrollLimit=n (default "
          + Planner.DEFAULT_UNROLL_LIMIT + ")");

  /** Exit status of a bad command line. */
  static final int USAGE_ERROR = 2;
  /** Exit status of a model file that cannot be read or frozen. */
  static final int FILE_ERROR = 1;

  private FreezeCommand() {}

  /** Runs the command and exits with its status (0 on success). */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command, printing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      (args.length == 0 ? err : out).println(USAGE);
      return args.length == 0 ? USAGE_ERROR : 0;
    }
    if (!args[0].equals("freeze")) {
      return usage(err, "unknown command \"" + args[0] + "\" (the one command is freeze)");
    }
    Path model = null;
    String packageName = "";
    String name = null;
    Path outDir = Paths.get(".");
    int unrollLimit = Planner.DEFAULT_UNROLL_LIMIT;
    for (int k = 1; k < args.length; k++) {
      String arg = args[k];
      if (!arg.startsWith("--")) {
        if (model != null) {
          return usage(err, "one model file only, but got " + model + " and " + arg);
        }
        model = Paths.get(arg);
        continue;
      }
      if (k + 1 == args.length) {
        return usage(err, arg + " needs a value");
      }
      String value = args[++k];
      switch (arg) {
        case "--package" -> packageName = value;
        case "--name" -> name = value;
        case "--out" -> outDir = Paths.get(value);
        case "--unroll-limit" -> {
          try {
            unrollLimit = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            return usage(err, "--unroll-limit needs a whole number, but got \"" + value + "\"");
          }
        }
        default -> {
          return usage(err, "unknown option " + arg);
        }
      }
    }
    if (model == null) {
      return usage(err, "name the model file to freeze");
    }
    if (!Files.isRegularFile(model)) {
      err.println("error: " + model + " is not a file");
      return FILE_ERROR;
    }
    return freeze(model, packageName, name, outDir, unrollLimit, out, err);
  }

  private static int freeze(Path model, String packageName, String name, Path outDir,
      int unrollLimit, PrintStream out, PrintStream err) {
    try {
      byte[] bytes = Files.readAllBytes(model);
      String fileName = String.valueOf(model.getFileName());
      var saved = Freezer.read(bytes, fileName);
      String className = name != null ? name : saved.spec().name() + "Frozen";
      Freezer freezer = new Freezer(packageName, className, unrollLimit);
      Path file = freezer.file(saved, bytes, fileName).writeToPath(outDir);
      out.println("wrote " + file + ": " + saved.spec().name() + " " + saved.info().shape()
          + ", " + saved.spec().parameterCount() + " parameters, "
          + (saved.info().extras().standardizer() != null ? "standardizer inside"
              : "no standardizer"));
      return 0;
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    } catch (ModelFileException e) {
      err.println("error: " + e.getMessage());
      return FILE_ERROR;
    } catch (IOException e) {
      err.println("error: " + e);
      return FILE_ERROR;
    }
  }

  private static int usage(PrintStream err, String problem) {
    err.println("error: " + problem);
    err.println(USAGE);
    return USAGE_ERROR;
  }
}
