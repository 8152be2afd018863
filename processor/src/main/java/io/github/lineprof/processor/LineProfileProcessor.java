package io.github.lineprof.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Finds the methods and constructors to profile (see {@link TargetFinder}) and has an instrumented
 * copy of each of their source files written (see {@link FileInstrumenter}). The copies are
 * compiled by a second compiler execution into {@code META-INF/lineprof/classes/}; lineprof's
 * harness and agent swap them in at run time.
 *
 * <p>It supports every annotation ({@code "*"}): {@code @LineProfile} on a local or anonymous
 * class's method, and classes matched by {@code -Alineprof.include}, are no elements that javac
 * would call it for. It never claims an annotation, so other processors see all of theirs.
 */
@AutoService(Processor.class)
public final class LineProfileProcessor extends AbstractProcessor {
  static final String ANNOTATION = "io.github.lineprof.LineProfile";

  /** Globs over qualified class names whose methods are all profiled: see {@link ClassPatterns}. */
  static final String INCLUDE = "lineprof.include";

  /**
   * Globs over qualified class names that the include globs leave out: see {@link ClassPatterns}.
   */
  static final String EXCLUDE = "lineprof.exclude";

  private Trees trees;
  private ClassPatterns include = ClassPatterns.NONE;

  /**
   * The line tables written so far: never instrumented in their round (the include globs may match
   * them).
   */
  private final Set<String> tables = new HashSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(INCLUDE, EXCLUDE);
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
      env.getMessager()
          .printMessage(
              Diagnostic.Kind.WARNING,
              "lineprof: this compiler has no Compiler Tree API; @LineProfile methods are not instrumented.");
      return;
    }
    include =
        ClassPatterns.parse(
            env.getOptions().get(INCLUDE),
            env.getOptions().get(EXCLUDE),
            (excluding, invalid) ->
                env.getMessager()
                    .printMessage(
                        Diagnostic.Kind.WARNING,
                        "lineprof: -A"
                            + (excluding ? EXCLUDE : INCLUDE)
                            + " entry '"
                            + invalid
                            + "' is no glob over qualified class names (letters, digits, _ $ . and *); ignored."));
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (trees == null) {
      return false;
    }
    if (round.processingOver()) {
      for (String glob : include.unmatched()) {
        processingEnv
            .getMessager()
            .printMessage(
                Diagnostic.Kind.WARNING,
                "lineprof: -A"
                    + INCLUDE
                    + " entry '"
                    + glob
                    + "' matched no class of this compilation.");
      }
      return false;
    }
    Set<CompilationUnitTree> units = new LinkedHashSet<>();
    for (Element root : round.getRootElements()) {
      if ((root.getKind().isClass() || root.getKind().isInterface())
          && !tables.contains(((TypeElement) root).getQualifiedName().toString())) {
        TreePath path = trees.getPath(root);
        if (path != null) {
          units.add(path.getCompilationUnit());
        }
      }
    }
    TargetFinder finder = new TargetFinder(trees, include);
    FileInstrumenter instrumenter =
        new FileInstrumenter(
            trees,
            processingEnv.getElementUtils(),
            processingEnv.getFiler(),
            processingEnv.getSourceVersion(),
            tables::add);
    for (CompilationUnitTree unit : units) {
      TargetFinder.Found found = finder.find(unit);
      for (TargetFinder.Refusal refusal : found.refusals()) {
        trees.printMessage(
            Diagnostic.Kind.ERROR, refusal.message(), refusal.path().getLeaf(), unit);
      }
      if (found.targets().isEmpty() || !found.refusals().isEmpty()) {
        continue; // a file with an error gets no copy
      }
      if (processingEnv
              .getElementUtils()
              .getTypeElement(LineTableWriter.FUNCTION_PROBE.canonicalName())
          == null) {
        // The line tables would not compile: say why once, on the first method, instead.
        trees.printMessage(
            Diagnostic.Kind.ERROR,
            "@LineProfile needs io.github.lineprof:lineprof-runtime on"
                + " the compile class path (the instrumented copies' probes live there): add it as a dependency.",
            found.targets().get(0).path().getLeaf(),
            unit);
        return false;
      }
      for (ProfiledMethod m : instrumenter.instrument(unit, found.targets())) {
        trees.printMessage(
            Diagnostic.Kind.NOTE,
            "lineprof: instrumented "
                + m.name()
                + " (lines "
                + m.firstLine()
                + "-"
                + m.lastLine()
                + ")",
            m.path().getLeaf(),
            unit);
      }
    }
    return false;
  }
}
