package io.github.lineprof.maven;

import io.github.lineprof.LineProfiler;
import io.github.lineprof.ProfileOptions;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Runs a main class in a new JVM on the module's runtime class path, which holds the instrumented
 * copies ({@code META-INF/lineprof/classes/} in the module's classes): a main that profiles with
 * {@code LineProfiler} prints its tables, and with {@code agent} any main is profiled as a whole.
 * This goal does not run the build before it: bind it in a POM to a phase after {@code
 * process-classes}. From the command line, {@code profile} runs the build up to {@code
 * process-classes} first.
 */
@Mojo(
    name = "profile-no-fork",
    threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class ProfileNoForkMojo extends AbstractLineprofMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
  private List<Artifact> pluginArtifacts;

  /** The class whose {@code main} to run. */
  @Parameter(property = "lineprof.main", required = true)
  private String main;

  /** Its arguments. From the command line: {@code -Dlineprof.args="a b"}, split at spaces. */
  @Parameter private List<String> arguments = new ArrayList<>();

  @Parameter(property = "lineprof.args")
  private String args;

  /** Options for the JVM, e.g. {@code -Xmx1g} or {@code -Dlineprof.mode=sampled}. */
  @Parameter private List<String> jvmArguments = new ArrayList<>();

  /**
   * Whether to run the main under lineprof's agent, for a main that does not use {@code
   * LineProfiler}: the reports of everything it ran are written to {@code agentOutput} when it
   * exits.
   */
  @Parameter(property = "lineprof.agent", defaultValue = "false")
  private boolean agent;

  @Parameter(
      property = "lineprof.output",
      defaultValue = "${project.build.directory}/lineprof/profile")
  private File agentOutput;

  /**
   * lineprof's options for the main's JVM ({@code -Dlineprof.options=mode=exact,unit=1e-6}): the
   * harness's {@code lineprof.options} property, or the agent's options with {@code agent}. Their
   * {@code output} defaults to {@code agentOutput}.
   */
  @Parameter(property = LineProfiler.OPTIONS_PROPERTY)
  private String options;

  /**
   * The JVM's working directory, against which the harness's default {@code target/lineprof}
   * resolves.
   */
  @Parameter(defaultValue = "${project.basedir}", required = true)
  private File workingDirectory;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    if (!Files.isDirectory(
        Path.of(project.getBuild().getOutputDirectory(), "META-INF", "lineprof", "classes"))) {
      getLog()
          .warn(
              "lineprof: "
                  + project.getArtifactId()
                  + " has no instrumented classes: run lineprof:instrument"
                  + " (process-classes) before this goal, or the tables stay empty");
    }
    List<String> classpath;
    try {
      classpath = new ArrayList<>(project.getRuntimeClasspathElements());
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException(
          "lineprof: the runtime class path is not resolved: " + e.getMessage(), e);
    }
    File runtime = AgentJar.find(pluginArtifacts);
    if (project.getArtifacts().stream()
        .noneMatch(
            a ->
                a.getArtifactId().equals("lineprof-runtime")
                    && a.getGroupId().equals("io.github.lineprof")
                    && !"provided".equals(a.getScope()))) {
      classpath.add(
          runtime.getAbsolutePath()); // a provided dependency is not on the runtime class path
    }
    List<String> command = new ArrayList<>(jvmArguments);
    String settings = settings(options, agentOutput);
    if (agent) {
      command.add("-javaagent:" + runtime.getAbsolutePath() + "=" + settings);
    } else {
      command.add("-D" + LineProfiler.OPTIONS_PROPERTY + "=" + settings);
    }
    command.add("-classpath");
    command.add(String.join(File.pathSeparator, classpath));
    command.add(main);
    command.addAll(arguments);
    if (args != null && !args.isBlank()) {
      command.addAll(List.of(args.trim().split("\\s+")));
    }
    Path argFile = Path.of(project.getBuild().getDirectory(), "lineprof-work", "profile.args");
    try {
      Files.createDirectories(argFile.getParent());
      // an argument file: a long class path exceeds Windows' command line
      Files.write(
          argFile,
          command.stream().map(ProfileNoForkMojo::quote).collect(Collectors.toList()),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("lineprof: cannot write " + argFile + ": " + e, e);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    getLog().info("lineprof: running " + main);
    int exit;
    try {
      exit =
          new ProcessBuilder(java, "@" + argFile)
              .directory(workingDirectory)
              .inheritIO()
              .start()
              .waitFor();
    } catch (IOException e) {
      throw new MojoExecutionException("lineprof: cannot start " + java + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("lineprof: interrupted while " + main + " ran", e);
    }
    if (exit != 0) {
      throw new MojoFailureException("lineprof: " + main + " exited with code " + exit);
    }
  }

  /**
   * The main's options: the user's, checked here by lineprof's one parser, with {@code output}
   * added unless they name one (a harness main's reports go beside the agent's, never over the
   * report goal's {@code target/lineprof/}).
   */
  static String settings(String options, File output) throws MojoExecutionException {
    String given = options == null ? "" : options.strip();
    boolean namesOutput =
        Arrays.stream(given.split(",")).anyMatch(o -> o.strip().startsWith("output="));
    String settings =
        namesOutput
            ? given
            : "output=" + output.getAbsolutePath() + (given.isEmpty() ? "" : "," + given);
    try {
      ProfileOptions.parse(settings);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("lineprof: " + e.getMessage(), e);
    }
    return settings;
  }

  /** An argument in java's @file syntax: quoted, backslashes and quotes escaped. */
  private static String quote(String arg) {
    return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
