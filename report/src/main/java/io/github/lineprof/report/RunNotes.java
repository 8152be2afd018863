package io.github.lineprof.report;

import io.github.lineprof.report.stats.RunInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines under the text report's tables that say how the numbers were made: mode, calibration,
 * samples, overhead, where each column came from and which lines to distrust. The tables above them
 * stay exactly line_profiler's.
 */
public final class RunNotes {
  private static final List<String> SHOWN = List.of("calibration", "samples", "overhead");

  /**
   * Settings long enough for a line of their own: classes that ran their original, functions the
   * sampler never saw, lineprof's heap.
   */
  private static final List<String> OWN_LINE = List.of("skipped", "unsampled", "heap");

  private RunNotes() {}

  public static String text(List<RunInfo> runs) {
    StringBuilder out = new StringBuilder();
    for (RunInfo run : runs) {
      lines(run).forEach(line -> out.append("lineprof: ").append(line).append('\n'));
    }
    return out.toString();
  }

  /**
   * A run's notes, one per line, without the {@code lineprof: } prefix; HTML and Markdown show them
   * too.
   */
  public static List<String> lines(RunInfo run) {
    List<String> lines = new ArrayList<>();
    StringBuilder how = new StringBuilder(run.mode()).append(" mode");
    for (String key : SHOWN) {
      String value = run.settings().get(key);
      if (value != null) {
        how.append("; ").append(key).append(": ").append(value);
      }
    }
    lines.add(how.toString());
    sources(run.sources()).ifPresent(lines::add);
    run.sources().unreliableLines().forEach(note -> lines.add("unreliable: " + note));
    for (String key : OWN_LINE) {
      String value = run.settings().get(key);
      if (value != null) {
        lines.add(key + ": " + value);
      }
    }
    return lines;
  }

  /** {@code Hits: ...; Time: ...; Bytes: ...}, each part left out when the run did not state it. */
  private static Optional<String> sources(RunInfo.Sources sources) {
    List<String> parts = new ArrayList<>();
    if (sources.hits() != null) {
      parts.add("Hits: " + sources.hits());
    }
    if (sources.time() != null) {
      parts.add("Time: " + sources.time());
    }
    if (sources.allocations() != null) {
      parts.add("Bytes: " + sources.allocations());
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }
}
