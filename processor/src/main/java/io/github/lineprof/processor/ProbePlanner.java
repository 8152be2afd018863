package io.github.lineprof.processor;

import com.sun.source.tree.AssertTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
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
 * statement before them share its line event, as Python's {@code a = 1; b = 2} does. A
 * try-with-resources resource on a line of its own is hit through the same switch around its
 * initializer.
 *
 * <p>Frames: each invocation keeps its state in three locals of the copy, declared at the start of
 * its body, whose {@code try}'s {@code finally} ends it. A constructor's explicit {@code this(...)}
 * or {@code super(...)} call stays first: the frame opens after it, so that line is not counted. The
 * statements in a switch expression's cases are counted in the frame around them. A block lambda and
 * every method, constructor and initializer of an anonymous or local class inside the method get
 * frames of their own (their lines are lines of the method, in the same line table), with locals
 * named after their depth ({@code $lp$c1}, ...), since a lambda may neither redeclare nor assign the
 * locals of the frame around it. Their statements on the line of the statement that creates them
 * share its event, so a one-line lambda counts as its line, like an expression lambda, which is left
 * as it is. No frame is open in a field initializer of such a class or before a constructor's
 * explicit call, so nothing there is counted, but lambdas and classes in them still get frames.
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
  private long entry;
  /** Suffix of the open frame's locals; null where no frame is open (nothing is counted). */
  private String frame;
  /** How many frames are open around the code being planned. */
  private int depth;
  /** Line events planned so far, to tell a nested frame that counts nothing. */
  private int events;

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
    this.entry = lastLine - firstLine + 1;
    MethodTree m = (MethodTree) method.getLeaf();
    frame(m.getBody(), isConstructor(m), -1, true);
    return new Plan(List.copyOf(insertions), List.copyOf(problems));
  }

  /**
   * A body that runs as an invocation of its own: a method's, constructor's, block lambda's or
   * initializer's.
   *
   * @param previousLine the line whose event covers the statements on it, -1 for none
   * @param always whether to open the frame even if it counts nothing (the profiled method's)
   */
  private void frame(BlockTree body, boolean constructor, long previousLine, boolean always) {
    String outerFrame = frame;
    List<? extends StatementTree> statements = body.getStatements();
    long open = start(body) + 1;
    int first = 0;
    int call = constructor ? explicitConstructorCall(statements) : -1;
    if (call >= 0) {
      // Nothing may come before this(...) or super(...): its line is left out, and so are any
      // statements before it (Java 25's flexible constructor bodies).
      frame = null;
      depth++; // frames in there are nested, like those after it
      for (StatementTree s : statements.subList(0, call + 1)) {
        statement(s, s, true, line(s));
      }
      depth--;
      open = end(statements.get(call));
      first = call + 1;
      previousLine = -1;
    }
    String suffix = depth == 0 ? "" : Integer.toString(depth);
    depth++;
    frame = suffix;
    int prologue = insertions.size();
    int eventsBefore = events;
    insert(open, " final long[] " + COUNTERS + suffix + " = " + probe + ".counters(); int " + LINE + suffix
        + " = " + entry + "; long " + SINCE + suffix + " = " + probe + ".enter(" + COUNTERS + suffix + "); try {");
    statements(statements.subList(first, statements.size()), previousLine);
    if (always || events > eventsBefore) {
      insert(end(body) - 1, "} finally { " + probe + ".exit(" + COUNTERS + suffix + ", " + LINE + suffix
          + ", " + SINCE + suffix + "); } ");
    } else {
      insertions.remove(prologue); // nothing to count: no frame
    }
    depth--;
    frame = outerFrame;
  }

  /** The index of a constructor's explicit {@code this(...)} or {@code super(...)} call, or -1. */
  private static int explicitConstructorCall(List<? extends StatementTree> statements) {
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i) instanceof ExpressionStatementTree e
          && e.getExpression() instanceof MethodInvocationTree call) {
        ExpressionTree select = call.getMethodSelect();
        if (select instanceof IdentifierTree id
                && (id.getName().contentEquals("this") || id.getName().contentEquals("super"))
            || select instanceof MemberSelectTree member && member.getIdentifier().contentEquals("super")) {
          return i;
        }
      }
    }
    return -1;
  }

  private static boolean isConstructor(MethodTree m) {
    return m.getName().contentEquals("<init>");
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
    long event = line != previousLine ? line : -1;
    switch (s.getKind()) {
      case BLOCK -> statements(((BlockTree) s).getStatements(), previousLine);
      case LABELED_STATEMENT ->
          statement(outer, ((LabeledStatementTree) s).getStatement(), inBlock, previousLine);
      case EMPTY_STATEMENT, ANNOTATION_TYPE -> {}
      case CLASS, RECORD, ENUM, INTERFACE -> classBody((ClassTree) s, -1);
      case BREAK, CONTINUE -> before(outer, inBlock, event, () -> {});
      case EXPRESSION_STATEMENT -> before(outer, inBlock, event,
          () -> expressions(((ExpressionStatementTree) s).getExpression(), line));
      case VARIABLE -> before(outer, inBlock, event,
          () -> expressions(((VariableTree) s).getInitializer(), line));
      case RETURN -> before(outer, inBlock, event,
          () -> expressions(((ReturnTree) s).getExpression(), line));
      case THROW -> before(outer, inBlock, event,
          () -> expressions(((ThrowTree) s).getExpression(), line));
      case YIELD -> before(outer, inBlock, event,
          () -> expressions(((YieldTree) s).getValue(), line));
      case ASSERT -> before(outer, inBlock, event, () -> {
        expressions(((AssertTree) s).getCondition(), line);
        expressions(((AssertTree) s).getDetail(), line);
      });
      case IF -> {
        IfTree t = (IfTree) s;
        before(outer, inBlock, event, () -> {
          expressions(t.getCondition(), line);
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
        for (StatementTree init : t.getInitializer()) {
          part(init, line);
        }
        loop(line, t.getCondition(), t.getStatement());
        for (StatementTree update : t.getUpdate()) {
          part(update, line);
        }
      }
      case DO_WHILE_LOOP -> {
        DoWhileLoopTree t = (DoWhileLoopTree) s;
        ExpressionTree condition = unparenthesized(t.getCondition());
        before(outer, inBlock, event, () -> {
          if (wrappable(condition)) {
            body(t.getStatement(), -1, line);
            wrapCondition(condition, line(condition));
          } else {
            // The condition runs once per iteration: count it at the start of each instead.
            body(t.getStatement(), line(condition), line);
          }
          expressions(condition, line(condition));
        });
      }
      case ENHANCED_FOR_LOOP -> {
        EnhancedForLoopTree t = (EnhancedForLoopTree) s;
        before(outer, inBlock, line, () -> {
          expressions(t.getExpression(), line);
          body(t.getStatement(), line, line);
        });
      }
      case SWITCH -> {
        SwitchTree t = (SwitchTree) s;
        before(outer, inBlock, event, () -> {
          expressions(t.getExpression(), line);
          for (CaseTree c : t.getCases()) {
            switchCase(c, line, false);
          }
        });
      }
      case SYNCHRONIZED -> before(outer, inBlock, event, () -> {
        expressions(((SynchronizedTree) s).getExpression(), line);
        statement(((SynchronizedTree) s).getBlock(), ((SynchronizedTree) s).getBlock(), true, line);
      });
      case TRY -> {
        TryTree t = (TryTree) s;
        before(outer, inBlock, event, () -> {
          long last = resources(t.getResources(), line);
          statements(t.getBlock().getStatements(), last);
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

  /** A for loop's initializer or update: planned for what its expressions hold, never counted. */
  private void part(StatementTree s, long line) {
    if (s instanceof VariableTree v) {
      expressions(v.getInitializer(), line);
    } else if (s instanceof ExpressionStatementTree e) {
      expressions(e.getExpression(), line);
    }
  }

  /**
   * A try's resources: each on a line of its own is hit as it is initialized, through a switch
   * around its initializer (a resource that names a variable runs no code).
   *
   * @return the line of the last event
   */
  private long resources(List<? extends Tree> resources, long previousLine) {
    for (Tree r : resources) {
      long line = line(r);
      if (r instanceof VariableTree v && v.getInitializer() != null) {
        if (line != previousLine && counting() && switchExpressions) {
          wrapCondition(v.getInitializer(), line);
          previousLine = line;
        }
        expressions(v.getInitializer(), line);
      } else {
        expressions(r, previousLine);
      }
    }
    return previousLine;
  }

  private void switchCase(CaseTree c, long switchLine, boolean switchExpression) {
    if (c.getCaseKind() == CaseTree.CaseKind.STATEMENT) {
      statements(c.getStatements(), switchLine);
      return;
    }
    Tree body = c.getBody();
    if (body instanceof StatementTree statement) {
      statement(statement, statement, false, switchLine);
      return;
    }
    // case X -> expression;  the braces must enclose the ';' after the expression's tree.
    ExpressionTree expression = (ExpressionTree) body;
    long line = line(body);
    if (line == switchLine || !counting()) {
      expressions(expression, line);
      return;
    }
    long semicolon = skipComments(end(body));
    if (semicolon >= source.length() || source.charAt((int) semicolon) != ';') {
      problems.add(new Problem(line(c), "an arrow case's expression not followed by ';'",
          "Write the case body as a block: 'case ... -> { ... }'."));
      return;
    }
    insert(start(body), "{ " + event(line) + "; " + (switchExpression ? "yield " : ""));
    expressions(expression, line);
    insert(semicolon + 1, " }");
  }

  /** The position of the first character at or after {@code at} that is no space and no comment. */
  private long skipComments(long at) {
    int i = (int) at;
    while (i < source.length()) {
      char ch = source.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
      } else if (ch == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
        while (i < source.length() && source.charAt(i) != '\n' && source.charAt(i) != '\r') {
          i++;
        }
      } else if (ch == '/' && i + 1 < source.length() && source.charAt(i + 1) == '*') {
        int close = source.toString().indexOf("*/", i + 2);
        i = close < 0 ? source.length() : close + 2;
      } else {
        break;
      }
    }
    return i;
  }

  /**
   * Plans what an expression holds (none of its own statements is counted): block lambdas and
   * anonymous classes get frames of their own, a switch expression's cases are counted in the
   * open frame.
   *
   * @param line the line whose event covers the expression
   */
  private void expressions(Tree expression, long line) {
    if (expression == null) {
      return;
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        if (node.getBody() instanceof BlockTree block) {
          frame(block, false, line, false);
        } else {
          // An expression lambda runs in no frame: it cannot count in the one around it.
          String outerFrame = frame;
          frame = null;
          scan(node.getBody(), null);
          frame = outerFrame;
        }
        return null;
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        scan(node.getEnclosingExpression(), null);
        scan(node.getArguments(), null);
        if (node.getClassBody() != null) {
          classBody(node.getClassBody(), line);
        }
        return null;
      }

      @Override
      public Void visitSwitchExpression(SwitchExpressionTree node, Void unused) {
        scan(node.getExpression(), null);
        for (CaseTree c : node.getCases()) {
          switchCase(c, line(node), true);
        }
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        classBody(node, line);
        return null;
      }
    }.scan(expression, null);
  }

  /**
   * The members of a local or anonymous class: each method, constructor and initializer with a body
   * gets a frame of its own (but an anonymous class's initializers, see below); field initializers
   * run in none.
   */
  private void classBody(ClassTree c, long line) {
    String outerFrame = frame;
    frame = null;
    for (Tree member : c.getMembers()) {
      if (member instanceof MethodTree m) {
        if (m.getBody() != null && end(m) >= 0) { // not one that javac generated
          frame(m.getBody(), isConstructor(m), line, false);
        }
      } else if (member instanceof BlockTree initializer && !c.getSimpleName().isEmpty()) {
        // Not an anonymous class's: javac derives its constructor's throws clause from its
        // initializers, and a try/finally around one would add RuntimeException and Error to it.
        frame(initializer, false, line, false);
      } else if (member instanceof VariableTree field) {
        expressions(field.getInitializer(), line);
      } else if (member instanceof ClassTree nested) {
        classBody(nested, line);
      }
    }
    frame = outerFrame;
  }

  /** A while or for loop: the header is hit at each evaluation of its condition. */
  private void loop(long line, ExpressionTree condition, StatementTree body) {
    if (condition != null && counting() && wrappable(condition)) {
      wrapCondition(condition, line);
      expressions(condition, line);
      body(body, -1, line);
    } else {
      expressions(condition, line);
      body(body, line, line);
    }
  }

  private boolean wrappable(ExpressionTree condition) {
    return switchExpressions && counting() && constants.canWrap(condition, TreePath.getPath(methodPath, condition));
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
    if (!counting()) {
      headerLine = -1;
    }
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
    if (!counting()) {
      line = -1;
    }
    boolean braces = !inBlock && line >= 0;
    if (line >= 0) {
      insert(start(outer), (braces ? "{ " : "") + event(line) + "; ");
    }
    inside.run();
    if (braces) {
      insert(end(outer), " }");
    }
  }

  private boolean counting() {
    return frame != null;
  }

  /** The probe call for a line event; an expression whose value is the event's time. */
  private String event(long line) {
    events++;
    String c = COUNTERS + frame;
    String l = LINE + frame;
    String t = SINCE + frame;
    return t + " = " + probe + ".line(" + c + ", " + l + ", " + l + " = " + (line - firstLine) + ", " + t + ")";
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
