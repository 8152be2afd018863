package io.github.lineprof.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Finds the {@code @LineProfile} methods and has an instrumented copy of each of their source files
 * written (see {@link FileInstrumenter}). The copies are compiled by a second compiler execution into
 * {@code META-INF/lineprof/classes/}; lineprof's harness and agent swap them in at run time.
 */
@AutoService(Processor.class)
public final class LineProfileProcessor extends AbstractProcessor {
  static final String ANNOTATION = "io.github.lineprof.LineProfile";

  private Trees trees;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ANNOTATION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError e) {
      // Not javac (e.g. Eclipse's compiler) or a wrapped environment: never break the build.
      env.getMessager().printMessage(Diagnostic.Kind.WARNING,
          "lineprof: this compiler has no Compiler Tree API; @LineProfile methods are not instrumented.");
    }
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (trees == null || annotations.isEmpty()) {
      return false;
    }
    Map<CompilationUnitTree, List<ExecutableElement>> byFile = new LinkedHashMap<>();
    Set<CompilationUnitTree> refused = new HashSet<>();
    for (TypeElement annotation : annotations) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        TreePath path = trees.getPath(element);
        if (path == null) {
          continue; // not from source in this compilation
        }
        if (isProfilable(element)) {
          byFile.computeIfAbsent(path.getCompilationUnit(), u -> new ArrayList<>())
              .add((ExecutableElement) element);
        } else {
          refused.add(path.getCompilationUnit());
        }
      }
    }
    byFile.keySet().removeAll(refused); // a file with an error gets no copy
    FileInstrumenter instrumenter = new FileInstrumenter(trees, processingEnv.getElementUtils(),
        processingEnv.getFiler(), processingEnv.getMessager(), processingEnv.getSourceVersion());
    byFile.forEach((unit, methods) -> {
      for (ProfiledMethod m : instrumenter.instrument(unit, methods)) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE,
            "lineprof: instrumented " + m.name() + " (lines " + m.firstLine() + "-" + m.lastLine() + ")",
            m.element());
      }
    });
    return false;
  }

  /** Validation: what a copy can carry probes for. */
  private boolean isProfilable(Element element) {
    if (element.getKind() != ElementKind.METHOD) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "@LineProfile applies to methods", element);
      return false;
    }
    if (element.getModifiers().contains(Modifier.ABSTRACT) || element.getModifiers().contains(Modifier.NATIVE)) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "@LineProfile needs a method with a body; " + element.getSimpleName() + " has none", element);
      return false;
    }
    return true;
  }
}
