package io.github.lineprof.maven;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** Runs the JDK's compiler in Maven's JVM, its diagnostics going to Maven's log. */
final class Javac {
  private final Log log;

  Javac(Log log) {
    this.log = log;
  }

  /**
   * Compiles {@code sources} with {@code options}.
   *
   * @param what what the compile is for, in the error message
   * @param quiet whether warnings and notes go to the debug log: they repeat the module's own
   *     compile's
   */
  void compile(String what, List<String> options, List<Path> sources, boolean quiet)
      throws MojoExecutionException, MojoFailureException {
    if (!run(what, options, sources, (source, binaryName) -> {}, d -> report(d, quiet))) {
      throw new MojoFailureException(
          "lineprof: compiling " + what + " failed; see the errors above.");
    }
  }

  /**
   * Compiles the instrumented copies; a copy javac refuses (a method too large once instrumented,
   * or anything else) is deleted with a warning naming it and the first error, so its classes run
   * uninstrumented and the build goes on: lineprof never breaks a build the module's own compile
   * passed.
   *
   * @return the copies that compiled
   */
  List<Path> compileCopies(List<String> options, List<Path> sources, Path output)
      throws MojoExecutionException {
    List<Path> remaining = new ArrayList<>(sources);
    Set<String> copyClasses = new HashSet<>();
    while (!remaining.isEmpty()) {
      Map<Path, String> refused = new LinkedHashMap<>();
      copyClasses.clear();
      Set<Path> copies = Set.copyOf(remaining);
      boolean ok =
          run(
              "the instrumented copies",
              options,
              remaining,
              (source, binaryName) -> {
                if (copies.contains(source)) {
                  copyClasses.add(binaryName);
                }
              },
              d -> {
                if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
                  refused.putIfAbsent(
                      Path.of(d.getSource().toUri()),
                      "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
                } else {
                  report(d, true);
                }
              });
      if (ok) {
        break;
      }
      if (refused.isEmpty()) {
        throw new MojoExecutionException(
            "lineprof: javac failed on the instrumented copies without naming a file");
      }
      refused.forEach(
          (copy, error) -> {
            log.warn(
                "lineprof: the instrumented copy of "
                    + copy.getFileName()
                    + " does not compile ("
                    + error
                    + "); its classes run uninstrumented");
            remaining.remove(copy);
            delete(copy); // else -sourcepath would compile it again for the copies that use its
            // classes
          });
      BuildFiles.deleteTree(output);
      mkdir(output);
    }
    deleteOtherClasses(output, copyClasses);
    return remaining;
  }

  /**
   * Deletes from {@code output} the classes javac did not write from a copy: those of sources the
   * module's other annotation processors generated. They were generated anew for the copies and
   * need not match the ones the module was built with (a time stamp, a counter), so only the
   * originals of them may run.
   */
  private static void deleteOtherClasses(Path output, Set<String> copyClasses)
      throws MojoExecutionException {
    try (Stream<Path> walk = Files.walk(output)) {
      for (Path file :
          walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList())) {
        String relative = output.relativize(file).toString();
        String binaryName =
            relative
                .substring(0, relative.length() - ".class".length())
                .replace(File.separatorChar, '.');
        if (!copyClasses.contains(binaryName)) {
          Files.delete(file);
        }
      }
    } catch (IOException e) {
      throw new MojoExecutionException("lineprof: cannot clean " + output + ": " + e, e);
    }
  }

  private boolean run(
      String what,
      List<String> options,
      List<Path> sources,
      BiConsumer<Path, String> generated,
      DiagnosticListener<JavaFileObject> listener)
      throws MojoExecutionException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new MojoExecutionException(
          "lineprof: Maven runs on a JRE without javac ("
              + System.getProperty("java.home")
              + "); run it with a JDK.");
    }
    log.debug("lineprof: javac " + String.join(" ", options) + " (" + sources.size() + " files)");
    StringWriter out = new StringWriter();
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
      Iterable<? extends JavaFileObject> units =
          files.getJavaFileObjectsFromFiles(
              sources.stream().map(Path::toFile).collect(Collectors.toList()));
      JavacTask task = (JavacTask) javac.getTask(out, files, listener, options, null, units);
      task.addTaskListener(
          new TaskListener() {
            @Override
            public void finished(TaskEvent e) {
              if (e.getKind() == TaskEvent.Kind.GENERATE && e.getSourceFile() != null) {
                generated.accept(
                    Path.of(e.getSourceFile().toUri()),
                    task.getElements().getBinaryName(e.getTypeElement()).toString());
              }
            }
          });
      ok = task.call();
    } catch (IOException | RuntimeException e) {
      throw new MojoExecutionException("lineprof: javac failed for " + what + ": " + e, e);
    }
    if (!out.toString().isBlank()) {
      log.info(out.toString().strip());
    }
    return ok;
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("lineprof: cannot delete " + file, e);
    }
  }

  private static void mkdir(Path dir) throws MojoExecutionException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new MojoExecutionException("lineprof: cannot create " + dir + ": " + e, e);
    }
  }

  private void report(Diagnostic<? extends JavaFileObject> d, boolean quiet) {
    String where =
        d.getSource() == null
            ? ""
            : d.getSource().getName()
                + (d.getLineNumber() > 0
                    ? ":[" + d.getLineNumber() + "," + d.getColumnNumber() + "] "
                    : " ");
    String message = where + d.getMessage(Locale.ROOT);
    switch (d.getKind()) {
      case ERROR -> log.error(message);
      case WARNING, MANDATORY_WARNING -> {
        if (quiet) {
          log.debug(message);
        } else {
          log.warn(message);
        }
      }
      default -> {
        if (quiet) {
          log.debug(message);
        } else {
          log.info(message);
        }
      }
    }
  }

  /** The {@code .java} files under {@code root}, sorted so that builds are reproducible. */
  static List<Path> javaFiles(Path root) throws MojoExecutionException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new MojoExecutionException("lineprof: cannot list " + root + ": " + e, e);
    }
  }

  static String path(List<String> elements) {
    return String.join(File.pathSeparator, elements);
  }
}
