package io.github.lineprof.processor;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Decides whether a loop condition may carry a probe. javac treats a constant condition ({@code
 * while (true)}, {@code for (;;)}, a {@code static final boolean}) specially when it checks
 * reachability and definite assignment, and a pattern variable declared in a condition is in scope
 * around it; wrapping either would change what compiles. Method bodies are not attributed while
 * processors run, so names are resolved here by hand, and anything not proven non-constant counts
 * as constant: the loop then gets its probe at the start of its body instead, which always
 * compiles.
 */
final class ConstantConditions {
  private final Trees trees;
  private final Elements elements;

  ConstantConditions(Trees trees, Elements elements) {
    this.trees = trees;
    this.elements = elements;
  }

  private static final Set<String> CONSTANT_TYPES =
      Set.of(
          "boolean",
          "byte",
          "short",
          "char",
          "int",
          "long",
          "float",
          "double",
          "String",
          "java.lang.String",
          "var");

  /** True if wrapping {@code condition} (found at {@code path}) keeps the method's meaning. */
  boolean canWrap(ExpressionTree condition, TreePath path) {
    return !mayBeConstant(condition, path) && !declaresPattern(condition);
  }

  @SuppressWarnings("StatementSwitchToExpressionSwitch") // the default case is several statements
  private boolean mayBeConstant(ExpressionTree e, TreePath path) {
    switch (e.getKind()) {
      case NULL_LITERAL:
        return false;
      case PARENTHESIZED:
        return mayBeConstant(((ParenthesizedTree) e).getExpression(), path);
      case TYPE_CAST:
        return mayBeConstant(((TypeCastTree) e).getExpression(), path);
      case CONDITIONAL_EXPRESSION:
        {
          ConditionalExpressionTree c = (ConditionalExpressionTree) e;
          return mayBeConstant(c.getCondition(), path)
              && mayBeConstant(c.getTrueExpression(), path)
              && mayBeConstant(c.getFalseExpression(), path);
        }
      case IDENTIFIER:
        return nameMayBeConstant(((IdentifierTree) e).getName().toString(), path);
      case MEMBER_SELECT:
        {
          // Only TypeName.field can be a constant; a local variable on the left never is.
          ExpressionTree left = ((MemberSelectTree) e).getExpression();
          return !(left instanceof IdentifierTree id && isLocal(id.getName().toString(), path))
              && !(left instanceof MethodInvocationTree);
        }
      default:
        if (e instanceof LiteralTree) {
          return true;
        }
        if (e instanceof BinaryTree b) {
          return mayBeConstant(b.getLeftOperand(), path)
              && mayBeConstant(b.getRightOperand(), path);
        }
        if (e instanceof UnaryTree u) {
          return (e.getKind() == Tree.Kind.LOGICAL_COMPLEMENT
                  || e.getKind() == Tree.Kind.UNARY_MINUS
                  || e.getKind() == Tree.Kind.UNARY_PLUS
                  || e.getKind() == Tree.Kind.BITWISE_COMPLEMENT)
              ? mayBeConstant(u.getExpression(), path)
              : false;
        }
        return false; // calls, assignments, array access, instanceof, new, lambdas, ...
    }
  }

  /** A simple name is constant only if it names a constant local or a constant field. */
  private boolean nameMayBeConstant(String name, TreePath path) {
    VariableTree local = findLocal(name, path);
    if (local != null) {
      return local.getModifiers().getFlags().contains(Modifier.FINAL)
          && local.getInitializer() != null
          && CONSTANT_TYPES.contains(local.getType() == null ? "var" : local.getType().toString())
          // judged where it is declared: names in the initializer may mean something else here
          && mayBeConstant(
              local.getInitializer(),
              TreePath.getPath(path.getCompilationUnit(), local.getInitializer()));
    }
    if (findParameter(name, path)) {
      return false;
    }
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree && !isMember(p)) {
        return true; // a local or anonymous class: no element before attribution, so cannot tell
      }
      if (p.getLeaf() instanceof ClassTree && trees.getElement(p) instanceof TypeElement type) {
        for (VariableElement field : ElementFilter.fieldsIn(elements.getAllMembers(type))) {
          if (field.getSimpleName().contentEquals(name)) {
            return field.getConstantValue() != null;
          }
        }
      }
    }
    return true; // e.g. a static import: cannot tell, so play safe
  }

  /** Whether the class at {@code path} is a top-level or member class, whose element javac has. */
  private static boolean isMember(TreePath path) {
    TreePath parent = path.getParentPath();
    return parent == null
        || parent.getLeaf() instanceof CompilationUnitTree
        || (parent.getLeaf() instanceof ClassTree && isMember(parent));
  }

  private static boolean isLocal(String name, TreePath path) {
    return findLocal(name, path) != null || findParameter(name, path);
  }

  /**
   * The local variable of that name in scope at {@code path}: declared before it in an enclosing
   * block, switch (whose case groups share one scope) or for loop; null if none.
   */
  private static VariableTree findLocal(String name, TreePath path) {
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      VariableTree found = null;
      if (leaf instanceof BlockTree block) {
        found = declaredBefore(block.getStatements(), child, name);
      } else if (leaf instanceof CaseTree group) {
        found = declaredBefore(group.getStatements(), child, name);
      } else if (leaf instanceof SwitchTree || leaf instanceof SwitchExpressionTree) {
        List<? extends CaseTree> cases =
            leaf instanceof SwitchTree switchTree
                ? switchTree.getCases()
                : ((SwitchExpressionTree) leaf).getCases();
        for (CaseTree group : cases) {
          if (group == child) {
            break;
          }
          found = found != null ? found : declaredBefore(group.getStatements(), null, name);
        }
      } else if (leaf instanceof ForLoopTree loop) {
        found = declaredBefore(loop.getInitializer(), null, name);
      } else if (leaf instanceof EnhancedForLoopTree loop
          && loop.getVariable().getName().contentEquals(name)) {
        found = loop.getVariable();
      } else if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return null;
      }
      if (found != null) {
        return found;
      }
      child = leaf;
    }
    return null;
  }

  /** The last declaration of {@code name} among {@code statements} before {@code end}. */
  private static VariableTree declaredBefore(
      List<? extends StatementTree> statements, Tree end, String name) {
    VariableTree found = null;
    for (StatementTree s : statements == null ? List.<StatementTree>of() : statements) {
      if (s == end) {
        break;
      }
      if (s instanceof VariableTree v && v.getName().contentEquals(name)) {
        found = v;
      }
    }
    return found;
  }

  private static boolean findParameter(String name, TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof LambdaExpressionTree lambda
          && lambda.getParameters().stream().anyMatch(v -> v.getName().contentEquals(name))) {
        return true;
      }
      if (p.getLeaf() instanceof MethodTree m) {
        return m.getParameters().stream().anyMatch(v -> v.getName().contentEquals(name));
      }
    }
    return false;
  }

  private static boolean declaresPattern(ExpressionTree condition) {
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitInstanceOf(InstanceOfTree node, Void unused) {
            return node.getPattern() != null ? Boolean.TRUE : super.visitInstanceOf(node, null);
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(condition, null);
    return Boolean.TRUE.equals(found);
  }
}
