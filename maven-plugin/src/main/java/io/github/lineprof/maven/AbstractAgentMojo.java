package io.github.lineprof.maven;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.internal.report.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Puts lineprof's agent into the property that surefire and failsafe read for their JVMs' options
 * ({@code argLine}), after what it already holds, as JaCoCo's prepare-agent does.
 */
abstract class AbstractAgentMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
  private List<Artifact> pluginArtifacts;

  /** The project property to set: {@code argLine} for surefire and failsafe, or one of your own. */
  @Parameter(property = "lineprof.propertyName", defaultValue = "argLine")
  private String propertyName;

  /** Time unit of the text report's Time columns, in seconds: 1e-9 (default), 1e-6, 1e-3 or 1. */
  @Parameter(property = "lineprof.unit")
  private String unit;

  /**
   * Reports to write, {@code +}-separated: txt, json, html, md; {@code none} for none. Default:
   * all.
   */
  @Parameter(property = "lineprof.formats")
  private String formats;

  /**
   * {@code auto}, {@code exact} or {@code sampled}, as the agent takes them (its default if unset);
   * {@code original}: surefire's tests run twice, the instrumented classes for the hits and the
   * untouched ones under the flight recorder for the time, which {@code report} combines.
   */
  @Parameter(property = "lineprof.mode")
  private String mode;

  /** Whether to subtract the probes' own cost from the times. Default: true. */
  @Parameter(property = "lineprof.calibration")
  private Boolean calibration;

  /**
   * Exact mode: whether to keep each line's spread (min, median, p99, max of its hits). Default:
   * false.
   */
  @Parameter(property = "lineprof.spread")
  private Boolean spread;

  @Parameter(property = "lineprof.skip", defaultValue = "false")
  private boolean skip;

  /** Where the agent writes its reports when the test JVM exits. */
  abstract File output();

  /**
   * Asks {@code report} for the tests' second run of {@link OriginalPass} (mode=original); says
   * whether the first run gets lineprof's agent.
   */
  abstract boolean requestOriginalPass(
      MavenProject project, File runtimeJar, ProfileOptions options) throws MojoExecutionException;

  String propertyName() {
    return propertyName;
  }

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("lineprof: skipped");
      return;
    }
    // a report of an earlier build would be merged by report as if this build's tests had written
    // it
    for (ReportFormat format : ReportFormat.values()) {
      try {
        Files.deleteIfExists(output().toPath().resolve(format.fileName()));
      } catch (IOException e) {
        throw new MojoExecutionException(
            "lineprof: cannot delete the earlier report in " + output() + ": " + e, e);
      }
    }
    List<String> options = new ArrayList<>();
    options.add("output=" + output().getAbsolutePath());
    if (unit != null) {
      options.add("unit=" + unit);
    }
    if (formats != null) {
      options.add("formats=" + formats);
    }
    if (mode != null) {
      options.add("mode=" + mode);
    }
    if (calibration != null) {
      options.add("calibration=" + calibration);
    }
    if (spread != null) {
      options.add("spread=" + spread);
    }
    ProfileOptions parsed;
    try {
      parsed =
          ProfileOptions.parse(
              String.join(",", options)); // a bad option fails the build here, not each test JVM
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("lineprof: " + e.getMessage());
    }
    File jar = AgentJar.find(pluginArtifacts);
    if (parsed.mode() == ProfileOptions.Mode.ORIGINAL) {
      if (!requestOriginalPass(project, jar, parsed)) {
        return;
      }
      // the first run counts the hits, with the probes that cost least
      options.removeIf(option -> option.startsWith("mode="));
      options.add("mode=sampled");
    }
    String agent = AgentJar.argument(jar, String.join(",", options));
    // prepare-agent-integration replaces prepare-agent's agent: one agent per JVM, one output
    String old =
        AgentJar.remove(project.getProperties().getProperty(propertyName, ""), jar).strip();
    String value = old.isEmpty() ? agent : old + " " + agent;
    project.getProperties().setProperty(propertyName, value);
    getLog().info("lineprof: " + propertyName + " set to " + value);
  }
}
