package io.github.lineprof.maven;

import io.github.lineprof.report.CheckRule;
import io.github.lineprof.report.JsonReportReader;
import io.github.lineprof.report.PerformanceCheck;
import io.github.lineprof.report.ReportFiles;
import io.github.lineprof.report.ReportFormatException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A performance gate: fails the build when this build's report is slower than a baseline's beyond
 * the {@code <rules>}, as {@code lineprof check} does, one line per violation; writes {@code
 * check.md} beside the report (and appends it to {@code $GITHUB_STEP_SUMMARY} when set). Bind it
 * after {@code report}, in the same phase.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractLineprofMojo {
  /**
   * The report to compare with, e.g. the main branch's report.json; without it nothing is checked.
   */
  @Parameter(property = "lineprof.baseline")
  private File baseline;

  /** The report under test: this build's merged report. */
  @Parameter(
      property = "lineprof.check.candidate",
      defaultValue = "${project.build.directory}/lineprof/report.json")
  private File candidate;

  /** Where check.md goes. */
  @Parameter(
      property = "lineprof.reportDirectory",
      defaultValue = "${project.build.directory}/lineprof")
  private File outputDirectory;

  /** The rules; none: every LINE and every FUNCTION, at most the minimum effect (5 %) slower. */
  @Parameter private List<Rule> rules;

  /** Skips this goal alone ({@code -Dlineprof.check.skip}), e.g. in the baseline's own build. */
  @Parameter(property = "lineprof.check.skip", defaultValue = "false")
  private boolean skipCheck;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    if (skipCheck) {
      getLog().info("lineprof: check skipped");
      return;
    }
    if (baseline == null) {
      // a build without a baseline (a developer's own, main's first) has nothing to compare with
      getLog()
          .info("lineprof: check: no <baseline> (-Dlineprof.baseline=main.json), nothing to check");
      return;
    }
    List<CheckRule> checkRules = new ArrayList<>();
    try {
      if (rules != null) {
        for (Rule rule : rules) {
          checkRules.add(rule.toCheckRule());
        }
      }
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("lineprof: " + e.getMessage(), e);
    }
    if (checkRules.isEmpty()) {
      checkRules.addAll(CheckRule.defaults());
    }
    PerformanceCheck.Outcome outcome;
    try {
      outcome = PerformanceCheck.check(read(baseline), read(candidate), checkRules);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("lineprof: " + e.getMessage(), e);
    }
    // a warning, not a failure: rules set once in a parent POM may name other modules' functions
    outcome
        .unmatched()
        .forEach(
            rule ->
                getLog()
                    .warn(
                        "lineprof: the "
                            + rule.describe()
                            + " selects no function of both reports, so it checks nothing here"));
    String md = PerformanceCheck.markdown(outcome, baseline.getPath(), candidate.getPath());
    Path file = outputDirectory.toPath().resolve("check.md");
    try {
      ReportFiles.write(file, md);
      String summary = System.getenv("GITHUB_STEP_SUMMARY");
      if (summary != null && !summary.isEmpty()) {
        Files.writeString(
            Path.of(summary),
            md,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("lineprof: cannot write " + file + ": " + e, e);
    }
    if (outcome.passed()) {
      getLog()
          .info(
              "lineprof: check passed against "
                  + baseline
                  + " ("
                  + outcome.findings().size()
                  + " change(s) within the rules; "
                  + file
                  + ")");
      return;
    }
    outcome.violations().forEach(v -> getLog().error("lineprof: " + v.message()));
    throw new MojoFailureException(
        "lineprof: "
            + outcome.violations().size()
            + " performance rule violation(s) against "
            + baseline
            + "; see "
            + file);
  }

  private static JsonReportReader.Report read(File file) throws MojoExecutionException {
    try {
      return JsonReportReader.read(Files.readString(file.toPath(), StandardCharsets.UTF_8));
    } catch (ReportFormatException e) {
      throw new MojoExecutionException("lineprof: " + file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("lineprof: cannot read " + file + ": " + e, e);
    }
  }
}
