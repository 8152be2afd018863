package io.github.lineprof.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The module's own compile settings, as maven-compiler-plugin's {@code default-compile} execution
 * sees them: its configuration in the POM (already interpolated), else the {@code maven.compiler.*}
 * properties it reads, else javac's defaults. The instrumented copies are compiled with these, so
 * they behave as the originals do.
 */
record CompilerSettings(
    String release,
    String source,
    String target,
    String encoding,
    List<String> compilerArgs,
    boolean parameters,
    boolean enablePreview,
    String debug,
    String proc,
    List<String> processors,
    List<Coordinates> processorPaths,
    String generatedSourcesDirectory) {

  /**
   * One entry of {@code <annotationProcessorPaths>}; a null version is taken from dependency
   * management.
   */
  record Coordinates(
      String groupId, String artifactId, String version, String classifier, String type) {}

  static final String COMPILER_PLUGIN = "org.apache.maven.plugins:maven-compiler-plugin";

  static CompilerSettings of(MavenProject project) {
    Xpp3Dom config = configuration(project);
    Properties props = project.getProperties();
    String debug =
        "true".equals(value(config, props, "debug", "maven.compiler.debug", "true"))
            ? value(config, props, "debuglevel", "maven.compiler.debuglevel", "")
            : null;
    List<String> args = new ArrayList<>(list(config, "compilerArgs"));
    String single = value(config, props, "compilerArgument", null, null);
    if (single != null) {
      args.addAll(List.of(single.trim().split("\\s+")));
    }
    List<Coordinates> paths = new ArrayList<>();
    Xpp3Dom pathsDom = config == null ? null : config.getChild("annotationProcessorPaths");
    if (pathsDom != null) {
      for (Xpp3Dom path : pathsDom.getChildren()) {
        paths.add(
            new Coordinates(
                text(path, "groupId"),
                text(path, "artifactId"),
                text(path, "version"),
                text(path, "classifier"),
                text(path, "type")));
      }
    }
    return new CompilerSettings(
        value(config, props, "release", "maven.compiler.release", null),
        value(config, props, "source", "maven.compiler.source", null),
        value(config, props, "target", "maven.compiler.target", null),
        value(config, props, "encoding", "project.build.sourceEncoding", null),
        args,
        Boolean.parseBoolean(
            value(config, props, "parameters", "maven.compiler.parameters", "false")),
        Boolean.parseBoolean(
            value(config, props, "enablePreview", "maven.compiler.enablePreview", "false")),
        debug,
        value(config, props, "proc", "maven.compiler.proc", null),
        list(config, "annotationProcessors"),
        paths,
        value(
            config,
            props,
            "generatedSourcesDirectory",
            null,
            project.getBuild().getDirectory() + "/generated-sources/annotations"));
  }

  /** The plugin-level configuration overlaid with default-compile's, as Maven merges them. */
  private static Xpp3Dom configuration(MavenProject project) {
    Plugin plugin = project.getPlugin(COMPILER_PLUGIN);
    if (plugin == null) {
      return null;
    }
    Xpp3Dom config = (Xpp3Dom) plugin.getConfiguration();
    PluginExecution compile = plugin.getExecutionsAsMap().get("default-compile");
    if (compile != null && compile.getConfiguration() != null) {
      Xpp3Dom own = new Xpp3Dom((Xpp3Dom) compile.getConfiguration());
      config = config == null ? own : Xpp3Dom.mergeXpp3Dom(own, new Xpp3Dom(config));
    }
    return config;
  }

  private static String value(
      Xpp3Dom config, Properties props, String name, String property, String fallback) {
    String value = text(config, name);
    if (value == null && property != null) {
      value = props.getProperty(property, System.getProperty(property));
    }
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static List<String> list(Xpp3Dom config, String name) {
    List<String> values = new ArrayList<>();
    Xpp3Dom dom = config == null ? null : config.getChild(name);
    if (dom != null) {
      for (Xpp3Dom child : dom.getChildren()) {
        if (child.getValue() != null && !child.getValue().isBlank()) {
          values.add(child.getValue().trim());
        }
      }
    }
    return values;
  }

  private static String text(Xpp3Dom dom, String name) {
    Xpp3Dom child = dom == null ? null : dom.getChild(name);
    return child == null || child.getValue() == null || child.getValue().isBlank()
        ? null
        : child.getValue().trim();
  }

  /** javac's options for the language level, encoding and debug information. */
  List<String> levelOptions() {
    List<String> options = new ArrayList<>();
    if (release != null) {
      options.add("--release");
      options.add(release);
    } else {
      if (source != null) {
        options.add("-source");
        options.add(source);
      }
      if (target != null) {
        options.add("-target");
        options.add(target);
      }
    }
    if (encoding != null) {
      options.add("-encoding");
      options.add(encoding);
    }
    if (enablePreview) {
      options.add("--enable-preview");
    }
    return options;
  }
}
