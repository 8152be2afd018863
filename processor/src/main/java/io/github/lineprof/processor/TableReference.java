package io.github.lineprof.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * How the copy names its line table. In an expression a variable hides a type of the same name, and
 * a variable or type named like a package's first segment hides the package: so the copy uses the
 * table's simple name if no variable, type or static import of the file (nor a field its classes
 * inherit) has that name, else the name qualified with the package if nothing of the file is named
 * like the package's first segment, else none (the methods get an error). The names are collected
 * from the whole file, more than are in scope at any probe, which can only make the copy qualify a
 * name it did not need to.
 */
final class TableReference {
  private TableReference() {}

  /** The table's name for the copy, or empty if every name of it is hidden. */
  static Optional<String> choose(SourceFile file, Trees trees, Elements elements) {
    Set<String> names = declaredNames(file, trees, elements);
    String simple = LineTableWriter.tableName(file.stem());
    if (!names.contains(simple)) {
      return Optional.of(simple);
    }
    if (!file.packageName().isEmpty() && !names.contains(firstSegment(file.packageName()))) {
      return Optional.of(file.tableName());
    }
    return Optional.empty();
  }

  /** The names that hide the table in the file, for the error when {@link #choose} finds none. */
  static String hidingNames(SourceFile file) {
    String simple = LineTableWriter.tableName(file.stem());
    return file.packageName().isEmpty()
        ? "'" + simple + "'"
        : "'" + simple + "' and '" + firstSegment(file.packageName()) + "'";
  }

  private static String firstSegment(String packageName) {
    int dot = packageName.indexOf('.');
    return dot < 0 ? packageName : packageName.substring(0, dot);
  }

  private static Set<String> declaredNames(SourceFile file, Trees trees, Elements elements) {
    Set<String> names = new HashSet<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitImport(ImportTree node, Void unused) {
        if (node.getQualifiedIdentifier() instanceof MemberSelectTree member) {
          String name = member.getIdentifier().toString();
          if (!name.equals("*")) {
            names.add(name);
          } else if (node.isStatic()) {
            TypeElement type = elements.getTypeElement(member.getExpression().toString());
            if (type != null) {
              addMembers(type);
            }
          }
        }
        return null;
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        names.add(node.getName().toString());
        return super.visitVariable(node, null);
      }

      @Override
      public Void visitTypeParameter(TypeParameterTree node, Void unused) {
        names.add(node.getName().toString());
        return super.visitTypeParameter(node, null);
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        names.add(node.getSimpleName().toString());
        Tree enclosing = getCurrentPath().getParentPath().getLeaf();
        // Not a local or anonymous class's: asking javac for its element during processing left
        // some method trees without positions in the tests.
        boolean member = enclosing instanceof CompilationUnitTree || enclosing instanceof ClassTree;
        if (member && trees.getElement(getCurrentPath()) instanceof TypeElement type) {
          addMembers(type);
        }
        return super.visitClass(node, null);
      }

      private void addMembers(TypeElement type) {
        for (Element member : elements.getAllMembers(type)) {
          if (member.getKind() == ElementKind.FIELD
              || member.getKind().isClass()
              || member.getKind().isInterface()) {
            names.add(member.getSimpleName().toString());
          }
        }
      }
    }.scan(file.unit(), null);
    if (!file.packageName().isEmpty()) {
      String first = firstSegment(file.packageName());
      if (elements.getTypeElement(file.packageName() + "." + first) != null) {
        names.add(first); // a class of the package named like its first segment
      }
    }
    return names;
  }
}
