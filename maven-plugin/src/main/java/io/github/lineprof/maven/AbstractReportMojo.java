package io.github.lineprof.maven;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.internal.run.Profile;
import io.github.lineprof.internal.run.RunPipeline;
import io.github.lineprof.report.DiffReports;
import io.github.lineprof.report.JsonReportReader;
import io.github.lineprof.report.ReportDiff;
import io.github.lineprof.report.ReportFiles;
import io.github.lineprof.report.ReportFormat;
import io.github.lineprof.report.ReportMerge;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Merges the {@code report.json} files that the agent wrote (surefire's, failsafe's, one per test
 * JVM) into one set of reports, with the checks of {@code lineprof merge}, written by the run
 * pipeline every launcher uses.
 */
abstract class AbstractReportMojo extends AbstractLineprofMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /** Time unit of the text report's Time columns, in seconds: 1e-9 (default), 1e-6, 1e-3 or 1. */
  @Parameter(property = "lineprof.unit")
  private Double unit;

  /** Reports to write, {@code +}-separated: txt, json, html, md. Default: all. */
  @Parameter(property = "lineprof.formats", defaultValue = "txt+json+html+md")
  private String formats;

  /**
   * A report.json of an earlier run (e.g. of the main branch): the merged report is compared with
   * it, as {@code lineprof diff} does, into {@code diff.txt}, {@code diff.md} (for a pull-request
   * comment) and {@code diff.html} beside the reports.
   */
  @Parameter(property = "lineprof.baseline")
  private File baseline;

  /** What the comparison with the baseline writes: text, Markdown, HTML. */
  private static final List<String> DIFF_FILES = List.of("diff.txt", "diff.md", "diff.html");

  /**
   * The merged reports, or their hits with the time of a run of the original where one was asked
   * for.
   */
  Profile timed(Profile merged) throws MojoExecutionException {
    return merged;
  }

  /** The folders to search for report.json files, each with its subfolders. */
  abstract List<File> dataDirectories();

  abstract File outputDirectory();

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    if ("pom".equals(project.getPackaging())
        && dataDirectories().stream().noneMatch(File::isDirectory)) {
      return; // a parent POM inheriting the plugin block: nothing of its own ran
    }
    Path output = outputDirectory().toPath().toAbsolutePath().normalize();
    // an earlier build's comparison would pass for this one's: only a baseline writes it anew
    deleteEarlier(output, DIFF_FILES.stream());
    List<Path> inputs = new ArrayList<>();
    for (File dir : dataDirectories()) {
      inputs.addAll(reportsUnder(dir.toPath(), output));
    }
    if (inputs.isEmpty()) {
      getLog()
          .warn(
              "lineprof: no report.json under "
                  + dataDirectories().stream().map(File::getPath).collect(Collectors.joining(", "))
                  + ": no test JVM ran with lineprof's agent (did any test run?"
                  + " Is prepare-agent bound, and does surefire's argLine keep @{argLine}?). No report written.");
      deleteEarlier(output, Stream.of(ReportFormat.values()).map(ReportFormat::fileName));
      return;
    }
    ProfileOptions options = options(output);
    ReportMerge merge = new ReportMerge();
    for (Path input : inputs) {
      try {
        merge.add(
            input.toString(),
            JsonReportReader.read(Files.readString(input, StandardCharsets.UTF_8)));
      } catch (IOException | IllegalArgumentException e) {
        throw new MojoExecutionException(
            "lineprof: cannot merge " + input + ": " + e.getMessage(), e);
      }
    }
    Profile profile = timed(new Profile(merge.stats(), merge.runs()));
    if (profile.stats().functions().stream().allMatch(f -> f.totalHits() == 0)) {
      List<String> skipped =
          profile.runs().stream()
              .map(run -> run.settings().get("skipped"))
              .filter(Objects::nonNull)
              .distinct()
              .collect(Collectors.toList());
      getLog()
          .warn(
              "lineprof: "
                  + inputs.size()
                  + " report(s) found, but no profiled line ran: "
                  + (skipped.isEmpty()
                      ? "the tests called no @LineProfile method, or the instrumented classes were"
                          + " not swapped in (is lineprof:instrument bound?)"
                      : "the classes with an instrumented copy ran their original: "
                          + String.join("; ", skipped)));
    }
    try {
      RunPipeline.write(profile, options);
    } catch (IOException | RuntimeException e) {
      throw new MojoExecutionException(
          "lineprof: cannot write the reports to " + output + ": " + e, e);
    }
    if (baseline != null) {
      diff(profile, output);
    }
    getLog()
        .info(
            "lineprof: "
                + profile.stats().functions().size()
                + " function(s) from "
                + inputs.size()
                + " report(s) merged into "
                + output);
  }

  /** This build's report against the baseline, in the three forms {@code lineprof diff} writes. */
  private void diff(Profile profile, Path output) throws MojoExecutionException {
    try {
      ReportDiff diff =
          ReportDiff.of(
              JsonReportReader.read(Files.readString(baseline.toPath(), StandardCharsets.UTF_8)),
              new JsonReportReader.Report(profile.stats(), profile.runs()));
      String before = baseline.getPath();
      String after = "this build";
      ReportFiles.write(output.resolve(DIFF_FILES.get(0)), DiffReports.text(diff, before, after));
      ReportFiles.write(
          output.resolve(DIFF_FILES.get(1)), DiffReports.markdown(diff, before, after));
      ReportFiles.write(output.resolve(DIFF_FILES.get(2)), DiffReports.html(diff, before, after));
    } catch (IOException | IllegalArgumentException e) {
      throw new MojoExecutionException(
          "lineprof: cannot compare with the baseline " + baseline + ": " + e.getMessage(), e);
    }
    getLog().info("lineprof: compared with " + baseline + " in " + output.resolve("diff.txt"));
  }

  /** Deletes the named files an earlier build left in {@code output}. */
  private static void deleteEarlier(Path output, Stream<String> names)
      throws MojoExecutionException {
    for (String name : (Iterable<String>) names::iterator) {
      try {
        Files.deleteIfExists(output.resolve(name));
      } catch (IOException e) {
        throw new MojoExecutionException(
            "lineprof: cannot delete the earlier " + name + " in " + output + ": " + e, e);
      }
    }
  }

  private static List<Path> reportsUnder(Path dir, Path output) throws MojoExecutionException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      // the merged report may live under a searched folder: never read it back
      return walk.filter(p -> p.getFileName().toString().equals(ReportFormat.JSON.fileName()))
          .filter(p -> !p.toAbsolutePath().normalize().getParent().equals(output))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new MojoExecutionException("lineprof: cannot search " + dir + ": " + e, e);
    }
  }

  /**
   * The report settings in lineprof's one options model, so they are checked as everywhere else.
   */
  private ProfileOptions options(Path output) throws MojoExecutionException {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("output", output.toString());
    settings.put("formats", formats);
    if (unit != null) {
      settings.put("unit", unit.toString());
    }
    try {
      return ProfileOptions.defaults().with(settings);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("lineprof: " + e.getMessage(), e);
    }
  }
}
