package io.github.lineprof.internal.report;

import io.github.lineprof.internal.stats.RunInfo;
import java.util.List;

/**
 * The lines under the text report's tables that say how the numbers were made: mode, calibration,
 * samples, overhead. The tables above them stay exactly line_profiler's.
 */
public final class RunNotes {
  private static final List<String> SHOWN = List.of("hits", "time", "calibration", "samples", "overhead");

  private RunNotes() {}

  public static String text(List<RunInfo> runs) {
    StringBuilder out = new StringBuilder();
    for (RunInfo run : runs) {
      out.append("lineprof: ").append(run.mode()).append(" mode");
      for (String key : SHOWN) {
        String value = run.settings().get(key);
        if (value != null) {
          out.append("; ").append(key).append(": ").append(value);
        }
      }
      out.append('\n');
    }
    return out.toString();
  }
}
