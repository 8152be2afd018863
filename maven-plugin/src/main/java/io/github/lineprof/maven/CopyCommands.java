package io.github.lineprof.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The javac command lines of the instrument goal's three compiles, from the module's compiler
 * settings: lineprof's processor writing the copies and line tables, the line tables' compile, and
 * the copies' compile with the module's own processors.
 */
record CopyCommands(CompilerSettings settings, String classpath) {
  static final String PROCESSOR = "io.github.lineprof.processor.LineProfileProcessor";

  private static final String INCLUDE = "-Alineprof.include=";
  private static final String EXCLUDE = "-Alineprof.exclude=";

  /**
   * The classes to profile whole: the goal's {@code <includes>} and any {@code -Alineprof.include=}
   * of the module's compiler arguments (the processor takes one option).
   */
  List<String> includes(List<String> configured) {
    List<String> include = new ArrayList<>(configured);
    for (String arg : settings.compilerArgs()) {
      if (arg.startsWith(INCLUDE)) {
        include.add(arg.substring(INCLUDE.length()));
      }
    }
    return include;
  }

  /**
   * lineprof's processor alone ({@code -proc:only}) over the module's sources, with the module's
   * other {@code -A} options: the copies go to {@code out}, the line tables' sources to {@code
   * tables}.
   *
   * @param includes as {@link #includes} made them
   */
  List<String> processorPass(
      String lineprofPath, Path out, Path tables, List<String> includes, List<String> excludes) {
    List<String> args = new ArrayList<>(settings.levelOptions());
    args.addAll(
        List.of(
            "-proc:only",
            "-processor",
            PROCESSOR,
            "-processorpath",
            lineprofPath,
            "-classpath",
            classpath,
            "-d",
            out.toString(),
            "-s",
            tables.toString()));
    settings.compilerArgs().stream()
        .filter(a -> a.startsWith("-A") && !a.startsWith(INCLUDE))
        .forEach(args::add);
    if (!includes.isEmpty()) {
      args.add(INCLUDE + String.join(",", includes));
    }
    if (!excludes.isEmpty()) {
      args.add(EXCLUDE + String.join(",", excludes));
    }
    return args;
  }

  /** The line tables alone, no processor, nothing else compiled implicitly. */
  List<String> lineTables(Path tables, Path out) {
    List<String> args = new ArrayList<>(settings.levelOptions());
    args.addAll(
        List.of(
            "-proc:none",
            "-implicit:none",
            "-sourcepath",
            tables.toString(),
            "-classpath",
            classpath,
            "-d",
            out.toString()));
    return args;
  }

  /**
   * The copies, as the module's compile would: its debug information, {@code -parameters},
   * processors and compiler arguments (lineprof's own {@code -A} options left out).
   *
   * @param processorPath the module's annotation processor path, resolved; empty for none
   */
  List<String> copies(List<String> processorPath, Path copies, Path out, Path generated) {
    List<String> args = new ArrayList<>(settings.levelOptions());
    if (settings.debug() != null) {
      args.add(settings.debug().isEmpty() ? "-g" : "-g:" + settings.debug());
    }
    if (settings.parameters()) {
      args.add("-parameters");
    }
    if (settings.proc() != null) {
      args.add("-proc:" + settings.proc());
    }
    if (!settings.processors().isEmpty()) {
      args.add("-processor");
      args.add(String.join(",", settings.processors()));
    }
    if (!processorPath.isEmpty()) {
      args.add("-processorpath");
      args.add(Javac.path(processorPath));
    }
    args.addAll(
        List.of(
            "-sourcepath",
            copies.toString(),
            "-classpath",
            classpath,
            "-d",
            out.toString(),
            "-s",
            generated.toString()));
    settings.compilerArgs().stream().filter(a -> !a.startsWith("-Alineprof.")).forEach(args::add);
    return args;
  }
}
