package io.github.lineprof.report.stats;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a JVM option's name and drops its value unless the value is known to be safe: a report is
 * shared (CI artifacts, issues), and a value may hold a secret or a path ({@code
 * -XX:OnOutOfMemoryError="curl -H 'Authorization: ...'"}, {@code -XX:HeapDumpPath=/home/alice/...},
 * {@code -XX:AbortVMOnExceptionMessage=...}). An allow-list, not a deny-list: the JVM has hundreds
 * of options taking free text, and only numbers, sizes, booleans and the values of a few options
 * that take one of a fixed set of words can be told safe.
 */
final class JvmArgs {
  /** A number, possibly signed or decimal, or a size such as {@code 512m}. */
  private static final Pattern NUMBER_OR_SIZE =
      Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?[kKmMgGtT]?");

  /** The -X options whose value is glued to their name: {@code -Xmx512m}. */
  private static final Pattern GLUED_SIZE = Pattern.compile("(-X(?:mx|ms|mn|ss))(.*)");

  /** Options whose value is one word of a fixed set. */
  private static final Map<String, Set<String>> ENUMS =
      Map.of(
          "-Xshare", Set.of("auto", "on", "off"),
          "-Xverify", Set.of("none", "remote", "all"),
          "-Xcheck", Set.of("jni"),
          "-XX:CompilationMode",
              Set.of("default", "quick-only", "high-only", "high-only-quick-internal"),
          "-XX:ShenandoahGCMode", Set.of("satb", "iu", "passive", "generational"),
          "-XX:ShenandoahGCHeuristics", Set.of("adaptive", "static", "compact", "aggressive"));

  private JvmArgs() {}

  /**
   * The option as it is when it has no value ({@code -XX:+UseG1GC}, {@code -Xint}) or a safe one
   * ({@code -Xmx512m}, {@code -XX:MaxInlineLevel=15}, {@code -Xshare:auto}); else its name alone.
   */
  static String redact(String arg) {
    Matcher glued = GLUED_SIZE.matcher(arg);
    if (glued.matches()) {
      return NUMBER_OR_SIZE.matcher(glued.group(2)).matches() ? arg : glued.group(1);
    }
    int start = arg.startsWith("-XX:") ? 4 : 2;
    int end = start;
    while (end < arg.length() && arg.charAt(end) != '=' && arg.charAt(end) != ':') {
      end++;
    }
    String name = arg.substring(0, end);
    if (end == arg.length()) {
      // a flag: -XX:+UseG1GC, -Xint; anything else has no name to keep apart from its value
      return name.matches("-XX:[+-]?\\w+|-X[a-zA-Z/]+") ? arg : "-X";
    }
    String value = arg.substring(end + 1);
    boolean safe =
        NUMBER_OR_SIZE.matcher(value).matches()
            || value.equals("true")
            || value.equals("false")
            || ENUMS.getOrDefault(name, Set.of()).contains(value);
    return safe ? arg : name;
  }
}
