package io.github.lineprof.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.github.lineprof.internal.swap.Layout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Test helpers around one run of {@link LineProfileProcessor}: reads the instrumented copies it
 * wrote, compiles them again the way lineprof's second compile does (no processor, next to the
 * generated line tables), checks that a copy is its original plus probe text only, and writes class
 * files out so that they can be loaded.
 */
final class Instrumented {
  private Instrumented() {}

  /** A test source file: its qualified top-level class name gives its path. */
  record Source(String className, String text) {
    JavaFileObject file() {
      return JavaFileObjects.forSourceString(className, text);
    }

    /** The path the report and the copy use, e.g. {@code demo/Loops.java}. */
    String path() {
      return className.replace('.', '/') + ".java";
    }

    String packageName() {
      int dot = className.lastIndexOf('.');
      return dot < 0 ? "" : className.substring(0, dot);
    }

    String simpleName() {
      return className.substring(className.lastIndexOf('.') + 1);
    }

    /** The 1-based number of the only line that contains {@code fragment}. */
    int lineOf(String fragment) {
      String[] lines = text.split("\r\n|\r|\n", -1);
      int found = -1;
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].contains(fragment)) {
          if (found >= 0) {
            throw new IllegalArgumentException(
                "'" + fragment + "' is on several lines of " + className);
          }
          found = i + 1;
        }
      }
      if (found < 0) {
        throw new IllegalArgumentException("'" + fragment + "' is not in " + className);
      }
      return found;
    }

    @Override
    public String toString() {
      return path();
    }
  }

  // ---------------------------------------------------------------- compiling

  static Compilation compile(List<String> options, Source... sources) {
    return javac()
        .withProcessors(new LineProfileProcessor())
        .withOptions(options)
        .compile(files(sources));
  }

  static Compilation compile(Source... sources) {
    return compile(List.of(), sources);
  }

  /** For diagnostics checks, which need the very file objects that were compiled. */
  static Compilation compile(JavaFileObject... files) {
    return javac().withProcessors(new LineProfileProcessor()).compile(files);
  }

  /**
   * Compiles the copies of {@code sources}, as written by {@code processed}, with every source file
   * the processor generated (the line tables), with no annotation processing: lineprof's second
   * compile.
   */
  static Compilation compileCopies(Compilation processed, List<String> options, Source... sources) {
    List<JavaFileObject> files = new ArrayList<>();
    for (Source source : sources) {
      files.add(JavaFileObjects.forSourceString(source.className(), copyOf(processed, source)));
    }
    for (JavaFileObject generated : processed.generatedSourceFiles()) {
      // Only the generated sources: the copies in the class output are .java files too.
      String path = generated.toUri().getPath();
      if (!path.startsWith("/SOURCE_OUTPUT/")) {
        continue;
      }
      String name = path.substring("/SOURCE_OUTPUT/".length(), path.length() - ".java".length());
      files.add(JavaFileObjects.forSourceString(name.replace('/', '.'), text(generated)));
    }
    List<String> allOptions = new ArrayList<>(options);
    allOptions.add("-proc:none");
    return javac().withOptions(allOptions).compile(files);
  }

  /**
   * Compiles with the processor into real directories under {@code dir} ({@code classes} and {@code
   * generated}): unlike compile-testing, this shows what was written when the compilation failed.
   *
   * @return whether javac succeeded
   */
  static boolean compileToDisk(Path dir, Source... sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, UTF_8)) {
      files.setLocationFromPaths(
          StandardLocation.CLASS_OUTPUT, List.of(Files.createDirectories(dir.resolve("classes"))));
      files.setLocationFromPaths(
          StandardLocation.SOURCE_OUTPUT,
          List.of(Files.createDirectories(dir.resolve("generated"))));
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, List.of(), null, files(sources));
      task.setProcessors(List.of(new LineProfileProcessor()));
      return task.call();
    }
  }

  /** Every file under {@code dir}, relative to it, as '/'-separated paths. */
  static List<String> filesUnder(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  static List<JavaFileObject> files(Source... sources) {
    List<JavaFileObject> files = new ArrayList<>();
    for (Source source : sources) {
      files.add(source.file());
    }
    return files;
  }

  // ---------------------------------------------------------------- reading results

  /** The copy of {@code source}, if the processor wrote one. */
  static Optional<JavaFileObject> copyFile(Compilation compilation, Source source) {
    return compilation.generatedFile(
        StandardLocation.CLASS_OUTPUT, "", Layout.COPY_SOURCES + source.path());
  }

  /** The text of the copy of {@code source}, which must exist. */
  static String copyOf(Compilation compilation, Source source) {
    Optional<JavaFileObject> copy = copyFile(compilation, source);
    assertWithMessage(
            "the copy %s%s was not written; diagnostics: %s",
            Layout.COPY_SOURCES, source.path(), compilation.diagnostics())
        .that(copy.isPresent())
        .isTrue();
    return text(copy.get());
  }

  /** The generated line table source of {@code source}, which must exist. */
  static String lineTableOf(Compilation compilation, Source source) {
    String name =
        (source.packageName().isEmpty() ? "" : source.packageName() + ".")
            + "LineProf_"
            + source.simpleName();
    Optional<JavaFileObject> table = compilation.generatedSourceFile(name);
    assertWithMessage("no line table %s was generated", name).that(table.isPresent()).isTrue();
    return text(table.get());
  }

  static String text(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes every class file of {@code compilation} under {@code dir}, as a class path root. */
  static Path writeClasses(Compilation compilation, Path dir) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = file.toUri().getPath();
      String relative = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length());
      Path target = dir.resolve(relative);
      Files.createDirectories(target.getParent());
      try (var in = file.openInputStream()) {
        Files.write(target, in.readAllBytes());
      }
    }
    return dir;
  }

  // ---------------------------------------------------------------- what a copy may add

  private static final String PROBE = "LineProf_\\w+(?:\\.T\\d+)?\\.F\\d+";

  /**
   * {@code $lp$t = LineProf_A.F0.line($lp$c, $lp$l, $lp$l = 3, $lp$t)}: a line event; in a nested
   * frame (a lambda, a method of a local class) the locals end in the frame's depth, and the probe
   * is {@code lineNested}: {@code $lp$t1 = LineProf_A.F0.lineNested($lp$c1, ...)}.
   */
  static final String EVENT =
      "\\$lp\\$t\\d* = ("
          + PROBE
          + ")\\.line(?:Nested)?\\(\\$lp\\$c\\d*, \\$lp\\$l\\d*, "
          + "\\$lp\\$l\\d* = (\\d+), \\$lp\\$t\\d*\\)";

  /** Opens a profiled method's body: its locals and the try whose finally charges the last line. */
  static final String PROLOGUE =
      " final long\\[\\] \\$lp\\$c = ("
          + PROBE
          + ")\\.counters\\(\\);"
          + " int \\$lp\\$l = \\1_ENTRY; long \\$lp\\$t = \\1\\.enter\\(\\$lp\\$c\\); try \\{";

  static final String EPILOGUE =
      "\\} finally \\{ (" + PROBE + ")\\.exit\\(\\$lp\\$l, \\$lp\\$t\\); \\} ";

  /**
   * Opens a nested frame: a block lambda's body, a method's of a class inside a profiled method.
   */
  static final String NESTED_PROLOGUE =
      " final long\\[\\] \\$lp\\$c(\\d+) = ("
          + PROBE
          + ")\\.counters\\(\\);"
          + " int \\$lp\\$l\\1 = \\2_ENTRY; long \\$lp\\$t\\1 = \\2\\.enterNested\\(\\$lp\\$c\\1\\); try \\{";

  static final String NESTED_EPILOGUE =
      "\\} finally \\{ (" + PROBE + ")\\.exitNested\\(\\$lp\\$l(\\d+), \\$lp\\$t\\2\\); \\} ";

  /**
   * Every piece of text the processor may insert: the prologue and epilogue of a frame, a line
   * event as a statement (with or without an opening brace, or before the {@code yield} of a switch
   * expression's arrow case), a line event wrapped around a condition or a resource's initializer,
   * and the closing brace or condition end that goes with them.
   */
  private static final List<Pattern> FRAGMENTS =
      List.of(
          Pattern.compile(PROLOGUE),
          Pattern.compile(EPILOGUE),
          Pattern.compile(NESTED_PROLOGUE),
          Pattern.compile(NESTED_EPILOGUE),
          Pattern.compile("\\{ " + EVENT + "; yield "),
          Pattern.compile("\\{ " + EVENT + "; "),
          Pattern.compile(EVENT + "; "),
          Pattern.compile(" " + EVENT + ";"),
          Pattern.compile("switch \\(\\(int\\) \\(" + EVENT + "\\)\\) \\{ default -> "),
          Pattern.compile("; \\}"),
          Pattern.compile(" \\}"));

  /** The comment lines a copy ends with, after the original's last line. */
  static final Pattern EXPLANATION =
      Pattern.compile("(\\R// lineprof: an instrumented copy;(?:.*\\R)*)\\z");

  /** The copy without the comment lines after the original's last line. */
  static String withoutExplanation(String copy) {
    Matcher m = EXPLANATION.matcher(copy);
    assertWithMessage("the explanation at the end of\n%s", copy).that(m.find()).isTrue();
    String before = copy.substring(0, m.start());
    // The first line break is the original's own, unless the original ended without one.
    return m.group(1).startsWith("\r\n") ? before + "\r\n" : before + m.group(1).charAt(0);
  }

  /**
   * Asserts that the copy has the original's lines, with the same line terminators, and that each
   * line of the copy is the original line with only probe fragments inserted into it; the comment
   * lines after the original's last line say what a probe does.
   */
  static void assertOriginalPlusProbes(String original, String copy) {
    copy = withoutExplanation(copy);
    if (!original.endsWith("\n") && !original.endsWith("\r")) {
      copy = copy.substring(0, copy.length() - (copy.endsWith("\r\n") ? 2 : 1));
    }
    List<String> originalLines = List.of(original.split("\r\n|\r|\n", -1));
    List<String> copyLines = List.of(copy.split("\r\n|\r|\n", -1));
    assertWithMessage("number of lines of the copy\n%s", copy)
        .that(copyLines.size())
        .isEqualTo(originalLines.size());
    assertWithMessage("line terminators of the copy")
        .that(terminators(copy))
        .isEqualTo(terminators(original));
    for (int i = 0; i < originalLines.size(); i++) {
      String o = originalLines.get(i);
      String c = copyLines.get(i);
      assertWithMessage(
              "line %s of the copy is not the original line plus probes:\n  copy:     %s\n"
                  + "  original: %s",
              i + 1, c, o)
          .that(isOriginalPlusFragments(c, o))
          .isTrue();
    }
  }

  private static List<String> terminators(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("\r\n|\r|\n").matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  /**
   * Whether {@code copy} can be cut into the characters of {@code original}, in order, and whole
   * probe fragments: a dynamic program over (position in copy, position in original).
   */
  static boolean isOriginalPlusFragments(String copy, String original) {
    int n = copy.length();
    int m = original.length();
    List<List<Integer>> fragmentEnds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Integer> ends = new ArrayList<>();
      for (Pattern p : FRAGMENTS) {
        Matcher matcher = p.matcher(copy).region(i, n);
        if (matcher.lookingAt()) {
          ends.add(matcher.end());
        }
      }
      fragmentEnds.add(ends);
    }
    boolean[][] reached = new boolean[n + 1][m + 1];
    reached[0][0] = true;
    for (int i = 0; i <= n; i++) {
      for (int j = 0; j <= m; j++) {
        if (!reached[i][j] || i == n) {
          continue;
        }
        if (j < m && copy.charAt(i) == original.charAt(j)) {
          reached[i + 1][j + 1] = true;
        }
        for (int end : fragmentEnds.get(i)) {
          reached[end][j] = true;
        }
      }
    }
    return reached[n][m];
  }

  /**
   * A line event found in a copy: on which line of the copy it sits, which probe, which line it
   * counts.
   */
  record Event(int copyLine, String probe, int line) {}

  static List<Event> events(String copy) {
    List<Event> events = new ArrayList<>();
    String[] lines = withoutExplanation(copy).split("\r\n|\r|\n", -1);
    Pattern event = Pattern.compile(EVENT);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = event.matcher(lines[i]);
      while (m.find()) {
        events.add(new Event(i + 1, m.group(1), Integer.parseInt(m.group(2))));
      }
    }
    return events;
  }

  static int count(String regex, String text) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
