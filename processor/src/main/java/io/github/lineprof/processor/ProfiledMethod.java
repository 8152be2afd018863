package io.github.lineprof.processor;

import com.sun.source.util.TreePath;
import io.github.lineprof.probe.ProbeProtocol;
import java.util.List;

/**
 * A method or constructor to instrument, as the report will show it.
 *
 * @param name e.g. {@code Outer.Inner.method}, see {@link TargetFinder#name}
 * @param firstLine the line of its first annotation or modifier
 * @param lastLine the line of its closing brace
 * @param lines the source text of lines {@code firstLine..lastLine}
 * @param depths per line, 0 for the method's own, 1 for a line of a lambda or class inside it, ...;
 *     empty until its probes are planned
 */
record ProfiledMethod(
    TreePath path,
    String name,
    long firstLine,
    long lastLine,
    List<String> lines,
    List<Integer> depths) {

  ProfiledMethod withDepths(List<Integer> depths) {
    return new ProfiledMethod(path, name, firstLine, lastLine, lines, depths);
  }

  /** The depths as the line table holds them, see {@link ProbeProtocol#nesting}. */
  String nesting() {
    return ProbeProtocol.nesting(
        Math.toIntExact(firstLine), depths.stream().mapToInt(Integer::intValue).toArray());
  }
}
