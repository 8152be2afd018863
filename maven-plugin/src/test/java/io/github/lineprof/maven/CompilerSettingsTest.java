package io.github.lineprof.maven;

import static com.google.common.truth.Truth.assertThat;

import java.io.StringReader;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

class CompilerSettingsTest {
  private final Model model = new Model();
  private final MavenProject project = new MavenProject(model);

  CompilerSettingsTest() {
    Build build = new Build();
    build.setDirectory("/p/target");
    model.setBuild(build);
  }

  private static Xpp3Dom xml(String text) throws Exception {
    return Xpp3DomBuilder.build(new StringReader("<configuration>" + text + "</configuration>"));
  }

  private Plugin compiler(String configuration) throws Exception {
    Plugin plugin = new Plugin();
    plugin.setGroupId("org.apache.maven.plugins");
    plugin.setArtifactId("maven-compiler-plugin");
    if (configuration != null) {
      plugin.setConfiguration(xml(configuration));
    }
    model.getBuild().addPlugin(plugin);
    return plugin;
  }

  @Test
  void withoutConfigurationJavacsDefaultsApply() {
    CompilerSettings settings = CompilerSettings.of(project);

    assertThat(settings.levelOptions()).isEmpty();
    assertThat(settings.debug()).isEmpty();
    assertThat(settings.parameters()).isFalse();
    assertThat(settings.compilerArgs()).isEmpty();
    assertThat(settings.generatedSourcesDirectory())
        .isEqualTo("/p/target/generated-sources/annotations");
  }

  @Test
  void thePropertiesTheCompilerPluginReadsAreRead() {
    project.getProperties().setProperty("maven.compiler.release", "17");
    project.getProperties().setProperty("project.build.sourceEncoding", "UTF-8");
    project.getProperties().setProperty("maven.compiler.parameters", "true");
    project.getProperties().setProperty("maven.compiler.enablePreview", "true");

    CompilerSettings settings = CompilerSettings.of(project);

    assertThat(settings.levelOptions())
        .containsExactly("--release", "17", "-encoding", "UTF-8", "--enable-preview")
        .inOrder();
    assertThat(settings.parameters()).isTrue();
  }

  @Test
  void sourceAndTargetOnlyWithoutRelease() throws Exception {
    compiler("<source>11</source><target>11</target>");

    assertThat(CompilerSettings.of(project).levelOptions())
        .containsExactly("-source", "11", "-target", "11")
        .inOrder();
  }

  @Test
  void theConfigurationWinsOverTheProperties() throws Exception {
    project.getProperties().setProperty("maven.compiler.release", "11");
    compiler("<release>21</release>");

    assertThat(CompilerSettings.of(project).release()).isEqualTo("21");
  }

  @Test
  void defaultCompilesOwnConfigurationIsMergedOverThePlugins() throws Exception {
    Plugin plugin = compiler("<release>17</release><debuglevel>lines</debuglevel>");
    PluginExecution compile = new PluginExecution();
    compile.setId("default-compile");
    compile.setConfiguration(xml("<release>21</release><proc>full</proc>"));
    plugin.addExecution(compile);

    CompilerSettings settings = CompilerSettings.of(project);

    assertThat(settings.release()).isEqualTo("21");
    assertThat(settings.proc()).isEqualTo("full");
    assertThat(settings.debug()).isEqualTo("lines");
  }

  @Test
  void debugFalseMeansNoDebugOption() throws Exception {
    compiler("<debug>false</debug>");

    assertThat(CompilerSettings.of(project).debug()).isNull();
  }

  @Test
  void argumentsProcessorsAndTheirPathsAreRead() throws Exception {
    compiler(
        "<compilerArgs><arg>-Xlint:all</arg><arg>-Akey=value</arg></compilerArgs>"
            + "<compilerArgument>-Xmaxerrs 5</compilerArgument>"
            + "<annotationProcessors><p>com.example.Proc</p></annotationProcessors>"
            + "<annotationProcessorPaths><path><groupId>org.projectlombok</groupId>"
            + "<artifactId>lombok</artifactId><version>1.18.42</version></path>"
            + "</annotationProcessorPaths>"
            + "<generatedSourcesDirectory>/p/gen</generatedSourcesDirectory>");

    CompilerSettings settings = CompilerSettings.of(project);

    assertThat(settings.compilerArgs())
        .containsExactly("-Xlint:all", "-Akey=value", "-Xmaxerrs", "5")
        .inOrder();
    assertThat(settings.processors()).containsExactly("com.example.Proc");
    assertThat(settings.processorPaths())
        .containsExactly(
            new CompilerSettings.Coordinates("org.projectlombok", "lombok", "1.18.42", null, null));
    assertThat(settings.generatedSourcesDirectory()).isEqualTo("/p/gen");
  }

  @Test
  void blankValuesAreUnset() throws Exception {
    compiler("<release> </release><compilerArgs><arg> </arg></compilerArgs>");

    CompilerSettings settings = CompilerSettings.of(project);

    assertThat(settings.release()).isNull();
    assertThat(settings.compilerArgs()).isEqualTo(List.of());
  }
}
