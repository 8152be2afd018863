package io.github.lineprof.processor;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the probes of one method body from its tree: where each line event goes, on the line of the
 * statement it counts, so that the copy keeps every line number.
 *
 * <p>A statement's line event is a probe statement inserted before it (a statement that is the
 * single body of an {@code if} or a loop is wrapped in braces to take it). A loop header is hit each
 * time its condition is evaluated: the probe goes into the condition, as the selector of a {@code
 * switch} expression whose only arm is the original condition, which keeps javac's definite
 * assignment rules exactly. Where a condition must stay as it is (see {@link ConstantConditions}) or
 * a loop has none (enhanced for), the header is hit at the start of each iteration instead, plus
 * once on entry for an enhanced for (line_profiler's n+1). Statements that begin on the line of the
 * statement before them share its line event, as Python's {@code a = 1; b = 2} does. Lambdas, and
 * local and anonymous classes, are left as they are: their time belongs to the line that runs them,
 * as nested functions' time does in line_profiler.
 */
final class ProbePlanner {
  /** Names of the copy's per-invocation locals: thread counters, line now running, its start. */
  static final String COUNTERS = "$lp$c";
  static final String LINE = "$lp$l";
  static final String SINCE = "$lp$t";

  private final CompilationUnitTree unit;
  private final CharSequence source;
  private final SourcePositions positions;
  private final ConstantConditions constants;
  private final boolean switchExpressions;
  private final String probe;
  private final long firstLine;
  private final List<Insertion> insertions = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private TreePath methodPath;

  /**
   * @param probe the expression naming the method's {@code FunctionProbe}, e.g. {@code LineProf_A.F0}
   * @param switchExpressions whether the source level has switch expressions (Java 14+)
   */
  ProbePlanner(
      CompilationUnitTree unit,
      CharSequence source,
      SourcePositions positions,
      ConstantConditions constants,
      boolean switchExpressions,
      String probe,
      long firstLine) {
    this.unit = unit;
    this.source = source;
    this.positions = positions;
    this.constants = constants;
    this.switchExpressions = switchExpressions;
    this.probe = probe;
    this.firstLine = firstLine;
  }

  record Plan(List<Insertion> insertions, List<Problem> problems) {}

  Plan plan(TreePath method, long lastLine) {
    this.methodPath = method;
    BlockTree body = ((MethodTree) method.getLeaf()).getBody();
    long entry = lastLine - firstLine + 1;
    insert(start(body) + 1,
        " final long[] " + COUNTERS + " = " + probe + ".counters(); int " + LINE + " = " + entry
            + "; long " + SINCE + " = 0L; try {");
    statements(body.getStatements(), -1);
    insert(end(body) - 1,
        "} finally { " + probe + ".exit(" + COUNTERS + ", " + LINE + ", " + SINCE + "); } ");
    return new Plan(List.copyOf(insertions), List.copyOf(problems));
  }

  /** The statements of a block (or a case), in order; {@code previousLine} is the last event's. */
  private void statements(List<? extends StatementTree> statements, long previousLine) {
    for (StatementTree s : statements) {
      statement(s, s, true, previousLine);
      previousLine = line(s);
    }
  }

  /**
   * @param outer where text before {@code s} goes: {@code s} itself or the label in front of it
   * @param inBlock whether {@code s} stands among statements; if not, it is the single body of an
   *     if or a loop, and a probe before it needs braces around both
   */
  private void statement(StatementTree outer, StatementTree s, boolean inBlock, long previousLine) {
    long line = line(s);
    boolean newLine = line != previousLine;
    switch (s.getKind()) {
      case BLOCK -> statements(((BlockTree) s).getStatements(), previousLine);
      case LABELED_STATEMENT ->
          statement(outer, ((LabeledStatementTree) s).getStatement(), inBlock, previousLine);
      case EMPTY_STATEMENT, CLASS, RECORD, ENUM, INTERFACE, ANNOTATION_TYPE -> {}
      case EXPRESSION_STATEMENT, VARIABLE, RETURN, BREAK, CONTINUE, THROW, ASSERT -> {
        if (newLine) {
          before(outer, inBlock, line, () -> {});
        }
      }
      case IF -> {
        IfTree t = (IfTree) s;
        before(outer, inBlock, newLine ? line : -1, () -> {
          statement(t.getThenStatement(), t.getThenStatement(), false, line);
          if (t.getElseStatement() != null) {
            statement(t.getElseStatement(), t.getElseStatement(), false, line);
          }
        });
      }
      case WHILE_LOOP -> {
        WhileLoopTree t = (WhileLoopTree) s;
        loop(line, unparenthesized(t.getCondition()), t.getStatement());
      }
      case FOR_LOOP -> {
        ForLoopTree t = (ForLoopTree) s;
        loop(line, t.getCondition(), t.getStatement());
      }
      case DO_WHILE_LOOP -> {
        DoWhileLoopTree t = (DoWhileLoopTree) s;
        ExpressionTree condition = unparenthesized(t.getCondition());
        before(outer, inBlock, newLine ? line : -1, () -> {
          if (wrappable(condition)) {
            body(t.getStatement(), -1, line);
            wrapCondition(condition, line(condition));
          } else {
            // The condition runs once per iteration: count it at the start of each instead.
            body(t.getStatement(), line(condition), line);
          }
        });
      }
      case ENHANCED_FOR_LOOP -> {
        EnhancedForLoopTree t = (EnhancedForLoopTree) s;
        before(outer, inBlock, line, () -> body(t.getStatement(), line, line));
      }
      case SWITCH -> {
        SwitchTree t = (SwitchTree) s;
        before(outer, inBlock, newLine ? line : -1, () -> {
          for (CaseTree c : t.getCases()) {
            switchCase(c, line);
          }
        });
      }
      case SYNCHRONIZED -> before(outer, inBlock, newLine ? line : -1,
          () -> statement(((SynchronizedTree) s).getBlock(), ((SynchronizedTree) s).getBlock(), true, line));
      case TRY -> {
        TryTree t = (TryTree) s;
        before(outer, inBlock, newLine ? line : -1, () -> {
          statements(t.getBlock().getStatements(), line);
          for (CatchTree c : t.getCatches()) {
            // The catch line is hit each time an exception is caught, like Python's except line.
            body(c.getBlock(), line(c), line(c));
          }
          if (t.getFinallyBlock() != null) {
            statements(t.getFinallyBlock().getStatements(), line(t.getFinallyBlock()));
          }
        });
      }
      default -> problems.add(new Problem(line, describe(s),
          "Remove @LineProfile from this method, or tell the lineprof developers which construct"
              + " this is."));
    }
  }

  private void switchCase(CaseTree c, long switchLine) {
    if (c.getCaseKind() == CaseTree.CaseKind.STATEMENT) {
      statements(c.getStatements(), switchLine);
      return;
    }
    Tree body = c.getBody();
    if (body instanceof StatementTree statement) {
      statement(statement, statement, false, switchLine);
      return;
    }
    // case X -> expression;  the tree ends before the semicolon, which the braces must enclose.
    long semicolon = end(body);
    while (semicolon < source.length() && Character.isWhitespace(source.charAt((int) semicolon))) {
      semicolon++;
    }
    if (semicolon >= source.length() || source.charAt((int) semicolon) != ';') {
      problems.add(new Problem(line(c), "a comment between an arrow case's expression and its ';'",
          "Move the comment, or write the case body as a block: 'case ... -> { expr; }'."));
      return;
    }
    long line = line(body);
    if (line != switchLine) {
      insert(start(body), "{ " + event(line) + "; ");
      insert(semicolon + 1, " }");
    }
  }

  /** A while or for loop: the header is hit at each evaluation of its condition. */
  private void loop(long line, ExpressionTree condition, StatementTree body) {
    if (condition != null && wrappable(condition)) {
      wrapCondition(condition, line);
      body(body, -1, line);
    } else {
      body(body, line, line);
    }
  }

  private boolean wrappable(ExpressionTree condition) {
    return switchExpressions && constants.canWrap(condition, TreePath.getPath(methodPath, condition));
  }

  private void wrapCondition(ExpressionTree condition, long line) {
    insert(start(condition), "switch ((int) (" + event(line) + ")) { default -> ");
    insert(end(condition), "; }");
  }

  /**
   * A loop's or a catch's body; {@code headerLine}, unless -1, gets an event at the start of each
   * run of the body.
   */
  private void body(StatementTree body, long headerLine, long previousLine) {
    if (body instanceof BlockTree block) {
      if (headerLine >= 0) {
        insert(start(block) + 1, " " + event(headerLine) + ";");
      }
      statements(block.getStatements(), previousLine);
    } else if (headerLine >= 0) {
      insert(start(body), "{ " + event(headerLine) + "; ");
      statement(body, body, true, previousLine);
      insert(end(body), " }");
    } else {
      statement(body, body, false, previousLine);
    }
  }

  /**
   * Inserts the event of {@code line} (none if -1) before {@code outer}, then plans what is inside
   * it; braces go around both when {@code outer} is the single body of another statement.
   */
  private void before(StatementTree outer, boolean inBlock, long line, Runnable inside) {
    boolean braces = !inBlock && line >= 0;
    if (line >= 0) {
      insert(start(outer), (braces ? "{ " : "") + event(line) + "; ");
    }
    inside.run();
    if (braces) {
      insert(end(outer), " }");
    }
  }

  /** The probe call for a line event; an expression whose value is the event's time. */
  private String event(long line) {
    return SINCE + " = " + probe + ".line(" + COUNTERS + ", " + LINE + ", " + LINE + " = "
        + (line - firstLine) + ", " + SINCE + ")";
  }

  private static ExpressionTree unparenthesized(ExpressionTree e) {
    return e instanceof ParenthesizedTree p ? p.getExpression() : e;
  }

  private static String describe(StatementTree s) {
    return "a " + s.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " statement";
  }

  private void insert(long position, String text) {
    insertions.add(new Insertion(position, text));
  }

  private long start(Tree tree) {
    return positions.getStartPosition(unit, tree);
  }

  private long end(Tree tree) {
    return positions.getEndPosition(unit, tree);
  }

  private long line(Tree tree) {
    return unit.getLineMap().getLineNumber(start(tree));
  }
}
