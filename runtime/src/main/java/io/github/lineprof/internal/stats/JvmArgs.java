package io.github.lineprof.internal.stats;

import java.io.File;
import java.util.Set;

/**
 * Keeps a JVM option's name and drops its value where the value may hold a secret or a path: a
 * report is shared (CI artifacts, issues), and {@code -XX:OnOutOfMemoryError="curl -H
 * 'Authorization: ...'"} or {@code -XX:HeapDumpPath=/home/alice/...} must not travel with it.
 */
final class JvmArgs {
  /** Options whose value is a command, a file or a recording's settings, whatever it looks like. */
  private static final Set<String> VALUE_HIDDEN =
      Set.of(
          "-XX:OnOutOfMemoryError",
          "-XX:OnError",
          "-XX:HeapDumpPath",
          "-XX:ErrorFile",
          "-XX:StartFlightRecording",
          "-XX:FlightRecorderOptions",
          "-XX:LogFile",
          "-XX:CompileCommandFile",
          "-XX:Flags",
          "-XX:VMOptionsFile",
          "-XX:SharedArchiveFile",
          "-XX:ArchiveClassesAtExit",
          "-Xlog",
          "-Xloggc",
          "-Xbootclasspath",
          "-Xbootclasspath/a",
          "-Xbootclasspath/p");

  private JvmArgs() {}

  /**
   * {@code -XX:Name=value} or {@code -Xname:value} as its name alone when the option is one of
   * {@link #VALUE_HIDDEN} or its value has a path separator or a space; other options as they are.
   */
  static String redact(String arg) {
    int start = arg.startsWith("-XX:") ? 4 : 2;
    int end = start;
    while (end < arg.length() && arg.charAt(end) != '=' && arg.charAt(end) != ':') {
      end++;
    }
    if (end == arg.length()) {
      return arg; // no value: -Xmx1g, -XX:+UseG1GC
    }
    String name = arg.substring(0, end);
    String value = arg.substring(end + 1);
    boolean pathLike =
        value.contains("/")
            || value.contains("\\")
            || value.contains(" ")
            || value.contains(File.pathSeparator)
            || value.contains("file=");
    return VALUE_HIDDEN.contains(name) || pathLike ? name : arg;
  }
}
