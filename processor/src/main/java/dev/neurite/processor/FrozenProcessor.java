package dev.neurite.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.neurite.processor.freeze.Freezer;
import dev.neurite.processor.read.AnnotationTrees;
import dev.neurite.processor.read.Annotations;
import dev.neurite.processor.read.Declaration;
import dev.neurite.processor.read.Location;
import dev.neurite.processor.read.UnreadableAnnotationException;
import dev.neurite.processor.validate.ProcessorRule;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.SpecValidator;
import dev.neurite.runtime.io.ModelFile;
import dev.neurite.runtime.io.ModelFileException;
import dev.neurite.runtime.io.SavedModel;
import dev.neurite.runtime.io.ShapeMismatchException;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Writes the frozen class of each {@code @Frozen} declaration: reads the trained model file it
 * names from the source path or the class path, checks that it holds the declared network, and
 * writes the class through {@link Freezer}'s emitter in the same compilation.
 *
 * <p>A processor of its own because it reads a file besides the declaration: for Gradle it is
 * aggregating (rerun on every incremental compilation), while {@link NeuriteProcessor} stays
 * isolating. It reports only its own problems: a declaration that does not compile is
 * {@code NeuriteProcessor}'s to report, and is not frozen.
 */
@AutoService(Processor.class)
public final class FrozenProcessor extends AbstractProcessor {
  private AnnotationTrees trees;
  private Diagnostics diagnostics;
  private Options options;

  /** Creates the processor; javac calls this through the service loader. */
  public FrozenProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    trees = AnnotationTrees.of(env);
    diagnostics = new Diagnostics(env.getMessager(), trees);
    options = Options.parse(env.getOptions()); // NeuriteProcessor reports bad options
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Annotations.FROZEN);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Options.NAMES;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement frozen = processingEnv.getElementUtils().getTypeElement(Annotations.FROZEN);
    if (frozen == null) {
      return false;
    }
    for (Element element : round.getElementsAnnotatedWith(frozen)) {
      try {
        freeze(element);
      } catch (UnreadableAnnotationException alreadyReportedByJavac) {
        // javac reports the unresolved value itself
      } catch (RuntimeException | IOException | Error e) {
        diagnostics.report(ProcessorRule.INTERNAL_ERROR.format(Diagnostics.summary(e)),
            Annotations.locate(element, Annotations.FROZEN));
      }
    }
    return true;
  }

  private void freeze(Element element) throws IOException {
    if (Annotations.find(element, Annotations.NETWORK).isEmpty()) {
      diagnostics.report(ProcessorRule.FROZEN_NETWORK_MISSING.format(
          Annotations.describe(element)), Annotations.locate(element, Annotations.FROZEN));
      return;
    }
    Declaration declaration = validDeclaration(element);
    if (declaration == null || !options.problems().isEmpty()) {
      return; // NeuriteProcessor reports why
    }
    AnnotationMirror mirror = Annotations.find(element, Annotations.FROZEN).orElseThrow();
    String model = text(mirror, "model", "");
    String name = text(mirror, "name", declaration.name() + "Frozen");
    Location modelAt = Annotations.attribute(element, Annotations.FROZEN, "model");
    if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)
        || name.equals(declaration.name())) {
      diagnostics.report(ProcessorRule.FROZEN_NAME.format(declaration.name(), name),
          Annotations.attribute(element, Annotations.FROZEN, "name"));
      return;
    }
    ModelResource resource = ModelResource.of(declaration.packageName(), model);
    byte[] bytes = resource == null ? null : read(resource);
    if (bytes == null) {
      diagnostics.report(ProcessorRule.FROZEN_MODEL_MISSING.format(model,
          resource == null ? "an invalid name" : resource.describe(),
          resource == null ? model : resource.path()), modelAt);
      return;
    }
    NetworkSpec spec = NetworkSpec.of(declaration.name(), declaration.inputSize(),
        declaration.layers(), declaration.loss(), declaration.precision(), declaration.seed());
    SavedModel saved;
    try {
      saved = Freezer.read(bytes, model);
      ModelFile.load(new ByteArrayInputStream(bytes), new ReferenceNetwork(spec));
    } catch (ShapeMismatchException e) {
      // The runtime names a stream it loads from generically; this one has a name.
      diagnostics.report(ProcessorRule.FROZEN_MODEL_SHAPE.format(e.getMessage()
          .replace("the model file stream", model)), modelAt);
      return;
    } catch (ModelFileException e) {
      diagnostics.report(ProcessorRule.FROZEN_MODEL_UNREADABLE.format(e.getMessage()), modelAt);
      return;
    }
    JavaFile file = new Freezer(declaration.packageName(), name, options.unrollLimit())
        .file(spec, saved, bytes, resource.fileName());
    write(file, element, Annotations.attribute(element, Annotations.FROZEN, "name"));
  }

  /** Returns the declaration if it describes a valid network, else null. */
  private Declaration validDeclaration(Element element) {
    Declarations.Reading reading = Declarations.read(element, processingEnv.getElementUtils(),
        trees);
    if (reading.declaration() == null || !reading.problems().isEmpty()) {
      return null;
    }
    Declaration d = reading.declaration();
    boolean valid = SpecValidator.validate(d.name(), d.inputSize(), d.layers(), d.loss())
        .isEmpty();
    return valid ? d : null;
  }

  private static String text(AnnotationMirror mirror, String attribute, String otherwise) {
    AnnotationValue value = Annotations.explicitValue(mirror, attribute);
    if (value == null) {
      return otherwise;
    }
    if (!(value.getValue() instanceof String text)) {
      throw new UnreadableAnnotationException(attribute, value.getValue());
    }
    return text.isEmpty() ? otherwise : text;
  }

  /** Returns the file's bytes from the source path, else the class path; null if on neither. */
  private byte[] read(ModelResource resource) {
    for (StandardLocation location
        : List.of(StandardLocation.SOURCE_PATH, StandardLocation.CLASS_PATH)) {
      try {
        FileObject file = processingEnv.getFiler().getResource(location, resource.packageName(),
            resource.relativeName());
        try (InputStream in = file.openInputStream()) {
          return in.readAllBytes();
        }
      } catch (IOException | IllegalArgumentException | IllegalStateException notThere) {
        // not in this location (or not a location this compiler offers): try the next
      }
    }
    return null;
  }

  private void write(JavaFile file, Element origin, Location nameAt) throws IOException {
    String name = file.packageName().isEmpty() ? file.typeSpec().name()
        : file.packageName() + "." + file.typeSpec().name();
    JavaFileObject source;
    try {
      source = processingEnv.getFiler().createSourceFile(name, origin);
    } catch (FilerException taken) {
      diagnostics.report(ProcessorRule.NAME_CLASH.format(name), nameAt);
      return;
    }
    try (Writer writer = source.openWriter()) {
      file.writeTo(writer);
    }
  }
}
