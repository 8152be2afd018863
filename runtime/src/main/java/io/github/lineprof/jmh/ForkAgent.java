package io.github.lineprof.jmh;

import io.github.lineprof.agent.LineProfAgent;
import io.github.lineprof.internal.run.ManifestOnlyJar;
import io.github.lineprof.report.stats.ProfileStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openjdk.jmh.profile.ProfilerException;

/**
 * The {@code -javaagent:} option that makes a JMH fork run the instrumented classes, for any JMH
 * jar: a benchmarks jar shaded with {@code Main-Class: org.openjdk.jmh.Main} alone has no {@code
 * Premain-Class}, and classes from a folder (an IDE's run) are no jar, so the host writes a {@link
 * ManifestOnlyJar} that names lineprof's agent and the jars or folders its classes came from.
 */
final class ForkAgent {
  private final List<Path> classPath;
  private Path jar;

  private ForkAgent(List<Path> classPath) {
    this.classPath = classPath;
  }

  /**
   * Where this JVM loaded lineprof's agent from.
   *
   * @throws ProfilerException in one line, when no fork could load it from there
   */
  static ForkAgent locate() throws ProfilerException {
    // one jar when lineprof-runtime.jar (lineprof-report shaded in), two folders in an IDE's run
    return of(location(LineProfAgent.class), location(ProfileStats.class));
  }

  private static URL location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    return source == null ? null : source.getLocation();
  }

  static ForkAgent of(URL... locations) throws ProfilerException {
    if (ModuleLayer.boot().findModule("java.instrument").isEmpty()) {
      throw new ProfilerException(
          "lineprof: this JVM has no java.instrument module, which the forks' agent needs");
    }
    Set<Path> classPath = new LinkedHashSet<>();
    for (URL location : locations) {
      classPath.add(classPathEntry(location));
    }
    return new ForkAgent(List.copyOf(classPath));
  }

  private static Path classPathEntry(URL location) throws ProfilerException {
    Path path = null;
    try {
      if (location != null && "file".equals(location.getProtocol())) {
        path = Path.of(location.toURI());
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      path = null;
    }
    if (path == null || !(Files.isRegularFile(path) || Files.isDirectory(path))) {
      throw new ProfilerException(
          "lineprof: the forks need lineprof's agent from a jar or folder on the class path, but"
              + " its classes were loaded from "
              + location
              + "; put lineprof-runtime.jar on the class path (java -cp benchmarks.jar:"
              + "lineprof-runtime.jar org.openjdk.jmh.Main ...)");
    }
    return path;
  }

  /** The fork's {@code -javaagent:} option with the agent's {@code options}. */
  String jvmOption(String options) {
    return "-javaagent:" + jar() + (options.isEmpty() ? "" : "=" + options);
  }

  /** The manifest-only jar, written once per host JVM and deleted when it exits. */
  synchronized Path jar() {
    if (jar == null) {
      try {
        Path file = Files.createTempFile("lineprof-agent", ".jar");
        file.toFile().deleteOnExit();
        jar = ManifestOnlyJar.write(file, LineProfAgent.class, classPath);
      } catch (IOException e) {
        throw new UncheckedIOException("lineprof: cannot write the forks' agent jar", e);
      }
    }
    return jar;
  }
}
