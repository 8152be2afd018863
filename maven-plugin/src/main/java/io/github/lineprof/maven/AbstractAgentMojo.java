package io.github.lineprof.maven;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.agent.LineProfAgent;
import io.github.lineprof.internal.option.Option;
import io.github.lineprof.internal.option.Option.Launcher;
import io.github.lineprof.internal.option.OptionTable;
import io.github.lineprof.report.ReportFormat;
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

  // The agent's options the prepare goals take: one field per option the table marks as the
  // plugin's, named after it, which run() passes to the agent by that name (a test holds the fields
  // to the table). Maven reads them as text, so the agent's one parser checks every value (Maven
  // would read "maybe" as false).

  /** {@code unit}: see the table of options in the README. */
  @SuppressWarnings("UnusedVariable") // read by its name, in run()
  @Parameter(property = "lineprof.unit")
  private String unit;

  /** {@code formats}: see the table of options in the README. */
  @SuppressWarnings("UnusedVariable") // read by its name, in run()
  @Parameter(property = "lineprof.formats")
  private String formats;

  /**
   * {@code mode}: see the table of options in the README; {@code original}: surefire's tests run
   * twice, the instrumented classes for the hits and the untouched ones under the flight recorder
   * for the time, which {@code report} combines.
   */
  @SuppressWarnings("UnusedVariable") // read by its name, in run()
  @Parameter(property = "lineprof.mode")
  private String mode;

  /** {@code calibration}: see the table of options in the README. */
  @SuppressWarnings("UnusedVariable") // read by its name, in run()
  @Parameter(property = "lineprof.calibration")
  private String calibration;

  /** {@code spread}: see the table of options in the README. */
  @SuppressWarnings("UnusedVariable") // read by its name, in run()
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
    for (Option<?> option : OptionTable.of(Launcher.PLUGIN)) {
      String value = parameter(option.name());
      if (value != null) {
        options.add(option.name() + "=" + value);
      }
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

  /** The value Maven gave the parameter named after an option, null if none. */
  private String parameter(String option) {
    try {
      return (String) AbstractAgentMojo.class.getDeclaredField(option).get(this);
    } catch (NoSuchFieldException | IllegalAccessException e) {
      throw new IllegalStateException(
          "lineprof: the plugin has no parameter for the agent option " + option, e);
    }
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
