package io.github.lineprof.report;

/** Which line_profiler release's column rules the text report follows. */
enum Columns {
  /**
   * line_profiler 4.0.2: fixed widths (Hits 9, Time 12, Per Hit 8); a wider value pushes the rest
   * of its row to the right and the header stays put.
   */
  LINE_PROFILER_4_0,
  /**
   * line_profiler 4.1 and later: a value too wide for its column switches to {@code %g}/{@code
   * %5.3g}, then each column widens to its widest value in the function, header and rule included.
   */
  LINE_PROFILER_4_1
}
