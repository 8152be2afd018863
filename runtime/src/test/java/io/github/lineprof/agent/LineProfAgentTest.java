package io.github.lineprof.agent;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every option the agent cannot honour is refused up front, in one line. */
class LineProfAgentTest {
  @TempDir Path dir;

  private static String refusal(String args) {
    return assertThrows(IllegalArgumentException.class, () -> LineProfAgent.options(args))
        .getMessage();
  }

  @Test
  void refusesUnitsThatAreNotFinitePositiveNumbers() {
    assertThat(refusal("unit=Infinity")).startsWith("unit must be a positive number of seconds");
    assertThat(refusal("unit=NaN")).startsWith("unit must be a positive number of seconds");
    assertThat(refusal("unit=-1e-6")).startsWith("unit must be a positive number of seconds");
  }

  @Test
  void refusesAnOutputThatCannotBeAFolder() throws Exception {
    Path file = Files.writeString(dir.resolve("report"), "");

    assertThat(refusal("output=" + file)).endsWith(" is a file; reports need a folder");
    assertThat(refusal("output=" + file.resolve("sub")))
        .contains("cannot be made: " + file + " is a file");
    assertThat(refusal("output=a\0b")).isNotEmpty(); // not a path at all
  }

  @Test
  void acceptsAFolderToMakeAndNoFolderWhenNoFileIsWritten() throws Exception {
    Path file = Files.writeString(dir.resolve("report"), "");

    assertThat(LineProfAgent.options("output=" + dir.resolve("a/b")).output())
        .isEqualTo(dir.resolve("a/b"));
    assertThat(LineProfAgent.options("formats=none,output=" + file).formats()).isEmpty();
  }

  @Test
  void refusesAnOptionGivenTwice() {
    assertThat(refusal("mode=exact,unit=1e-6,mode=sampled"))
        .isEqualTo("option 'mode' is given twice (mode=exact and mode=sampled): give it once");
  }

  @Test
  void givesEachJvmItsOwnFolderWhereTheOutputNamesThePid() {
    String pid = Long.toString(ProcessHandle.current().pid());

    assertThat(LineProfAgent.options("output=" + dir.resolve("jvm-{pid}")).output())
        .isEqualTo(dir.resolve("jvm-" + pid));
  }

  @Test
  void refusesOptionsItDoesNotReadRatherThanIgnoringThem() {
    assertThat(refusal("runs=3")).isEqualTo("runs=3 applies to the harness, not to the agent");
    assertThat(refusal("unit=1e-6,period=5ms"))
        .isEqualTo("period=5ms applies to the harness and JMH, not to the agent");
    assertThat(LineProfAgent.options("period=1ms,warmup=20").period())
        .isEqualTo(java.time.Duration.ofMillis(1));
  }

  @Test
  void refusesOriginalMode() {
    assertThat(refusal("mode=original")).startsWith("mode=original needs the code run twice");
  }
}
