package io.github.lineprof.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
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

  private final Trees trees;
  private final Elements elements;
  private final Filer filer;
  private final Messager messager;
  private final boolean switchExpressions;

  FileInstrumenter(Trees trees, Elements elements, Filer filer, Messager messager, SourceVersion source) {
    this.trees = trees;
    this.elements = elements;
    this.filer = filer;
    this.messager = messager;
    this.switchExpressions = source.compareTo(SourceVersion.RELEASE_14) >= 0;
  }

  /** @return the methods instrumented, or none if the file got an error */
  List<ProfiledMethod> instrument(CompilationUnitTree unit, List<ExecutableElement> annotated) {
    String text;
    try {
      text = unit.getSourceFile().getCharContent(true).toString();
    } catch (IOException e) {
      annotated.forEach(m -> error("@LineProfile cannot read the source of " + unit.getSourceFile().getName()
          + ": " + e.getMessage(), m));
      return List.of();
    }
    SourcePositions positions = trees.getSourcePositions();
    if (positions.getEndPosition(unit, unit.getTypeDecls().get(0)) < 0) {
      annotated.forEach(m -> error("@LineProfile needs the compiler's end positions, which this javac"
          + " run does not keep. Compile through Maven or the javax.tools API, or add -Xjcov.", m));
      return List.of();
    }
    String[] sourceLines = text.split("\r\n|\r|\n", -1);
    String fileName = simpleName(unit);
    String stem = fileName.substring(0, fileName.length() - ".java".length());
    String packageName = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    String reportPath = packageName.isEmpty() ? fileName : packageName.replace('.', '/') + "/" + fileName;
    ConstantConditions constants = new ConstantConditions(trees, elements);

    List<ProfiledMethod> methods = new ArrayList<>();
    for (ExecutableElement element : annotated) {
      TreePath path = trees.getPath(element);
      long first = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, path.getLeaf()));
      long last = unit.getLineMap().getLineNumber(positions.getEndPosition(unit, path.getLeaf()) - 1);
      methods.add(new ProfiledMethod(element, path, qualifiedName(element), first, last,
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
        error(problem.message(m.name()), m.element());
        failed = true;
      }
      insertions.addAll(plan.insertions());
    }
    if (failed) {
      return List.of();
    }
    try {
      Element[] origin = annotated.toArray(new Element[0]);
      FileObject copy = filer.createResource(StandardLocation.CLASS_OUTPUT, "", COPIES + reportPath, origin);
      try (Writer out = copy.openWriter()) {
        out.write(SourceSplicer.splice(text, insertions));
      }
      LineTableWriter.lineTable(packageName, stem, reportPath, methods).writeTo(filer);
    } catch (IOException e) {
      annotated.forEach(m -> error("@LineProfile could not write the instrumented copy of " + reportPath
          + ": " + e, m));
      return List.of();
    }
    return methods;
  }

  private static String simpleName(CompilationUnitTree unit) {
    String path = unit.getSourceFile().toUri().getPath();
    if (path == null) {
      path = unit.getSourceFile().getName();
    }
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** {@code Outer.Inner.method}: the enclosing classes' simple names and the method's. */
  private static String qualifiedName(ExecutableElement method) {
    StringBuilder name = new StringBuilder(method.getSimpleName());
    for (Element e = method.getEnclosingElement(); e != null && !(e instanceof PackageElement);
        e = e.getEnclosingElement()) {
      name.insert(0, e.getSimpleName() + ".");
    }
    return name.toString();
  }

  private void error(String message, Element element) {
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }
}
