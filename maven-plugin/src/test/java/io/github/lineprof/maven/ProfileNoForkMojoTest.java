package io.github.lineprof.maven;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class ProfileNoForkMojoTest {
  private final File output = new File("/tmp/out");

  @Test
  void theUsersOptionsReachTheMainsJvmWithTheDefaultOutput() throws Exception {
    assertThat(ProfileNoForkMojo.settings("mode=exact,unit=1e-6", output))
        .isEqualTo("output=" + output.getAbsolutePath() + ",mode=exact,unit=1e-6");
  }

  @Test
  void noOptionsGiveTheOutputAlone() throws Exception {
    assertThat(ProfileNoForkMojo.settings(null, output))
        .isEqualTo("output=" + output.getAbsolutePath());
  }

  @Test
  void anOutputOfTheUsersOwnWins() throws Exception {
    assertThat(ProfileNoForkMojo.settings("mode=exact, output=/x", output))
        .isEqualTo("mode=exact, output=/x");
  }

  @Test
  void aBadOptionFailsTheBuild() {
    MojoExecutionException e =
        assertThrows(
            MojoExecutionException.class, () -> ProfileNoForkMojo.settings("mode=fast", output));

    assertThat(e).hasMessageThat().startsWith("lineprof: ");
    assertThat(e).hasMessageThat().contains("fast");
  }
}
