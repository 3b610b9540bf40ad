package dev.neurite.samples.frozen;

import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.io.SavedModel;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Rewrites a model file with its first weight changed, keeping its network and extras: a new
 * trained model of the same shape, for {@code samples-frozen/rebuild-check.sh}.
 */
final class NudgeModelFile {
  private NudgeModelFile() {}

  /** Usage: {@code NudgeModelFile <model file>}; the file is replaced. */
  public static void main(String[] args) throws IOException {
    Path path = Paths.get(args[0]);
    SavedModel saved = ModelFile.read(path);
    double[] parameters = saved.parameters();
    parameters[0] += 0.125;
    ReferenceNetwork model = new ReferenceNetwork(saved.spec());
    model.setParameters(parameters);
    ModelFile.save(model, path, saved.info().extras());
  }
}
