package io.github.lineprof.internal.time;

import io.github.lineprof.internal.stats.FunctionInfo;

/** The analysis's counters for one function: per line, and for the function as a whole. */
final class FunctionTally {
  final FunctionInfo function;
  final long[] executionSamples;
  final long[] nativeSamples;
  final long[] blockedEvents;
  final long[] blockedNanos;

  /** The weights (bytes) of the {@code jdk.ObjectAllocationSample} events charged to each line. */
  final long[] allocatedBytes;

  // Events with the function on the stack, each counted once however many of its frames it has.
  long executionSamplesOnStack;
  long nativeSamplesOnStack;
  long blockedEventsOnStack;
  long blockedNanosOnStack;

  /** The number of the last event counted on the stack, so a recursion counts it once. */
  long lastEvent = -1;

  FunctionTally(FunctionInfo function) {
    this.function = function;
    int lines = function.lines().size();
    executionSamples = new long[lines];
    nativeSamples = new long[lines];
    blockedEvents = new long[lines];
    blockedNanos = new long[lines];
    allocatedBytes = new long[lines];
  }

  /** Charges one event to a line of one frame; {@code eventNumber} tells events apart. */
  void charge(int line, TimeEvent event, long nanos, long eventNumber) {
    int i = line - function.firstLine();
    boolean first = lastEvent != eventNumber;
    lastEvent = eventNumber;
    switch (event) {
      case EXECUTION_SAMPLE -> {
        executionSamples[i]++;
        if (first) {
          executionSamplesOnStack++;
        }
      }
      case NATIVE_METHOD_SAMPLE -> {
        nativeSamples[i]++;
        if (first) {
          nativeSamplesOnStack++;
        }
      }
      default -> {
        blockedEvents[i]++;
        blockedNanos[i] += nanos;
        if (first) {
          blockedEventsOnStack++;
          blockedNanosOnStack += nanos;
        }
      }
    }
  }

  /** Charges one allocation sample, standing for {@code bytes}, to a line of one frame. */
  void chargeAllocation(int line, long bytes) {
    allocatedBytes[line - function.firstLine()] += bytes;
  }
}
