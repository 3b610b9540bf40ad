package dev.neurite.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import com.sun.source.util.TreePath;
import dev.neurite.processor.emit.GeneratedSource;
import dev.neurite.processor.emit.ModelEmitter;
import dev.neurite.processor.plan.Planner;
import dev.neurite.processor.read.AnnotationTrees;
import dev.neurite.processor.read.Annotations;
import dev.neurite.processor.read.CompilationSurroundings;
import dev.neurite.processor.read.Declaration;
import dev.neurite.processor.read.Location;
import dev.neurite.processor.read.UnreadableAnnotationException;
import dev.neurite.processor.validate.DeclarationValidator;
import dev.neurite.processor.validate.Problem;
import dev.neurite.processor.validate.ProcessorRule;
import dev.neurite.runtime.NetworkSpec;
import dev.neurite.runtime.SpecProblem;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.InvalidPathException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The entry point javac runs: for each {@code @Network} declaration, read, validate, plan, emit,
 * write. Thin and total: no exception ever reaches the compiler, no code is generated for a
 * declaration with errors, and one bad declaration does not stop the others.
 */
@AutoService(Processor.class)
public final class NeuriteProcessor extends AbstractProcessor {
  private final Consumer<String> beforeEmit;
  /** The classes generated in this compilation, by qualified name, with their declaration. */
  private final Map<String, String> generated = new LinkedHashMap<>();
  private AnnotationTrees trees;
  private Diagnostics diagnostics;
  private Options options;

  /** Creates the processor; javac calls this through the service loader. */
  public NeuriteProcessor() {
    this(declaration -> {});
  }

  /** A test seam: {@code beforeEmit} sees each valid declaration's name before its code. */
  NeuriteProcessor(Consumer<String> beforeEmit) {
    this.beforeEmit = beforeEmit;
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    trees = AnnotationTrees.of(env);
    diagnostics = new Diagnostics(env.getMessager(), trees);
    options = Options.parse(env.getOptions());
    for (String problem : options.problems()) {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, problem);
    }
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return new LinkedHashSet<>(Annotations.ALL);
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
    for (Element element : annotated(round, Annotations.NETWORK)) {
      guarded(element, () -> processNetwork(element));
    }
    Set<Element> layered = new LinkedHashSet<>();
    for (String layer : List.of(Annotations.INPUT, Annotations.DENSE, Annotations.DENSE_LIST)) {
      layered.addAll(annotated(round, layer));
    }
    for (Element element : layered) {
      if (Annotations.find(element, Annotations.NETWORK).isEmpty()) {
        guarded(element, () -> report(ProcessorRule.NETWORK_MISSING.format(
            Annotations.describe(element)), Annotations.firstLayerAnnotation(element, trees)));
      }
    }
    // Claims the DSL's annotations (javac only passes the ones listed as supported): they mean
    // nothing to any other processor, and unclaimed ones make `-Xlint:all -Werror` builds fail
    // on javac's "No processor claimed any of these annotations" warning.
    return true;
  }

  private Set<? extends Element> annotated(RoundEnvironment round, String annotation) {
    TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
    return type == null ? Set.of() : round.getElementsAnnotatedWith(type);
  }

  /** Runs one declaration's work; whatever it throws becomes an error on that element. */
  private void guarded(Element element, Work work) {
    try {
      work.run();
    } catch (UnreadableAnnotationException alreadyReportedByJavac) {
      // javac reports the unresolved value itself; a second message would only add noise
    } catch (RuntimeException | IOException | Error e) {
      report(ProcessorRule.INTERNAL_ERROR.format(Diagnostics.summary(e)),
          Annotations.locate(element, Annotations.NETWORK));
    }
  }

  private void processNetwork(Element element) throws IOException {
    Declaration declaration = read(element);
    if (declaration == null) {
      return;
    }
    List<Problem> problems = new DeclarationValidator(new CompilationSurroundings(
        processingEnv.getElementUtils(), trees, generated)).validate(declaration);
    problems.forEach(p -> report(p.message(), p.location()));
    if (!problems.isEmpty() || !options.problems().isEmpty()) {
      return; // bad options were reported in init; code from guessed options would mislead
    }
    beforeEmit.accept(declaration.sourceName());
    NetworkSpec spec = NetworkSpec.of(declaration.name(), declaration.inputSize(),
        declaration.layers(), declaration.loss(), declaration.huberDelta(),
        declaration.precision(), declaration.seed());
    JavaFile file = ModelEmitter.emit(new Planner(options.unrollLimit())
        .plan(declaration.packageName(), declaration.sourceName(), spec), options.vectorApi());
    write(file, declaration, element);
  }

  /** Reads either form; returns {@code null} when it was refused, its problems reported. */
  private Declaration read(Element element) {
    RecordComponentElement component = Annotations.recordComponentOf(element);
    if (component != null) {
      if (element.getKind() == ElementKind.FIELD) { // its accessor would say it twice
        report(ProcessorRule.ELEMENT_KIND.format("record component " + component.getSimpleName()),
            networkAnnotationOf(element));
      }
      return null;
    }
    Declarations.Reading reading = Declarations.read(element, processingEnv.getElementUtils(),
        trees);
    reading.problems().forEach(p -> report(p.message(), p.location()));
    return reading.declaration();
  }

  /**
   * Writes through the Filer with {@code origin} as the one originating element; what the file
   * system refuses (a name too long for it, say) is the user's to fix, not a bug.
   */
  private void write(JavaFile file, Declaration declaration, Element origin) {
    String name = declaration.generatedName();
    Location at = declaration.locate(SpecProblem.NETWORK, "name");
    JavaFileObject source;
    try {
      source = processingEnv.getFiler().createSourceFile(name, origin);
    } catch (FilerException taken) {
      // the name is a source of this compilation, or another processor's output
      report(ProcessorRule.NAME_CLASH.format(name), at);
      return;
    } catch (IOException | InvalidPathException refused) {
      report(ProcessorRule.FILE_WRITE.format(name, refused), at);
      return;
    }
    generated.put(name, declaration.sourceName());
    try (Writer writer = source.openWriter()) {
      writer.write(GeneratedSource.text(file));
    } catch (IOException | InvalidPathException refused) {
      report(ProcessorRule.FILE_WRITE.format(name, refused), at);
    }
  }

  /** Where {@code @Network} is written on {@code element}: its tree where javac has one. */
  private Location networkAnnotationOf(Element element) {
    List<TreePath> written = trees.annotations(element, Annotations.NETWORK);
    Location annotation = Annotations.locate(element, Annotations.NETWORK);
    return written.isEmpty() ? annotation
        : new Location(element, annotation.annotation(), null, written.get(0));
  }

  private void report(String message, Location at) {
    diagnostics.report(message, at);
  }

  /** A step that may fail in any way. */
  private interface Work {
    void run() throws IOException;
  }
}
