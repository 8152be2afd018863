package io.github.lineprof.maven;

import java.io.File;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * lineprof's agent: the lineprof-runtime jar among the plugin's own dependencies, of the plugin's
 * version.
 */
final class AgentJar {
  private AgentJar() {}

  static File find(List<Artifact> pluginArtifacts) throws MojoExecutionException {
    return pluginArtifacts.stream()
        .filter(
            a ->
                a.getGroupId().equals("io.github.lineprof")
                    && a.getArtifactId().equals("lineprof-runtime"))
        .map(Artifact::getFile)
        .findFirst()
        .orElseThrow(
            () ->
                new MojoExecutionException(
                    "lineprof: lineprof-runtime is missing from the plugin's dependencies"));
  }

  /** {@code argLine} less any earlier {@code -javaagent:} of this jar, quoted or not. */
  static String remove(String argLine, File jar) {
    String agent = Pattern.quote("-javaagent:" + jar.getAbsolutePath());
    return argLine.replaceAll("\"" + agent + "[^\"]*\"", "").replaceAll(agent + "\\S*", "");
  }

  /**
   * {@code -javaagent:JAR=options}, quoted as one argument where a path has spaces (surefire splits
   * argLine).
   */
  static String argument(File jar, String options) {
    String arg = "-javaagent:" + jar.getAbsolutePath() + (options.isEmpty() ? "" : "=" + options);
    return arg.contains(" ") ? "\"" + arg + "\"" : arg;
  }
}
