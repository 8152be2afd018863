package io.github.lineprof.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import javax.lang.model.SourceVersion;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Instruments one source file, in steps each done by its own class: the methods' lines ({@link
 * ProfiledMethod}), their probes planned from the tree ({@link ProbePlanner}), spliced into a copy
 * of the text ({@link SourceSplicer}), and the copy and its line table written ({@link
 * CopyWriter}). A file with a method that cannot be instrumented gets a compile error on that
 * method and no copy.
 */
final class FileInstrumenter {
  private final Trees trees;
  private final Elements elements;
  private final CopyWriter writer;
  private final boolean switchExpressions;
  private final String sourceLevel;
  private final Consumer<String> tableWritten;

  /**
   * @param tableWritten told the qualified name of each line table written
   */
  FileInstrumenter(
      Trees trees,
      Elements elements,
      Filer filer,
      SourceVersion source,
      Consumer<String> tableWritten) {
    this.trees = trees;
    this.elements = elements;
    this.writer = new CopyWriter(trees, filer);
    this.switchExpressions = source.compareTo(SourceVersion.RELEASE_14) >= 0;
    this.sourceLevel = source.name().replace("RELEASE_", "");
    this.tableWritten = tableWritten;
  }

  /**
   * Instruments the targets of one file.
   *
   * @return the methods instrumented, or none if the file got an error
   */
  List<ProfiledMethod> instrument(CompilationUnitTree unit, List<TargetFinder.Target> targets) {
    SourceFile file;
    try {
      file = SourceFile.read(unit);
    } catch (IOException e) {
      return fail(
          unit,
          targets,
          "@LineProfile cannot read the source of "
              + unit.getSourceFile().getName()
              + ": "
              + e.getMessage());
    }
    if (trees.getSourcePositions().getEndPosition(unit, unit.getTypeDecls().get(0)) < 0) {
      return fail(
          unit,
          targets,
          "@LineProfile needs the compiler's end positions, which this javac run does"
              + " not keep. Compile through Maven or the javax.tools API, or add -Xjcov.");
    }
    Optional<String> table = TableReference.choose(file, trees, elements);
    if (table.isEmpty()) {
      targets.forEach(
          m ->
              error(
                  "@LineProfile "
                      + m.name()
                      + ": this file declares names "
                      + TableReference.hidingNames(file)
                      + ", which would hide lineprof's line table "
                      + file.tableName()
                      + " from the instrumented copy; rename one of them",
                  unit,
                  m.path()));
      return List.of();
    }
    List<ProfiledMethod> methods = locate(file, targets);
    List<String> probes = LineTableWriter.probeNames(table.get(), methods);
    Optional<List<Insertion>> insertions = plan(file, methods, probes);
    if (insertions.isEmpty()) {
      return List.of();
    }
    String copy =
        SourceSplicer.splice(file.text(), insertions.get())
            + (file.text().endsWith("\n") || file.text().endsWith("\r") ? "" : file.newline())
            + ProbeEmitter.explanation(probes.get(0), file.newline());
    try {
      writer.write(file, copy, methods);
    } catch (IOException e) {
      return fail(
          unit,
          targets,
          "@LineProfile could not write the instrumented copy of " + file.path() + ": " + e);
    }
    tableWritten.accept(file.tableName());
    return methods;
  }

  /** The targets' lines and text, in source order. */
  private List<ProfiledMethod> locate(SourceFile file, List<TargetFinder.Target> targets) {
    SourcePositions positions = trees.getSourcePositions();
    CompilationUnitTree unit = file.unit();
    List<ProfiledMethod> methods = new ArrayList<>();
    for (TargetFinder.Target target : targets) {
      TreePath path = target.path();
      long first =
          unit.getLineMap().getLineNumber(positions.getStartPosition(unit, path.getLeaf()));
      long last =
          unit.getLineMap().getLineNumber(positions.getEndPosition(unit, path.getLeaf()) - 1);
      methods.add(
          new ProfiledMethod(
              path,
              target.name(),
              first,
              last,
              file.lines().subList((int) first - 1, (int) last),
              List.of()));
    }
    methods.sort(Comparator.comparingLong(ProfiledMethod::firstLine));
    return methods;
  }

  /**
   * Every method's probes, or none if one cannot be instrumented (each such method gets an error);
   * each method of {@code methods} gets the depths of its lines.
   */
  private Optional<List<Insertion>> plan(
      SourceFile file, List<ProfiledMethod> methods, List<String> probes) {
    ConstantConditions constants = new ConstantConditions(trees, elements);
    List<Insertion> insertions = new ArrayList<>();
    boolean failed = false;
    for (int i = 0; i < methods.size(); i++) {
      ProfiledMethod m = methods.get(i);
      ProbePlanner.Plan plan =
          new ProbePlanner(
                  file.unit(),
                  file.text(),
                  trees.getSourcePositions(),
                  constants,
                  switchExpressions,
                  new ProbeEmitter(probes.get(i)))
              .plan(m.path());
      for (Problem problem : plan.problems()) {
        error(problem.message(m.name()), file.unit(), m.path());
        failed = true;
      }
      if (!plan.headersPerIteration().isEmpty()) {
        trees.printMessage(
            Diagnostic.Kind.WARNING,
            "@LineProfile "
                + m.name()
                + ": the loop header"
                + (plan.headersPerIteration().size() == 1 ? " on line " : "s on lines ")
                + plan.headersPerIteration().stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(", "))
                + (plan.headersPerIteration().size() == 1 ? " counts" : " count")
                + " each iteration (n), not each evaluation of the condition (n+1): the"
                + " source level ("
                + sourceLevel
                + ") has no switch expressions, which that count needs; compile with --release"
                + " 14 or later to get n+1",
            m.path().getLeaf(),
            file.unit());
      }
      insertions.addAll(plan.insertions());
      methods.set(
          i,
          m.withDepths(
              Arrays.stream(plan.nesting().depths(m.firstLine(), m.lastLine())).boxed().toList()));
    }
    return failed ? Optional.empty() : Optional.of(insertions);
  }

  private List<ProfiledMethod> fail(
      CompilationUnitTree unit, List<TargetFinder.Target> targets, String message) {
    targets.forEach(m -> error(message, unit, m.path()));
    return List.of();
  }

  private void error(String message, CompilationUnitTree unit, TreePath method) {
    trees.printMessage(Diagnostic.Kind.ERROR, message, method.getLeaf(), unit);
  }
}
