package io.github.lineprof.processor;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.github.lineprof.internal.swap.Layout;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes what the processor made of one source file: the instrumented copy (a resource the second
 * compile reads), its line table (a generated source, compiled with the originals and kept beside
 * the module's other generated sources) and the list of its instrumented methods.
 */
final class CopyWriter {
  private final Trees trees;
  private final Filer filer;

  CopyWriter(Trees trees, Filer filer) {
    this.trees = trees;
    this.filer = filer;
  }

  void write(SourceFile file, String copy, List<ProfiledMethod> methods) throws IOException {
    // The copy depends on the whole file: every top-level class of it is an origin.
    List<Element> origins = new ArrayList<>();
    for (Tree type : file.unit().getTypeDecls()) {
      Element e = trees.getElement(new TreePath(new TreePath(file.unit()), type));
      if (e != null) {
        origins.add(e);
      }
    }
    Element[] origin = origins.toArray(new Element[0]);
    FileObject copyFile =
        filer.createResource(
            StandardLocation.CLASS_OUTPUT, "", Layout.COPY_SOURCES + file.path(), origin);
    try (Writer out = copyFile.openWriter()) {
      out.write(copy);
    }
    LineTableWriter.lineTable(file.packageName(), file.stem(), file.path(), methods, origins)
        .writeTo(filer);
    String summaryPath =
        Layout.SUMMARIES
            + file.path().substring(0, file.path().length() - ".java".length())
            + ".txt";
    FileObject summary =
        filer.createResource(StandardLocation.CLASS_OUTPUT, "", summaryPath, origin);
    try (Writer out = summary.openWriter()) {
      out.write(summary(methods));
    }
  }

  /** One line per instrumented method, in source order: {@code Outer.method 12-30}. */
  static String summary(List<ProfiledMethod> methods) {
    StringBuilder out = new StringBuilder();
    for (ProfiledMethod m : methods) {
      out.append(m.name())
          .append(' ')
          .append(m.firstLine())
          .append('-')
          .append(m.lastLine())
          .append('\n');
    }
    return out.toString();
  }
}
