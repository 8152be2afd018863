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
import java.util.OptionalLong;

/**
 * Plans the probes of one method body from its tree: where each line event goes, on the line of the
 * statement it counts, so that the copy keeps every line number.
 *
 * <p>A statement's line event is a probe statement inserted before it (a statement that is the
 * single body of an {@code if} or a loop is wrapped in braces to take it). A loop header is hit
 * each time its condition is evaluated: the probe goes into the condition, as the selector of a
 * {@code switch} expression whose only arm is the original condition, which keeps javac's definite
 * assignment rules exactly. Where a condition must stay as it is (see {@link ConstantConditions})
 * or a loop has none (enhanced for), the header is hit at the start of each iteration instead, plus
 * once on entry for an enhanced for (line_profiler's n+1). Statements that begin on the line of the
 * statement before them share its line event, as Python's {@code a = 1; b = 2} does. A
 * try-with-resources resource on a line of its own is hit through the same switch around its
 * initializer.
 *
 * <p>Frames: each invocation keeps its state in three locals of the copy, declared at the start of
 * its body, whose {@code try}'s {@code finally} ends it. A constructor's explicit {@code this(...)}
 * or {@code super(...)} call stays first: the frame opens after it, so that line is not counted.
 * The statements in a switch expression's cases are counted in the frame around them. A block
 * lambda and every method, constructor and initializer of an anonymous or local class inside the
 * method get frames of their own (their lines are lines of the method, in the same line table),
 * with locals named after their depth ({@code $lp$c1}, ...), since a lambda may neither redeclare
 * nor assign the locals of the frame around it. Their statements on the line of the statement that
 * creates them share its event, so a one-line lambda counts as its line, like an expression lambda,
 * which is left as it is. No frame is open in a field initializer of such a class or before a
 * constructor's explicit call, so nothing there is counted, but lambdas and classes in them still
 * get frames.
 *
 * <p>Trees another processor added (Lombok's {@code @SneakyThrows} wraps a body in a try placed at
 * the annotation) start before the body's opening brace: they get no probe, what they hold does.
 * What the probes say is {@link ProbeEmitter}'s; this class only decides where they go.
 */
final class ProbePlanner {
  /** The line before any: a frame's first statement always starts a new line. */
  private static final long NO_LINE = 0;

  private final CompilationUnitTree unit;
  private final CharSequence source;
  private final SourcePositions positions;
  private final ConstantConditions constants;
  private final boolean switchExpressions;
  private final ProbeEmitter emit;
  private final List<Insertion> insertions = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  /** Loop headers counted once per iteration only because the source level lacks switch. */
  private final List<Long> headersPerIteration = new ArrayList<>();

  private final LineNesting nesting = new LineNesting();
  private TreePath methodPath;

  /** The profiled method's body, between its braces: trees outside it were not in the source. */
  private long bodyStart;

  private long bodyEnd;

  /** Suffix of the open frame's locals; null where no frame is open (nothing is counted). */
  private String frame;

  /** How many frames are open around the code being planned. */
  private int depth;

  /** Line events planned so far, to tell a nested frame that counts nothing. */
  private int events;

  /**
   * @param switchExpressions whether the source level has switch expressions (Java 14+)
   */
  ProbePlanner(
      CompilationUnitTree unit,
      CharSequence source,
      SourcePositions positions,
      ConstantConditions constants,
      boolean switchExpressions,
      ProbeEmitter emit) {
    this.unit = unit;
    this.source = source;
    this.positions = positions;
    this.constants = constants;
    this.switchExpressions = switchExpressions;
    this.emit = emit;
  }

  /**
   * @param headersPerIteration lines of while and for headers counted at the start of each
   *     iteration (n) instead of at each evaluation of their condition (n+1), for want of switch
   *     expressions at the source level
   * @param nesting which lines of the method are nested (see {@link LineNesting})
   */
  record Plan(
      List<Insertion> insertions,
      List<Problem> problems,
      List<Long> headersPerIteration,
      LineNesting nesting) {}

  Plan plan(TreePath method) {
    this.methodPath = method;
    MethodTree m = (MethodTree) method.getLeaf();
    bodyStart = start(m.getBody());
    bodyEnd = end(m.getBody());
    frame(m.getBody(), isConstructor(m), NO_LINE, true);
    return new Plan(
        List.copyOf(insertions), List.copyOf(problems), List.copyOf(headersPerIteration), nesting);
  }

  /**
   * Where text before a statement goes: before {@code outer}, the statement or the label in front
   * of it. A statement that is the single body of an if or a loop needs braces around it and a
   * probe.
   */
  private record Place(StatementTree outer, boolean needsBraces) {
    static Place inBlock(StatementTree s) {
      return new Place(s, false);
    }

    static Place singleBody(StatementTree s) {
      return new Place(s, true);
    }
  }

  // ---------------------------------------------------------------- frames

  /**
   * A body that runs as an invocation of its own: a method's, constructor's, block lambda's or
   * initializer's.
   *
   * @param previousLine the line whose event covers the statements on it
   * @param always whether to open the frame even if it counts nothing (the profiled method's)
   */
  private void frame(BlockTree body, boolean constructor, long previousLine, boolean always) {
    String outerFrame = frame;
    List<? extends StatementTree> statements = body.getStatements();
    int call = constructor ? explicitConstructorCall(statements) : -1;
    long open = afterOpeningBrace(body);
    if (call >= 0) {
      beforeFrame(statements.subList(0, call + 1));
      open = end(statements.get(call));
      statements = statements.subList(call + 1, statements.size());
      previousLine = NO_LINE;
    }
    String suffix = depth == 0 ? "" : Integer.toString(depth);
    if (depth > 0 && end(body) > 0) {
      nesting.body(line(body), lineOf(end(body) - 1), depth);
    }
    depth++;
    frame = suffix;
    int prologue = insertions.size();
    int eventsBefore = events;
    insert(open, " " + emit.openFrame(suffix));
    statements(statements, previousLine);
    if (always || events > eventsBefore) {
      insert(closingBrace(body), emit.closeFrame(suffix) + " ");
    } else {
      insertions.remove(prologue); // nothing to count: no frame
    }
    depth--;
    frame = outerFrame;
  }

  /**
   * A constructor's statements up to its explicit {@code this(...)} or {@code super(...)} call,
   * which must come first: not counted (Java 25's flexible constructor bodies allow statements
   * before it).
   */
  private void beforeFrame(List<? extends StatementTree> statements) {
    frame = null;
    depth++; // frames in there are nested, like those after it
    for (StatementTree s : statements) {
      statement(Place.inBlock(s), s, line(s));
    }
    depth--;
  }

  /** The index of a constructor's explicit {@code this(...)} or {@code super(...)} call, or -1. */
  private static int explicitConstructorCall(List<? extends StatementTree> statements) {
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i) instanceof ExpressionStatementTree e
          && e.getExpression() instanceof MethodInvocationTree call) {
        ExpressionTree select = call.getMethodSelect();
        if ((select instanceof IdentifierTree id
                && (id.getName().contentEquals("this") || id.getName().contentEquals("super")))
            || (select instanceof MemberSelectTree member
                && member.getIdentifier().contentEquals("super"))) {
          return i;
        }
      }
    }
    return -1;
  }

  private static boolean isConstructor(MethodTree m) {
    return m.getName().contentEquals("<init>");
  }

  // ---------------------------------------------------------------- statements

  /** The statements of a block (or a case), in order; {@code previousLine} is the last event's. */
  private void statements(List<? extends StatementTree> statements, long previousLine) {
    for (StatementTree s : statements) {
      statement(Place.inBlock(s), s, previousLine);
      previousLine = lineOr(s, previousLine);
    }
  }

  private void statement(Place place, StatementTree s, long previousLine) {
    long line = lineOr(s, previousLine);
    OptionalLong event = line != previousLine ? OptionalLong.of(line) : OptionalLong.empty();
    switch (s.getKind()) {
      case BLOCK -> statements(((BlockTree) s).getStatements(), previousLine);
      case LABELED_STATEMENT ->
          statement(place, ((LabeledStatementTree) s).getStatement(), previousLine);
      case EMPTY_STATEMENT, ANNOTATION_TYPE -> {}
      case CLASS, RECORD, ENUM, INTERFACE -> classBody((ClassTree) s, NO_LINE);
      case BREAK, CONTINUE, EXPRESSION_STATEMENT, VARIABLE, RETURN, THROW, YIELD, ASSERT ->
          before(place, event, () -> parts(s).forEach(part -> expressions(part, line)));
      case IF -> before(place, event, () -> ifParts((IfTree) s, line));
      case WHILE_LOOP ->
          loop(
              line,
              unparenthesized(((WhileLoopTree) s).getCondition()),
              ((WhileLoopTree) s).getStatement());
      case FOR_LOOP -> forLoop((ForLoopTree) s, line);
      case DO_WHILE_LOOP -> before(place, event, () -> doWhileParts((DoWhileLoopTree) s, line));
      case ENHANCED_FOR_LOOP ->
          before(
              place,
              OptionalLong.of(line),
              () -> {
                // The header is hit once more than the body runs, like line_profiler's for line.
                EnhancedForLoopTree t = (EnhancedForLoopTree) s;
                expressions(t.getExpression(), line);
                body(t.getStatement(), OptionalLong.of(line), line);
              });
      case SWITCH ->
          before(
              place,
              event,
              () -> {
                expressions(((SwitchTree) s).getExpression(), line);
                ((SwitchTree) s).getCases().forEach(c -> switchCase(c, line, false));
              });
      case SYNCHRONIZED ->
          before(
              place,
              event,
              () -> {
                SynchronizedTree t = (SynchronizedTree) s;
                expressions(t.getExpression(), line);
                statement(Place.inBlock(t.getBlock()), t.getBlock(), line);
              });
      case TRY -> before(place, event, () -> tryParts((TryTree) s, line));
      default ->
          problems.add(
              new Problem(
                  line,
                  describe(s),
                  "Remove @LineProfile from this method, or tell the lineprof developers which construct"
                      + " this is."));
    }
  }

  /** The expressions of a simple statement (one holding no statement). */
  private static List<Tree> parts(StatementTree s) {
    if (s instanceof ExpressionStatementTree e) {
      return nonNull(e.getExpression());
    } else if (s instanceof VariableTree v) {
      return nonNull(v.getInitializer());
    } else if (s instanceof ReturnTree r) {
      return nonNull(r.getExpression());
    } else if (s instanceof ThrowTree t) {
      return nonNull(t.getExpression());
    } else if (s instanceof YieldTree y) {
      return nonNull(y.getValue());
    } else if (s instanceof AssertTree a) {
      return nonNull(a.getCondition(), a.getDetail());
    }
    return List.of(); // break, continue
  }

  private static List<Tree> nonNull(Tree... trees) {
    List<Tree> list = new ArrayList<>();
    for (Tree t : trees) {
      if (t != null) {
        list.add(t);
      }
    }
    return list;
  }

  private void ifParts(IfTree t, long line) {
    expressions(t.getCondition(), line);
    statement(Place.singleBody(t.getThenStatement()), t.getThenStatement(), line);
    if (t.getElseStatement() != null) {
      statement(Place.singleBody(t.getElseStatement()), t.getElseStatement(), line);
    }
  }

  private void forLoop(ForLoopTree t, long line) {
    for (StatementTree init : t.getInitializer()) {
      parts(init).forEach(part -> expressions(part, line));
    }
    loop(line, t.getCondition(), t.getStatement());
    for (StatementTree update : t.getUpdate()) {
      parts(update).forEach(part -> expressions(part, line));
    }
  }

  private void doWhileParts(DoWhileLoopTree t, long line) {
    ExpressionTree condition = unparenthesized(t.getCondition());
    long conditionLine = line(condition);
    if (wrappable(condition)) {
      body(t.getStatement(), OptionalLong.empty(), line);
      wrapCondition(condition, conditionLine);
    } else {
      // The condition runs once per iteration: count it at the start of each instead.
      body(t.getStatement(), OptionalLong.of(conditionLine), line);
    }
    expressions(condition, conditionLine);
  }

  private void tryParts(TryTree t, long line) {
    long last = resources(t.getResources(), line);
    statements(t.getBlock().getStatements(), last);
    for (CatchTree c : t.getCatches()) {
      // The catch line is hit each time an exception is caught, like Python's except line.
      long catchLine = lineOr(c, line);
      body(
          c.getBlock(),
          generated(c) ? OptionalLong.empty() : OptionalLong.of(catchLine),
          catchLine);
    }
    if (t.getFinallyBlock() != null) {
      statements(t.getFinallyBlock().getStatements(), lineOr(t.getFinallyBlock(), line));
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
        if (line != previousLine && counting() && switchExpressions && !generated(r)) {
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
      statement(Place.singleBody(statement), statement, switchLine);
      return;
    }
    // case X -> expression;  the braces must enclose the ';' after the expression's tree.
    ExpressionTree expression = (ExpressionTree) body;
    long line = line(body);
    if (line == switchLine || !counting() || generated(body)) {
      expressions(expression, line);
      return;
    }
    long semicolon = skipComments(end(body));
    if (semicolon >= source.length() || source.charAt((int) semicolon) != ';') {
      problems.add(
          new Problem(
              line(c),
              "an arrow case's expression not followed by ';'",
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

  /** A while or for loop: the header is hit at each evaluation of its condition. */
  private void loop(long line, ExpressionTree condition, StatementTree body) {
    if (condition != null && counting() && wrappable(condition)) {
      wrapCondition(condition, line);
      expressions(condition, line);
      body(body, OptionalLong.empty(), line);
    } else {
      if (condition != null && !switchExpressions && wrappableWithSwitch(condition)) {
        headersPerIteration.add(line);
      }
      expressions(condition, line);
      body(body, OptionalLong.of(line), line);
    }
  }

  private boolean wrappable(ExpressionTree condition) {
    return switchExpressions && wrappableWithSwitch(condition);
  }

  private boolean wrappableWithSwitch(ExpressionTree condition) {
    return counting()
        && !generated(condition)
        && constants.canWrap(condition, TreePath.getPath(methodPath, condition));
  }

  private void wrapCondition(ExpressionTree condition, long line) {
    events++;
    nesting.event(line, depth - 1);
    insert(start(condition), emit.openCondition(frame, line));
    insert(end(condition), ProbeEmitter.CONDITION_END);
  }

  /** A loop's or a catch's body; {@code header} is hit at the start of each run of the body. */
  private void body(StatementTree body, OptionalLong header, long previousLine) {
    OptionalLong counted = counting() && !generated(body) ? header : OptionalLong.empty();
    if (body instanceof BlockTree block) {
      counted.ifPresent(line -> insert(afterOpeningBrace(block), " " + event(line) + ";"));
      statements(block.getStatements(), previousLine);
    } else if (counted.isPresent()) {
      insert(start(body), "{ " + event(counted.getAsLong()) + "; ");
      statement(Place.inBlock(body), body, previousLine);
      insert(end(body), " }");
    } else {
      statement(Place.singleBody(body), body, previousLine);
    }
  }

  /**
   * Inserts the event of {@code line}, if any, before the statement at {@code place}, then plans
   * what is inside it; braces go around both where the statement is the single body of another.
   */
  private void before(Place place, OptionalLong line, Runnable inside) {
    OptionalLong counted = counting() && !generated(place.outer()) ? line : OptionalLong.empty();
    boolean braces = place.needsBraces() && counted.isPresent();
    counted.ifPresent(l -> insert(start(place.outer()), (braces ? "{ " : "") + event(l) + "; "));
    inside.run();
    if (braces) {
      insert(end(place.outer()), " }");
    }
  }

  // ---------------------------------------------------------------- expressions and classes

  /**
   * Plans what an expression holds (none of its own statements is counted): block lambdas and
   * anonymous classes get frames of their own, a switch expression's cases are counted in the open
   * frame.
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
    if (start(c) >= 0 && end(c) > 0) {
      nesting.body(line(c), lineOf(end(c) - 1), depth);
    }
    String outerFrame = frame;
    frame = null;
    for (Tree member : c.getMembers()) {
      if (member instanceof MethodTree m) {
        if (m.getBody() != null
            && end(m) >= 0
            && !generated(m.getBody())) { // not one javac generated
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

  // ---------------------------------------------------------------- text

  private boolean counting() {
    return frame != null;
  }

  /** The probe call for a line event in the open frame. */
  private String event(long line) {
    events++;
    nesting.event(line, depth - 1);
    return emit.event(frame, line);
  }

  /**
   * Whether another processor added {@code tree}: it lies outside the method's body (e.g. at an
   * annotation), so no text may go at its position.
   */
  private boolean generated(Tree tree) {
    long start = start(tree);
    return start <= bodyStart || start >= bodyEnd;
  }

  private static ExpressionTree unparenthesized(ExpressionTree e) {
    return e instanceof ParenthesizedTree p ? p.getExpression() : e;
  }

  private static String describe(StatementTree s) {
    return "a "
        + s.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + " statement";
  }

  /**
   * Just after a block's opening brace, which the source may spell as a Unicode escape ({@code
   * \\u007b}): the tree's positions are in the raw text, so text must not go inside the escape.
   */
  private long afterOpeningBrace(BlockTree block) {
    long at = start(block);
    if (at < 0 || source.charAt((int) at) != '\\') {
      return at + 1;
    }
    int i = (int) at + 1;
    while (source.charAt(i) == 'u') {
      i++;
    }
    return i + 4L; // four hex digits
  }

  /** The position of a block's closing brace, or of the Unicode escape that spells it. */
  private long closingBrace(BlockTree block) {
    long end = end(block);
    if (end < 6 || source.charAt((int) end - 1) == '}') {
      return end - 1;
    }
    int i = (int) end - 5; // before the four hex digits
    while (source.charAt(i) == 'u') {
      i--;
    }
    return source.charAt(i) == '\\' ? i : end - 1;
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
    return lineOf(start(tree));
  }

  private long lineOf(long position) {
    return unit.getLineMap().getLineNumber(position);
  }

  /** The line of {@code tree}, or {@code otherwise} for a tree another processor added. */
  private long lineOr(Tree tree, long otherwise) {
    return generated(tree) ? otherwise : line(tree);
  }
}
