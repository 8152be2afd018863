package io.github.lineprof.processor;

import com.sun.source.tree.CompilationUnitTree;
import java.io.IOException;
import java.util.List;

/**
 * A source file with profiled methods, as the copy and its line table name it.
 *
 * @param text the file's text, which the copy repeats line for line
 * @param lines its lines, split where javac counts lines: at \r\n, \r and \n only
 * @param stem the file's name without {@code .java}
 * @param path the report's path of the file, e.g. {@code com/example/A.java}
 */
record SourceFile(
    CompilationUnitTree unit,
    String text,
    List<String> lines,
    String packageName,
    String stem,
    String path) {
  static SourceFile read(CompilationUnitTree unit) throws IOException {
    String text = unit.getSourceFile().getCharContent(true).toString();
    String fileName = simpleName(unit);
    String stem = fileName.substring(0, fileName.length() - ".java".length());
    String packageName = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
    String path = packageName.isEmpty() ? fileName : packageName.replace('.', '/') + "/" + fileName;
    return new SourceFile(
        unit, text, List.of(text.split("\r\n|\r|\n", -1)), packageName, stem, path);
  }

  /** The line terminator the file uses first, for text added after its last line. */
  String newline() {
    int i = 0;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    if (i == text.length()) {
      return "\n";
    }
    return text.startsWith("\r\n", i) ? "\r\n" : String.valueOf(text.charAt(i));
  }

  /** The qualified name of the file's line table. */
  String tableName() {
    return (packageName.isEmpty() ? "" : packageName + ".") + LineTableWriter.tableName(stem);
  }

  private static String simpleName(CompilationUnitTree unit) {
    String path = unit.getSourceFile().toUri().getPath();
    if (path == null) {
      path = unit.getSourceFile().getName();
    }
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
