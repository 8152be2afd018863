package io.github.lineprof.processor;

import com.sun.source.util.TreePath;
import java.util.List;

/**
 * A method or constructor to instrument, as the report will show it.
 *
 * @param name e.g. {@code Outer.Inner.method}, see {@link TargetFinder#name}
 * @param firstLine the line of its first annotation or modifier
 * @param lastLine the line of its closing brace
 * @param lines the source text of lines {@code firstLine..lastLine}
 */
record ProfiledMethod(
    TreePath path, String name, long firstLine, long lastLine, List<String> lines) {}
