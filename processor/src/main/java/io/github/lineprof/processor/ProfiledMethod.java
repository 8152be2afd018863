package io.github.lineprof.processor;

import com.sun.source.util.TreePath;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * A method to instrument, as the report will show it.
 *
 * @param name e.g. {@code Outer.Inner.method}
 * @param firstLine the line of its first annotation or modifier
 * @param lastLine the line of its closing brace
 * @param lines the source text of lines {@code firstLine..lastLine}
 */
record ProfiledMethod(
    ExecutableElement element, TreePath path, String name, long firstLine, long lastLine,
    List<String> lines) {}
