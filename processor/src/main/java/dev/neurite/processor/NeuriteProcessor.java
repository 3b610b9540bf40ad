package dev.neurite.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.neurite.dsl.Network;
import dev.neurite.processor.emit.ModelEmitter;
import dev.neurite.processor.plan.Planner;
import dev.neurite.processor.read.AnnotatedClassReader;
import dev.neurite.processor.read.AnnotationTrees;
import dev.neurite.processor.read.Declaration;
import dev.neurite.processor.read.Location;
import dev.neurite.processor.validate.DeclarationValidator;
import dev.neurite.processor.validate.Problem;
import dev.neurite.processor.validate.ProcessorRule;
import dev.neurite.runtime.NetworkSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The entry point javac runs: for each {@link Network} declaration, read, validate, plan, emit,
 * write. Thin and total: no exception ever reaches the compiler, no code is generated for a
 * declaration with errors, and one bad declaration does not stop the others.
 */
@AutoService(Processor.class)
public final class NeuriteProcessor extends AbstractProcessor {
  private AnnotationTrees trees;
  private Options options;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    trees = AnnotationTrees.of(env);
    options = Options.parse(env.getOptions());
    for (String problem : options.problems()) {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, problem);
    }
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Options.NAMES;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Network.class.getCanonicalName());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (Element element : round.getElementsAnnotatedWith(Network.class)) {
      try {
        processDeclaration(element);
      } catch (RuntimeException | IOException | Error e) {
        report(ProcessorRule.INTERNAL_ERROR.format(stackTrace(e)), Location.of(element));
      }
    }
    return false;
  }

  private void processDeclaration(Element element) throws IOException {
    if (element.getKind() != ElementKind.CLASS) {
      report(ProcessorRule.ELEMENT_KIND.format(element.getKind().toString().toLowerCase(
          java.util.Locale.ROOT) + " " + element.getSimpleName()), Location.of(element));
      return;
    }
    Declaration declaration =
        new AnnotatedClassReader(processingEnv.getElementUtils(), trees).read((TypeElement) element);
    List<Problem> problems = new DeclarationValidator(
        name -> processingEnv.getElementUtils().getTypeElement(name) != null)
        .validate(declaration);
    if (!problems.isEmpty()) {
      problems.forEach(p -> report(p.message(), p.location()));
      return;
    }
    NetworkSpec spec = NetworkSpec.of(declaration.name(), declaration.inputSize(),
        declaration.layers(), declaration.loss(), declaration.precision(), declaration.seed());
    if (!options.problems().isEmpty()) {
      return; // the options were reported in init; generating with guessed options would mislead
    }
    JavaFile file = ModelEmitter.emit(new Planner(options.unrollLimit())
        .plan(declaration.packageName(), declaration.sourceName(), spec));
    write(file, element);
  }

  /** Writes through the Filer with {@code origin} as the one originating element. */
  private void write(JavaFile file, Element origin) throws IOException {
    String name = file.packageName().isEmpty()
        ? file.typeSpec().name() : file.packageName() + "." + file.typeSpec().name();
    JavaFileObject source = processingEnv.getFiler().createSourceFile(name, origin);
    try (Writer writer = source.openWriter()) {
      file.writeTo(writer);
    }
  }

  private void report(String message, Location at) {
    if (at.tree() != null && trees.trees() != null) {
      trees.trees().printMessage(Diagnostic.Kind.ERROR, message, at.tree().getLeaf(),
          at.tree().getCompilationUnit());
      return;
    }
    processingEnv.getMessager().printMessage(
        Diagnostic.Kind.ERROR, message, at.element(), at.annotation(), at.value());
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
