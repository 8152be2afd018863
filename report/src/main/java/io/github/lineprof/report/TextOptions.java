package io.github.lineprof.report;

import java.util.Objects;

/**
 * How to print a report, after line_profiler's {@code show_text} arguments.
 *
 * @param outputUnit seconds per unit of the Time and Per Hit columns; {@code null} for the raw
 *     timer unit (1e-09 s)
 * @param stripZeros hide functions that were never run (total hits 0, as in line_profiler 4.1+)
 * @param summarize end with one {@code seconds - file:line - name} line per function
 * @param sortByTime order functions by ascending total time instead of registration order
 * @param columns whose column rules to follow
 * @param allocations add a Bytes column (bytes allocated per line, callees included) to the
 *     functions whose run measured them; line_profiler has no such column, so it is off by default
 */
public record TextOptions(
    Double outputUnit,
    boolean stripZeros,
    boolean summarize,
    boolean sortByTime,
    Columns columns,
    boolean allocations) {

  public TextOptions {
    Objects.requireNonNull(columns, "columns");
    if (outputUnit != null) {
      OutputUnit.check("output unit", outputUnit);
    }
  }

  /** line_profiler's {@code print_stats()}: raw unit, every function, registration order. */
  public static TextOptions defaults() {
    return new TextOptions(null, false, false, false, Columns.LINE_PROFILER_4_1, false);
  }

  public TextOptions withOutputUnit(Double outputUnit) {
    return new TextOptions(outputUnit, stripZeros, summarize, sortByTime, columns, allocations);
  }

  public TextOptions withStripZeros(boolean stripZeros) {
    return new TextOptions(outputUnit, stripZeros, summarize, sortByTime, columns, allocations);
  }

  public TextOptions withSummarize(boolean summarize) {
    return new TextOptions(outputUnit, stripZeros, summarize, sortByTime, columns, allocations);
  }

  public TextOptions withSortByTime(boolean sortByTime) {
    return new TextOptions(outputUnit, stripZeros, summarize, sortByTime, columns, allocations);
  }

  TextOptions withColumns(Columns columns) {
    return new TextOptions(outputUnit, stripZeros, summarize, sortByTime, columns, allocations);
  }

  public TextOptions withAllocations(boolean allocations) {
    return new TextOptions(outputUnit, stripZeros, summarize, sortByTime, columns, allocations);
  }
}
