package io.github.lineprof.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javax.annotation.processing.Filer;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Instruments one source file: plans the probes of its profiled methods, splices them into a copy
 * of its text, and writes the copy and its line table. A file with a method that cannot be
 * instrumented gets a compile error on that method and no copy.
 */
final class FileInstrumenter {
  /** Where copies go in the class output; the second compile reads them from there. */
  static final String COPIES = "META-INF/lineprof/src/";

  /** Where the list of a file's instrumented methods goes in the class output. */
  static final String SUMMARIES = "META-INF/lineprof/instrumented/";

  private final Trees trees;
  private final Elements elements;
  private final Filer filer;
  private final boolean switchExpressions;
  private final Consumer<String> tableWritten;

  /** @param tableWritten told the qualified name of each line table written */
  FileInstrumenter(Trees trees, Elements elements, Filer filer, SourceVersion source, Consumer<String> tableWritten) {
    this.tableWritten = tableWritten;
    this.trees = trees;
    this.elements = elements;
    this.filer = filer;
    this.switchExpressions = source.compareTo(SourceVersion.RELEASE_14) >= 0;
  }

  /** @return the methods instrumented, or none if the file got an error */
  List<ProfiledMethod> instrument(CompilationUnitTree unit, List<TargetFinder.Target> targets) {
    String text;
    try {
      text = unit.getSourceFile().getCharContent(true).toString();
    } catch (IOException e) {
      targets.forEach(m -> error("@LineProfile cannot read the source of " + unit.getSourceFile().getName()
          + ": " + e.getMessage(), unit, m.path()));
      return List.of();
    }
    SourcePositions positions = trees.getSourcePositions();
    if (positions.getEndPosition(unit, unit.getTypeDecls().get(0)) < 0) {
      targets.forEach(m -> error("@LineProfile needs the compiler's end positions, which this javac"
          + " run does not keep. Compile through Maven or the javax.tools API, or add -Xjcov.", unit, m.path()));
      return List.of();
    }
    String[] sourceLines = text.split("\r\n|\r|\n", -1);
    String fileName = simpleName(unit);
    String stem = fileName.substring(0, fileName.length() - ".java".length());
    String packageName = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    String reportPath = packageName.isEmpty() ? fileName : packageName.replace('.', '/') + "/" + fileName;
    ConstantConditions constants = new ConstantConditions(trees, elements);

    List<ProfiledMethod> methods = new ArrayList<>();
    for (TargetFinder.Target target : targets) {
      TreePath path = target.path();
      long first = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, path.getLeaf()));
      long last = unit.getLineMap().getLineNumber(positions.getEndPosition(unit, path.getLeaf()) - 1);
      methods.add(new ProfiledMethod(path, target.name(), first, last,
          List.of(sourceLines).subList((int) first - 1, (int) last)));
    }
    methods.sort(Comparator.comparingLong(ProfiledMethod::firstLine));

    List<Insertion> insertions = new ArrayList<>();
    boolean failed = false;
    for (int i = 0; i < methods.size(); i++) {
      ProfiledMethod m = methods.get(i);
      String probe = LineTableWriter.tableName(stem) + "." + LineTableWriter.probeField(i);
      ProbePlanner.Plan plan =
          new ProbePlanner(unit, text, positions, constants, switchExpressions, probe, m.firstLine())
              .plan(m.path(), m.lastLine());
      for (Problem problem : plan.problems()) {
        error(problem.message(m.name()), unit, m.path());
        failed = true;
      }
      insertions.addAll(plan.insertions());
    }
    if (failed) {
      return List.of();
    }
    try {
      // The copy depends on the whole file: every top-level class of it is an origin.
      List<Element> origins = new ArrayList<>();
      for (Tree type : unit.getTypeDecls()) {
        Element e = trees.getElement(new TreePath(new TreePath(unit), type));
        if (e != null) {
          origins.add(e);
        }
      }
      Element[] origin = origins.toArray(new Element[0]);
      FileObject copy = filer.createResource(StandardLocation.CLASS_OUTPUT, "", COPIES + reportPath, origin);
      try (Writer out = copy.openWriter()) {
        out.write(SourceSplicer.splice(text, insertions));
      }
      tableWritten.accept((packageName.isEmpty() ? "" : packageName + ".") + LineTableWriter.tableName(stem));
      LineTableWriter.lineTable(packageName, stem, reportPath, methods, origins).writeTo(filer);
      String summaryPath = SUMMARIES + reportPath.substring(0, reportPath.length() - ".java".length()) + ".txt";
      FileObject summary = filer.createResource(StandardLocation.CLASS_OUTPUT, "", summaryPath, origin);
      try (Writer out = summary.openWriter()) {
        out.write(summary(methods));
      }
    } catch (IOException e) {
      targets.forEach(m -> error("@LineProfile could not write the instrumented copy of " + reportPath
          + ": " + e, unit, m.path()));
      return List.of();
    }
    return methods;
  }

  /** One line per instrumented method, in source order: {@code Outer.method 12-30}. */
  static String summary(List<ProfiledMethod> methods) {
    StringBuilder out = new StringBuilder();
    for (ProfiledMethod m : methods) {
      out.append(m.name()).append(' ').append(m.firstLine()).append('-').append(m.lastLine()).append('\n');
    }
    return out.toString();
  }

  private static String simpleName(CompilationUnitTree unit) {
    String path = unit.getSourceFile().toUri().getPath();
    if (path == null) {
      path = unit.getSourceFile().getName();
    }
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private void error(String message, CompilationUnitTree unit, TreePath method) {
    trees.printMessage(Diagnostic.Kind.ERROR, message, method.getLeaf(), unit);
  }
}
