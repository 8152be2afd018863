package io.github.lineprof;

import java.util.OptionalLong;

/**
 * One source line of a profiled function, as its row in the table.
 *
 * @param number the line number in the source file
 * @param source the line's text
 * @param depth 0 for a line of the function itself, 1 for a line of a lambda or class inside it, 2
 *     ...; a nested line's time is also in the time of the line that runs it
 * @param hits how often the line ran in the measured invocations
 * @param nanos the line's time (the Time column) in nanoseconds
 * @param bytes the bytes the line allocated, callees included, when the run measured them
 */
public record ProfiledLine(
    int number, String source, int depth, long hits, long nanos, OptionalLong bytes) {}
