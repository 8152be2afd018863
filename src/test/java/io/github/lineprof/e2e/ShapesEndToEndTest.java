package io.github.lineprof.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static io.github.lineprof.e2e.Goldens.assertHitsMatch;
import static io.github.lineprof.e2e.Goldens.function;
import static io.github.lineprof.e2e.Goldens.golden;
import static io.github.lineprof.e2e.Goldens.hitsView;
import static io.github.lineprof.e2e.Goldens.profile;

import io.github.lineprof.FunctionProfile;
import io.github.lineprof.ProfileResult;
import io.github.lineprof.ProfiledLine;
import io.github.lineprof.samples.Shapes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Hits are exact: for each statement shape of {@link Shapes}, the Hits column through the swap
 * equals a golden file ({@code golden/shapes-<method>.hits.txt}) derived by hand from the rules of
 * the README and of ProbePlanner, before any run. The scenarios call each method with inputs that
 * make every branch run a known number of times.
 *
 * <p>Five methods are line-by-line ports of line_profiler's reference cases (copied, unchanged, to
 * {@code reference/line_profiler/}: the function and the Hits line_profiler 4.1 printed for it in
 * {@code case_*.merged41.txt}). For those, the test also maps each Python line to its Java line and
 * checks that the Hits agree, or differ exactly as documented (a multi-line statement counts once,
 * on its first line, where line_profiler counts some of its lines again).
 */
class ShapesEndToEndTest {
  // ---------------------------------------------------------------- if / else if / else

  /** Port of case_ifelse.py: classify called 7 times, as its driver does. */
  @Test
  void ifElseIfElseChainPortedFromPython() throws IOException {
    ProfileResult result =
        profile(
            () -> {
              List<String> out = new ArrayList<>();
              for (int x : new int[] {-2, -1, 0, 1, 2, 3, 4}) {
                out.add(Shapes.classify(x));
              }
              return out;
            });

    assertThat(result.value()).isEqualTo(List.of("neg", "neg", "zero", "pos", "pos", "pos", "pos"));
    FunctionProfile classify = function(result, "Shapes.classify");
    assertThat(hitsView(classify)).isEqualTo(golden("shapes-classify.hits.txt"));
    // Python line -> Java line (matched in order by its text). Java's "String r;" (7 hits) has
    // no Python line. Python's "else:" is Java's "} else {": neither is hit. Python's elif is hit
    // each time it is evaluated, and so is Java's "} else if (...) {" on the closing brace's line.
    assertMatchesLineProfiler(
        classify,
        "case_ifelse",
        "classify",
        same(1, "public static String classify(int x) {"),
        same(2, "if (x < 0) {"),
        same(3, "r = \"neg\";"),
        same(4, "} else if (x == 0) {"),
        same(5, "r = \"zero\";"),
        same(6, "} else {"),
        same(7, "r = \"pos\";"),
        same(8, "return r;"));
  }

  /** Braceless branches, a then-statement on its condition's line, if-return on one line. */
  @Test
  void ifChainsWithoutBraces() throws IOException {
    ProfileResult result =
        profile(
            () -> {
              List<String> out = new ArrayList<>();
              for (int score : new int[] {95, 84, 77, 70, 61, 42, 10}) {
                out.add(Shapes.grade(score));
              }
              return out;
            });

    assertThat(result.value()).isEqualTo(List.of("A", "B+", "C", "C+", "D", "F+", "F+"));
    assertHitsMatch(result, "Shapes.grade", "shapes-grade.hits.txt");
  }

  // ---------------------------------------------------------------- switch statements

  /** k = 0..6: a classic switch with fall-through (case labels are never hit), then arrow form. */
  @Test
  void switchStatementsClassicAndArrow() throws IOException {
    ProfileResult result =
        profile(
            () -> {
              List<Integer> out = new ArrayList<>();
              for (int k = 0; k <= 6; k++) {
                out.add(Shapes.switches(k));
              }
              return out;
            });

    assertThat(result.value()).isEqualTo(List.of(22, 30, -107, 214, 21, -1000, 2000));
    assertHitsMatch(result, "Shapes.switches", "shapes-switches.hits.txt");
  }

  // ---------------------------------------------------------------- labeled break / continue

  /** n = 4 leaves the outer loop by break outer (and the block by break), n = 2 runs it out. */
  @Test
  void labeledBreakAndContinueOverNestedLoops() throws IOException {
    ProfileResult result = profile(() -> List.of(Shapes.labeled(4), Shapes.labeled(2)));

    assertThat(result.value()).isEqualTo(List.of(8, -3));
    assertHitsMatch(result, "Shapes.labeled", "shapes-labeled.hits.txt");
  }

  // ---------------------------------------------------------------- try / catch / finally

  /**
   * k = 0 runs through, k = 1 throws and is caught, k = 2 fails inside a call and is caught by the
   * multi-catch, k = 3 throws past the catch: the scenario catches it. The throwing lines have
   * their hit, the finally block ran 4 times, the lines after the throws ran only for the others.
   */
  @Test
  void tryMultiCatchFinallyWithCaughtAndPropagatingThrows() throws IOException {
    ProfileResult result =
        profile(
            () -> {
              List<Object> out = new ArrayList<>();
              for (int k = 0; k <= 3; k++) {
                try {
                  out.add(Shapes.tryCatch(k));
                } catch (UnsupportedOperationException e) {
                  out.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
              }
              return out;
            });

    assertThat(result.failure()).isNull();
    assertThat(result.value())
        .isEqualTo(List.of(103, 111, 111, "UnsupportedOperationException: propagates"));
    assertHitsMatch(result, "Shapes.tryCatch", "shapes-tryCatch.hits.txt");
  }

  /** Port of case_exception.py: catcher calls raiser with 0, 1, 0, 2; raiser throws for 1 and 2. */
  @Test
  void exceptionsPortedFromPython() throws IOException {
    ProfileResult result = profile(() -> Shapes.catcher());

    assertThat(result.value()).isEqualTo(44);
    FunctionProfile raiser = function(result, "Shapes.raiser");
    FunctionProfile catcher = function(result, "Shapes.catcher");
    assertThat(hitsView(raiser)).isEqualTo(golden("shapes-raiser.hits.txt"));
    assertThat(hitsView(catcher)).isEqualTo(golden("shapes-catcher.hits.txt"));
    // The throw line is hit when it throws; the lines after it are not.
    assertMatchesLineProfiler(
        raiser,
        "case_exception",
        "raiser",
        same(3, "public static int raiser(int n) {"),
        same(4, "int a = 1;"),
        same(5, "Thread.onSpinWait();"),
        same(6, "if (n > 0) {"),
        same(7, "throw new IllegalArgumentException(String.valueOf(n));"),
        same(8, "int b = 2;"),
        same(9, "return a + b;"));
    // Java's "try {" is hit like Python's "try:", the catch line like "except ValueError:" (once
    // per exception caught); neither "finally" line is hit.
    assertMatchesLineProfiler(
        catcher,
        "case_exception",
        "catcher",
        same(11, "public static int catcher() {"),
        same(12, "int out = 0;"),
        same(13, "for (int n : new int[] {0, 1, 0, 2}) {"),
        same(14, "try {"),
        same(15, "out += raiser(n);"),
        same(16, "} catch (IllegalArgumentException e) {"),
        same(17, "out -= 1;"),
        same(18, "} finally {"),
        same(19, "out += 10;"),
        same(20, "return out;"));
  }

  // ---------------------------------------------------------------- return

  /**
   * xs = {3, 1, 4, 1, 5}: target 4 and 1 return from the for loop (at i = 2 and 1), 9 reaches the
   * try's return -1, -4 returns from the enhanced for inside the try; the finally ran twice.
   */
  @Test
  void returnInsideLoopsAndTryFinally() throws IOException {
    ProfileResult result =
        profile(
            () -> {
              int finallyBefore = Shapes.finallyRuns();
              int[] xs = {3, 1, 4, 1, 5};
              List<Integer> out = new ArrayList<>();
              for (int target : new int[] {4, 1, 9, -4}) {
                out.add(Shapes.returns(xs, target));
              }
              out.add(Shapes.finallyRuns() - finallyBefore);
              return out;
            });

    assertThat(result.value()).isEqualTo(List.of(2, 1, -1, -4, 2));
    assertHitsMatch(result, "Shapes.returns", "shapes-returns.hits.txt");
  }

  // ---------------------------------------------------------------- synchronized, assert

  @Test
  void synchronizedBlocks() throws IOException {
    ProfileResult result = profile(() -> Shapes.locked(3));

    assertThat(result.value()).isEqualTo(7);
    assertHitsMatch(result, "Shapes.locked", "shapes-locked.hits.txt");
  }

  /**
   * Assertions ENABLED (as with -ea) for the original Shapes, so for the swapped one too (the swap
   * gives each class its original's status): asserts(-1) fails its second assert: that line has its
   * hit, "return y;" has none for it.
   */
  @Test
  void assertStatementsWithAssertionsEnabled() throws IOException {
    ProfileResult result =
        withOriginalAssertions(true, () -> profile(ShapesEndToEndTest::callAsserts));

    assertThat(result.value()).isEqualTo(List.of(true, 2, 4, "AssertionError: negative: -1"));
    assertHitsMatch(result, "Shapes.asserts", "shapes-asserts.hits.txt");
  }

  /**
   * Assertions DISABLED (no -ea, Java's default): an assert's line is hit all the same (its
   * condition is not evaluated), asserts(-1) returns -2 and "return y;" is hit 3 times.
   */
  @Test
  void assertStatementsWithAssertionsDisabled() throws IOException {
    ProfileResult result =
        withOriginalAssertions(false, () -> profile(ShapesEndToEndTest::callAsserts));

    assertThat(result.value()).isEqualTo(List.of(false, 2, 4, -2));
    assertHitsMatch(result, "Shapes.asserts", "shapes-asserts-disabled.hits.txt");
  }

  /**
   * Whatever enables assertions for the original classes must enable them for the swapped ones, or
   * the profiled code behaves differently from the original. Surefire (enableAssertions, true by
   * default) enables them with ClassLoader.setDefaultAssertionStatus on its own class loader, not
   * with -ea on the command line.
   */
  @Test
  void swappedClassesKeepTheOriginalsAssertionStatus() {
    boolean original = Shapes.assertionsEnabled();

    assertThat(profile(() -> Shapes.assertionsEnabled()).value()).isEqualTo(original);
  }

  /** Runs {@code run} with the original Shapes' assertions set as given, then restores them. */
  private static <T> T withOriginalAssertions(boolean enabled, java.util.function.Supplier<T> run) {
    ClassLoader loader = Shapes.class.getClassLoader();
    boolean before = Shapes.class.desiredAssertionStatus();
    loader.setClassAssertionStatus(Shapes.class.getName(), enabled);
    try {
      return run.get();
    } finally {
      loader.setClassAssertionStatus(Shapes.class.getName(), before);
    }
  }

  private static List<Object> callAsserts() {
    List<Object> out = new ArrayList<>();
    out.add(Shapes.assertionsEnabled());
    for (int x : new int[] {1, 2, -1}) {
      try {
        out.add(Shapes.asserts(x));
      } catch (AssertionError e) {
        out.add("AssertionError: " + e.getMessage());
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- lines and statements

  /**
   * n = 3 and n = 0. Statements after the first on a line share its hit; a loop whose body is on
   * its header's line is hit per condition evaluation only (n+1). A loop after a statement on the
   * same line adds its condition evaluations to that statement's hit: 1 + 4 per run.
   */
  @Test
  void severalStatementsOnOneLine() throws IOException {
    ProfileResult result = profile(() -> List.of(Shapes.oneLine(3), Shapes.oneLine(0)));

    assertThat(result.value()).isEqualTo(List.of(2, 4));
    assertHitsMatch(result, "Shapes.oneLine", "shapes-oneLine.hits.txt");
  }

  /** Port of case_multiline.py, called twice as its driver does. */
  @Test
  void statementsOverSeveralLinesPortedFromPython() throws IOException {
    ProfileResult result =
        profile(
            () -> {
              Object[] first = Shapes.multiline();
              Object[] second = Shapes.multiline();
              return Arrays.deepToString(first) + " " + Arrays.deepToString(second);
            });

    String once = "[6, " + Map.of("a", 1, "b", "nap 2") + ", 3, abcdef, [0, 2, 4]]";
    assertThat(result.value()).isEqualTo(once + " " + once);
    FunctionProfile multiline = function(result, "Shapes.multiline");
    assertThat(hitsView(multiline)).isEqualTo(golden("shapes-multiline.hits.txt"));
    // By design, lineprof counts a statement over several lines once per run, on its first line.
    // line_profiler 4.1 also counts the lines of a call's arguments, of a dict display and of a
    // comprehension, and counts a call's first line again when the call returns to it.
    String onFirstLine = "a statement over several lines counts once per run, on its first line";
    String notCounted = "a continuation line of a statement: not counted";
    assertMatchesLineProfiler(
        multiline,
        "case_multiline",
        "multiline",
        same(6, "public static Object[] multiline() {"),
        differs(7, "int x = f(1,", 2, onFirstLine + " (line_profiler: 4, the call's line again)"),
        differs(8, "2,", 0, notCounted),
        differs(9, "3);", 0, notCounted),
        same(10, "Map<String, Object> d = Map.of("),
        differs(11, "\"a\", 1,", 0, notCounted),
        differs(12, "\"b\", nap(2)", 0, notCounted),
        same(13, ");"),
        same(14, "int s = 1 +"),
        same(15, "2;"),
        same(16, "String t = (\"abc\""),
        same(17, "+ \"def\");"),
        differs(
            18,
            "int[] y = IntStream.range(0, 3)",
            2,
            onFirstLine + " (line_profiler: 4, the comprehension)"),
        differs(
            19,
            ".map(i -> i * 2).toArray();",
            0,
            notCounted + " (an expression lambda is its line's)"),
        same(20, "return new Object[] {x, d, s, t, y};"));
  }

  /** Chained calls, a text block, an array initializer, a for header and a condition over lines. */
  @Test
  void javaStatementsOverSeveralLinesAndTextBlocks() throws IOException {
    ProfileResult result =
        profile(
            () ->
                List.of(
                    Shapes.multilineJava(List.of("a", "bc")), Shapes.multilineJava(List.of("x"))));

    assertThat(result.value()).isEqualTo(List.of("<p>\n  A,BC\n</p>\n-20", "<p>\n  X\n</p>\n14"));
    assertHitsMatch(result, "Shapes.multilineJava", "shapes-multilineJava.hits.txt");
  }

  // ---------------------------------------------------------------- loops

  /**
   * Empty bodies: while (...); is hit per evaluation (6), an empty for too (4), an empty enhanced
   * for per iteration plus entry (4), a one-line do {} while (...) once for the statement plus once
   * per evaluation (1 + 3). for (;;) has no condition: hit at each iteration start, no extra check.
   */
  @Test
  void emptyLoopBodiesAndForWithoutCondition() throws IOException {
    ProfileResult result = profile(() -> Shapes.emptyLoops(new int[] {7, 8, 9}));

    assertThat(result.value()).isEqualTo(16);
    assertHitsMatch(result, "Shapes.emptyLoops", "shapes-emptyLoops.hits.txt");
  }

  /**
   * Port of case_forloop.py; Python's for ... else (never broken, so always run) is a plain
   * statement.
   */
  @Test
  void loopsPortedFromPython() throws IOException {
    ProfileResult result = profile(() -> Shapes.forloop());

    assertThat(result.value()).isEqualTo(12);
    FunctionProfile loops = function(result, "Shapes.forloop");
    assertThat(hitsView(loops)).isEqualTo(golden("shapes-forloop.hits.txt"));
    // Java's closing braces are extra lines, except the one that stands for Python's "else:".
    assertMatchesLineProfiler(
        loops,
        "case_forloop",
        "loops",
        same(3, "public static int forloop() {"),
        same(4, "int total = 0;"),
        same(5, "for (int i = 0; i < 5; i++) {"),
        same(6, "total += i;"),
        same(7, "Thread.onSpinWait();"),
        same(8, "int j = 0;"),
        same(9, "while (j < 3) {"),
        same(10, "j += 1;"),
        same(11, "for (int k = 0; k < 10; k++) {"),
        same(12, "if (k == 2) {"),
        same(13, "break;"),
        same(14, "for (int m = 0; m < 2; m++) {"),
        same(15, "for (int n = 0; n < 3; n++) {"),
        same(16, "total += m * n;"),
        same(17, "for (int e : new int[0]) {"),
        same(18, "total += 1;"),
        same(19, "}"),
        same(20, "total -= 1;"),
        same(21, "return total;"));
  }

  /** Port of case_recursion.py: fact(4); each invocation counts its own lines. */
  @Test
  void recursionPortedFromPython() throws IOException {
    ProfileResult result = profile(() -> Shapes.fact(4));

    assertThat(result.value()).isEqualTo(24L);
    FunctionProfile fact = function(result, "Shapes.fact");
    assertThat(hitsView(fact)).isEqualTo(golden("shapes-fact.hits.txt"));
    assertMatchesLineProfiler(
        fact,
        "case_recursion",
        "fact",
        same(3, "public static long fact(int n) {"),
        same(4, "Thread.onSpinWait();"),
        same(5, "if (n <= 1) {"),
        same(6, "return 1;"),
        same(7, "long r = n * fact(n - 1);"),
        same(8, "return r;"));
  }

  // ---------------------------------------------------------------- the reference copies

  /**
   * The copies in reference/line_profiler are line_profiler's own files: {@code SHA256SUMS} beside
   * them holds the digests of the files line_profiler's runs wrote, so an edited copy fails here.
   */
  @Test
  void referenceCopiesAreUnchanged() throws Exception {
    String[] sums = resource("/reference/line_profiler/SHA256SUMS").split("\n");
    assertThat(sums).hasLength(10);
    for (String sum : sums) {
      String[] parts = sum.split("  ", 2);
      byte[] bytes =
          resource("/reference/line_profiler/" + parts[1]).getBytes(StandardCharsets.UTF_8);
      assertWithMessage(parts[1])
          .that(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
          .isEqualTo(parts[0]);
    }
  }

  // ---------------------------------------------------------------- helpers

  /** A Python line and the Java line that ports it, with the Java Hits expected. */
  private record Mapped(int pythonLine, String javaText, Integer javaHits, String why) {}

  /** The Java line has line_profiler's Hits. */
  private static Mapped same(int pythonLine, String javaText) {
    return new Mapped(pythonLine, javaText, null, null);
  }

  /** The Java line has {@code javaHits} where line_profiler differs by design, for {@code why}. */
  private static Mapped differs(int pythonLine, String javaText, int javaHits, String why) {
    return new Mapped(pythonLine, javaText, javaHits, why);
  }

  /**
   * Every line of line_profiler's table of {@code function} in {@code case_.merged41.txt} must be
   * mapped, in order; each Java line is the next one, after the previous mapped line, whose text
   * (trimmed) is the given text.
   */
  private static void assertMatchesLineProfiler(
      FunctionProfile java, String pythonCase, String function, Mapped... mapping)
      throws IOException {
    Map<Integer, Long> python = lineProfilerHits(pythonCase, function);
    assertWithMessage("Python lines mapped for %s", function)
        .that(Arrays.stream(mapping).map(Mapped::pythonLine).collect(Collectors.toList()))
        .containsExactlyElementsIn(python.keySet())
        .inOrder();
    List<String> lines =
        java.lines().stream().map(ProfiledLine::source).collect(Collectors.toList());
    int next = 0;
    for (Mapped m : mapping) {
      int index = next;
      while (index < lines.size() && !lines.get(index).trim().equals(m.javaText())) {
        index++;
      }
      assertWithMessage("Java line for Python line %s: %s", m.pythonLine(), m.javaText())
          .that(index)
          .isLessThan(lines.size());
      next = index + 1;
      int javaLine = java.firstLine() + index;
      long expected = m.javaHits() == null ? python.get(m.pythonLine()) : m.javaHits();
      assertWithMessage(
              "%s line %s (Python line %s, %s hits in line_profiler)%s",
              java.name(),
              javaLine,
              m.pythonLine(),
              python.get(m.pythonLine()),
              m.why() == null ? "" : ": " + m.why())
          .that(java.line(javaLine).hits())
          .isEqualTo(expected);
      if (m.javaHits() != null) {
        assertWithMessage("a documented difference must differ: Python line %s", m.pythonLine())
            .that(m.javaHits().longValue())
            .isNotEqualTo(python.get(m.pythonLine()));
      }
    }
  }

  /** Line number to Hits (0 if empty) of one function's table in a line_profiler text report. */
  private static Map<Integer, Long> lineProfilerHits(String pythonCase, String function)
      throws IOException {
    String[] lines =
        resource("/reference/line_profiler/" + pythonCase + ".merged41.txt").split("\n", -1);
    Map<Integer, Long> hits = new TreeMap<>();
    boolean inFunction = false;
    boolean inTable = false;
    for (String line : lines) {
      if (line.startsWith("Function: ")) {
        inFunction = line.startsWith("Function: " + function + " at line ");
        inTable = false;
      } else if (inFunction && line.startsWith("=====")) {
        inTable = true;
      } else if (inTable && line.isEmpty()) {
        inTable = false;
      } else if (inTable) {
        // line_profiler's template: '%6s %9s %12s %8s %8s  %-s'
        String count = line.substring(7, 16).trim();
        hits.put(
            Integer.parseInt(line.substring(0, 6).trim()),
            count.isEmpty() ? 0L : Long.parseLong(count));
      }
    }
    assertWithMessage("%s in %s", function, pythonCase).that(hits).isNotEmpty();
    return hits;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ShapesEndToEndTest.class.getResourceAsStream(name)) {
      assertWithMessage("resource %s", name).that(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
