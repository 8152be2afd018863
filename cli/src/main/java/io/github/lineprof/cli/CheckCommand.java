package io.github.lineprof.cli;

import io.github.lineprof.report.CheckRule;
import io.github.lineprof.report.JsonReportReader;
import io.github.lineprof.report.PerformanceCheck;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lineprof check BASELINE CANDIDATE}: a performance gate. Exit 0 when no rule is violated, 1
 * with one line per violation, 2 for bad input (see {@link PerformanceCheck}).
 */
@Command(
    name = "check",
    description =
        "Fails (exit 1, one line per violation) when the candidate report is slower than the baseline"
            + " beyond the rules: per line and function, hits exactly, times by a statistical test over"
            + " the runs each report keeps apart. Writes check.md with --markdown.")
final class CheckCommand implements Callable<Integer> {
  static final int VIOLATED = 1;

  /** GitHub Actions' job summary: Markdown appended there shows on the run's page. */
  static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BASELINE", description = "The report to compare with.")
  private Path baseline;

  @Parameters(index = "1", paramLabel = "CANDIDATE", description = "The report under test.")
  private Path candidate;

  @Option(
      names = {"-r", "--rule"},
      paramLabel = "RULE",
      description =
          "A rule, e.g. element=LINE,includes=com.example.**,excludes=com.example.Slow.*,maxSlowdown=10,minEffect=5"
              + " (patterns separated by ':'); repeatable. Default: every LINE and every FUNCTION, at"
              + " most the minimum effect (5 %%) slower.")
  private List<String> rules = new ArrayList<>();

  @Option(
      names = {"-m", "--markdown"},
      paramLabel = "FILE",
      description =
          "Write the verdict as Markdown (check.md, for a pull-request comment); also appended to"
              + " $GITHUB_STEP_SUMMARY when that is set.")
  private Path markdown;

  @Override
  public Integer call() {
    List<CheckRule> parsed = new ArrayList<>();
    for (String rule : rules) {
      try {
        parsed.add(CheckRule.parse(rule));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    if (parsed.isEmpty()) {
      parsed.addAll(CheckRule.defaults());
    }
    JsonReportReader.Report before = LineProfCli.read(spec, baseline);
    JsonReportReader.Report after = LineProfCli.read(spec, candidate);
    PerformanceCheck.Outcome outcome;
    try {
      outcome = PerformanceCheck.check(before, after, parsed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (!outcome.unmatched().isEmpty()) {
      throw new ParameterException(spec.commandLine(), checksNothing(outcome, before, after));
    }
    // the verdict first: a Markdown file that cannot be written must not hide it
    if (outcome.passed()) {
      LineProfCli.print(
          spec,
          "lineprof check: passed ("
              + outcome.findings().size()
              + " change(s) within the rules)\n");
    } else {
      outcome.violations().forEach(v -> spec.commandLine().getErr().println(v.message()));
      spec.commandLine().getErr().flush();
    }
    String md = PerformanceCheck.markdown(outcome, baseline.toString(), candidate.toString());
    if (markdown != null) {
      LineProfCli.write(spec, markdown, md, List.of(baseline, candidate));
    }
    String summary = System.getenv(STEP_SUMMARY);
    if (summary != null && !summary.isEmpty()) {
      Path file = Path.of(summary);
      try {
        Files.writeString(
            file, md, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw LineProfCli.cannotWrite(spec, file, e);
      }
    }
    return outcome.passed() ? 0 : VIOLATED;
  }

  /** A rule that selected no function of both reports: a gate that could not fail. */
  private String checksNothing(
      PerformanceCheck.Outcome outcome,
      JsonReportReader.Report before,
      JsonReportReader.Report after) {
    // functions are matched by file and name, as lineprof diff matches them
    Set<List<String>> inBefore = new HashSet<>();
    before.stats().functions().forEach(f -> inBefore.add(fileAndName(f.info())));
    List<String> shared =
        after.stats().functions().stream()
            .map(FunctionStats::info)
            .filter(info -> inBefore.contains(fileAndName(info)))
            .map(CheckRule::qualifiedName)
            .toList();
    if (shared.isEmpty()) {
      return baseline
          + " and "
          + candidate
          + " share no function (by file and name): nothing to check";
    }
    return "the "
        + outcome.unmatched().get(0).describe()
        + " selects no function of both reports, so it checks nothing; their functions are"
        + " named with their package, e.g. "
        + shared.get(0);
  }

  private static List<String> fileAndName(FunctionInfo info) {
    return List.of(info.file(), info.name());
  }
}
