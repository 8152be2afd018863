package io.github.lineprof.maven;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.agent.LineProfAgent;
import io.github.lineprof.internal.report.ReportFormat;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Puts lineprof's agent into the property that surefire and failsafe read for their JVMs' options
 * ({@code argLine}), after what it already holds, as JaCoCo's prepare-agent does.
 */
abstract class AbstractAgentMojo extends AbstractLineprofMojo {
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

  /**
   * Whether to subtract the probes' own cost from the times: {@code true} (default) or {@code
   * false}, checked by the agent's own parser (Maven would read any other word as false).
   */
  @Parameter(property = "lineprof.calibration")
  private String calibration;

  /**
   * Exact mode: whether to keep each line's spread (min, median, p99, max of its hits): {@code
   * true} or {@code false} (default).
   */
  @Parameter(property = "lineprof.spread")
  private String spread;

  /**
   * Where the agent writes its reports when the test JVM exits, each JVM in a folder of its own.
   */
  abstract File output();

  /**
   * Each test JVM's reports go to a folder of its own under {@link #output()}, which the agent
   * names after its process id, so JVMs run side by side or one after the other ({@code forkCount},
   * {@code reuseForks=false}) never overwrite each other's; the report goal merges them.
   */
  static final String JVM_FOLDER = "jvm-" + LineProfAgent.PID;

  /**
   * Asks {@code report} for the tests' second run of {@link OriginalPass} (mode=original); says
   * whether the first run gets lineprof's agent.
   */
  abstract boolean requestOriginalPass(
      MavenProject project, File runtimeJar, ProfileOptions options) throws MojoExecutionException;

  String propertyName() {
    return propertyName;
  }

  MavenProject project() {
    return project;
  }

  @Override
  void run() throws MojoExecutionException {
    Path output = output().toPath().toAbsolutePath();
    clearEarlierReports(output);
    List<String> options = new ArrayList<>();
    options.add("output=" + output.resolve(JVM_FOLDER));
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

  /**
   * Surefire's {@code <argLine>@{argLine} ...</argLine>} needs the property even when lineprof is
   * skipped: defined empty if nothing else defined it, as JaCoCo does.
   */
  @Override
  void skipped() {
    if (project.getProperties().getProperty(propertyName) == null) {
      project.getProperties().setProperty(propertyName, "");
    }
  }

  /**
   * An earlier build's reports would be merged by the report goal as if this build's tests had
   * written them. A folder that cannot be made fails the build here, with its reason, not each test
   * JVM in a log nobody reads; it is left for the agent to make (a parent POM runs no test).
   */
  private static void clearEarlierReports(Path output) throws MojoExecutionException {
    Path existing = output;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && (!Files.isDirectory(existing) || !Files.isWritable(existing))) {
      throw new MojoExecutionException(
          "lineprof: cannot make the report folder "
              + output
              + ": "
              + existing
              + (Files.isDirectory(existing) ? " is not writable" : " is a file"));
    }
    if (!Files.isDirectory(output)) {
      return;
    }
    try {
      for (ReportFormat format : ReportFormat.values()) {
        Files.deleteIfExists(output.resolve(format.fileName()));
      }
      List<Path> jvmFolders;
      try (Stream<Path> list = Files.list(output)) {
        jvmFolders =
            list.filter(p -> p.getFileName().toString().startsWith("jvm-"))
                .collect(Collectors.toList());
      }
      for (Path folder : jvmFolders) {
        BuildFiles.deleteTree(folder);
      }
    } catch (IOException e) {
      throw new MojoExecutionException(
          "lineprof: cannot delete the earlier reports in " + output + ": " + e, e);
    }
  }
}
