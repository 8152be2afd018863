package io.github.lineprof.jmh;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.lineprof.agent.LineProfAgent;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.ProfilerException;

class ForkAgentTest {
  @TempDir Path dir;

  @Test
  void writesAManifestThatNamesTheAgentAndWhereItsClassesAre() throws Exception {
    Path classes = Files.createDirectory(dir.resolve("with space"));
    ForkAgent agent = ForkAgent.of(classes.toUri().toURL());

    String option = agent.jvmOption("mode=exact,formats=none");

    assertThat(option).isEqualTo("-javaagent:" + agent.jar() + "=mode=exact,formats=none");
    try (JarFile jar = new JarFile(agent.jar().toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();
      assertThat(main.getValue("Premain-Class")).isEqualTo(LineProfAgent.class.getName());
      assertThat(main.getValue(Attributes.Name.CLASS_PATH)).isEqualTo(classes.toUri().toString());
      assertThat(jar.size()).isEqualTo(1); // the manifest alone
    }
    assertThat(agent.jar()).isEqualTo(agent.jar()); // written once
  }

  @Test
  void refusesInOneLineWhatNoForkCouldLoad() {
    for (String location :
        new String[] {
          "jar:file:/app.jar!/BOOT-INF/lib/lineprof-runtime.jar!/", "file:/no/such.jar"
        }) {
      ProfilerException e =
          assertThrows(ProfilerException.class, () -> ForkAgent.of(URI.create(location).toURL()));
      assertThat(e).hasMessageThat().startsWith("lineprof: the forks need lineprof's agent");
      assertThat(e).hasMessageThat().doesNotContain("\n");
    }
  }

  @Test
  void thisJvmsOwnRuntimeIsLoadable() throws Exception {
    assertThat(Files.exists(ForkAgent.locate().jar())).isTrue();
  }
}
