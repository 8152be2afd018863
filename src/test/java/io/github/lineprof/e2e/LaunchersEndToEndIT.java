package io.github.lineprof.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.github.lineprof.samples.LoaderLauncher;
import io.github.lineprof.samples.ModesMain;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness started as launchers start it, not only from a plain {@code java -cp}. */
class LaunchersEndToEndIT {
  @TempDir Path dir;

  @Test
  void aLauncherLoaderLikeExecJavaFindsTheCopiesAndForksWithItsClassPath()
      throws IOException, InterruptedException, URISyntaxException {
    // java.class.path holds the launcher only, as under mvn exec:java; the application is in a
    // loader
    Path launcher =
        Path.of(LoaderLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                launcher.toString(),
                LoaderLauncher.class.getName(),
                System.getProperty("java.class.path"),
                ModesMain.class.getName(),
                "original",
                dir.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertWithMessage(output).that(process.waitFor()).isEqualTo(0);
    // ModesMain prints "line hits nanos bytes" for Waits.sleeps: its loop body ran 2 x 2 times
    assertThat(output).containsMatch("(?m)^\\d+ 4 [1-9]\\d* \\d+$");
  }
}
