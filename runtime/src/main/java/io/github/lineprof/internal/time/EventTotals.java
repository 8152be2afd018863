package io.github.lineprof.internal.time;

/**
 * What one kind of event added up to in the filtered threads and window.
 *
 * @param events the events
 * @param eventsInFunctions those with a frame of a profiled function on their stack
 * @param nanos their time (samples weighed by their period)
 * @param nanosInFunctions the time of those with a frame of a profiled function
 */
record EventTotals(
    TimeEvent event, long events, long eventsInFunctions, long nanos, long nanosInFunctions) {}
