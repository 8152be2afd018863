package io.github.lineprof.internal.time;

import io.github.lineprof.report.stats.FunctionInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the profiled functions a stack frame belongs to: those of the frame's top-level class whose
 * lines hold the frame's line. Cutting the class name at its first {@code $} puts lambdas, local,
 * anonymous and nested classes with the method whose source lines they are on.
 */
final class FunctionIndex {
  private static final FunctionTally[] NONE = new FunctionTally[0];
  private static final ClassLines NO_CLASS = new ClassLines(0, new FunctionTally[0][]);

  /**
   * Per source line of a top-level class, the functions holding it (nested ranges hold it twice).
   */
  private record ClassLines(int firstLine, FunctionTally[][] byLine) {
    FunctionTally[] at(int line) {
      int i = line - firstLine;
      return i >= 0 && i < byLine.length ? byLine[i] : NONE;
    }
  }

  private final List<FunctionTally> tallies = new ArrayList<>();
  private final Map<String, ClassLines> byTopLevel = new HashMap<>();

  /** Frame class names seen so far, so each is cut at its {@code $} once. */
  private final Map<String, ClassLines> byFrameClass = new HashMap<>();

  FunctionIndex(Collection<FunctionInfo> functions) {
    Map<String, List<FunctionTally>> grouped = new HashMap<>();
    for (FunctionInfo function : functions) {
      FunctionTally tally = new FunctionTally(function);
      tallies.add(tally);
      grouped.computeIfAbsent(topLevelClass(function), name -> new ArrayList<>()).add(tally);
    }
    grouped.forEach((name, group) -> byTopLevel.put(name, classLines(group)));
  }

  List<FunctionTally> tallies() {
    return tallies;
  }

  /** The functions a frame of class {@code className} (binary name) at {@code line} belongs to. */
  FunctionTally[] functionsAt(String className, int line) {
    ClassLines lines = byFrameClass.get(className);
    if (lines == null) {
      int dollar = className.indexOf('$');
      lines =
          byTopLevel.getOrDefault(
              dollar < 0 ? className : className.substring(0, dollar), NO_CLASS);
      byFrameClass.put(className, lines);
    }
    return lines.at(line);
  }

  /** {@code io/github/App.java} and {@code App.Inner.run} give {@code io.github.App}. */
  static String topLevelClass(FunctionInfo function) {
    String file = function.file().replace('\\', '/');
    int slash = file.lastIndexOf('/');
    String packagePrefix = slash < 0 ? "" : file.substring(0, slash + 1).replace('/', '.');
    int dot = function.name().indexOf('.');
    return packagePrefix + (dot < 0 ? function.name() : function.name().substring(0, dot));
  }

  private static ClassLines classLines(List<FunctionTally> group) {
    int first = group.stream().mapToInt(t -> t.function.firstLine()).min().orElseThrow();
    int last = group.stream().mapToInt(t -> t.function.lastLine()).max().orElseThrow();
    FunctionTally[][] byLine = new FunctionTally[last - first + 1][];
    for (int line = first; line <= last; line++) {
      List<FunctionTally> holding = new ArrayList<>();
      for (FunctionTally tally : group) {
        if (line >= tally.function.firstLine() && line <= tally.function.lastLine()) {
          holding.add(tally);
        }
      }
      byLine[line - first] = holding.isEmpty() ? NONE : holding.toArray(NONE);
    }
    return new ClassLines(first, byLine);
  }
}
