package io.github.lineprof.cli;

import io.github.lineprof.report.JsonReportReader;
import io.github.lineprof.report.ReportFiles;
import io.github.lineprof.report.ReportFormatException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code lineprof} command line: {@code show} prints a JSON report as line_profiler's text,
 * {@code merge} sums reports, {@code diff} compares two, {@code check} fails on a slowdown. Every
 * mistake of the user (an option, a missing or corrupt file, an output it cannot write) is one line
 * on stderr and exit code 2, with no output file changed.
 */
@Command(
    name = "lineprof",
    description = "Reads lineprof's JSON reports.",
    versionProvider = LineProfCli.Version.class,
    subcommands = {ShowCommand.class, MergeCommand.class, DiffCommand.class, CheckCommand.class})
public final class LineProfCli implements Runnable {
  static final int BAD_INPUT = 2;

  @Spec private CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      scope = ScopeType.INHERIT,
      description = "Show this help.")
  @SuppressWarnings("UnusedVariable") // picocli reads the option itself
  private boolean help;

  @Option(
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Print the version and exit.")
  @SuppressWarnings("UnusedVariable") // picocli reads the option itself
  private boolean version;

  public static void main(String[] args) {
    int exitCode;
    try {
      // Not System.out: a PrintStream that swallows errors, so a full disk would go unnoticed.
      PrintWriter out =
          new PrintWriter(
              new OutputStreamWriter(
                  new FileOutputStream(FileDescriptor.out), Charset.defaultCharset()));
      exitCode = commandLine().setOut(out).execute(args);
    } catch (OutOfMemoryError e) {
      // Reading refuses a file longer than the heap can hold (JsonReportReader); this is for the
      // rest, e.g. a report of millions of one-character lines. Unwound, the command's data is
      // garbage, so one line can still be printed.
      System.err.println(
          "lineprof: out of memory (-Xmx"
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + "m); run java with a larger -Xmx");
      exitCode = BAD_INPUT;
    }
    System.exit(exitCode);
  }

  static CommandLine commandLine() {
    return new CommandLine(new LineProfCli()).setParameterExceptionHandler(LineProfCli::badInput);
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing command: show, merge, diff or check (see lineprof --help)");
  }

  /** One line instead of picocli's usage text, which would bury what is wrong. */
  private static int badInput(ParameterException e, String[] args) {
    e.getCommandLine()
        .getErr()
        .println("lineprof: " + e.getMessage().lines().findFirst().orElse(""));
    e.getCommandLine().getErr().flush();
    return BAD_INPUT;
  }

  /** The version of the jar this runs from, as its manifest's Implementation-Version gives it. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = LineProfCli.class.getPackage().getImplementationVersion();
      return new String[] {
        "lineprof " + (version != null ? version : "(version unknown: not run from its jar)")
      };
    }
  }

  static JsonReportReader.Report read(CommandSpec spec, Path file) {
    try {
      return JsonReportReader.read(file);
    } catch (ReportFormatException e) {
      throw new ParameterException(spec.commandLine(), file + ": " + e.getMessage());
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "cannot read " + file + ": " + reason(e));
    }
  }

  /**
   * The command's output, or an error when it could not all be written (a full disk, a closed
   * pipe).
   */
  static void print(CommandSpec spec, String text) {
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    if (out.checkError()) { // flushes
      throw new ParameterException(spec.commandLine(), "cannot write the standard output");
    }
  }

  /**
   * Atomically, so a failed command leaves an existing file as it was; never over one of the
   * command's {@code inputs}, which the user would lose.
   */
  static void write(CommandSpec spec, Path file, String content, Collection<Path> inputs) {
    if (file.toString().isEmpty()) {
      throw new ParameterException(spec.commandLine(), "an empty file name to write to");
    }
    for (Path input : inputs) {
      if (sameFile(file, input)) {
        throw new ParameterException(
            spec.commandLine(),
            "cannot write "
                + file
                + ": it is the input "
                + input
                + ", which it would replace; write to another file");
      }
    }
    try {
      ReportFiles.write(file, content);
    } catch (IOException e) {
      throw cannotWrite(spec, file, e);
    }
  }

  private static boolean sameFile(Path output, Path input) {
    try {
      return Files.exists(output) && Files.isSameFile(output, input);
    } catch (IOException e) {
      return false; // the input was read, so an output that cannot be compared is another file
    }
  }

  static ParameterException cannotWrite(CommandSpec spec, Path file, IOException e) {
    return new ParameterException(spec.commandLine(), "cannot write " + file + ": " + reason(e));
  }

  /** The JDK names these failures by their class and puts only the path in the message. */
  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      return "permission denied";
    } else if (e instanceof FileAlreadyExistsException f) {
      return f.getFile() + " exists and is not a directory";
    } else if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason(); // its message repeats the path
    }
    return String.valueOf(e.getMessage());
  }
}
