package io.github.lineprof.internal.time;

import io.github.lineprof.report.stats.FunctionInfo;
import java.util.Arrays;
import java.util.List;

/**
 * The analysis's counters for one function: per line, and for the function as a whole.
 *
 * <p>Each event counts once per function, whatever its stack holds (the counting rule): its frames
 * are offered from the innermost out; the innermost invocation of the function (a frame of the
 * function's own method) charges its line and ends the function's part of the event, so an outer
 * invocation's recursive-call line does not get the inner one's time again. Frames of code nested
 * in the function (a lambda body, a method of an anonymous or local class written inside it) that
 * are deeper than that invocation charge their lines too, each distinct line once: they are also in
 * the calling line's time, and are not added again into the function's total, which only counts
 * events with an invocation on the stack.
 */
final class FunctionTally {
  final FunctionInfo function;
  final long[] executionSamples;
  final long[] nativeSamples;

  /** What the samples weigh: a period each, or the nanoseconds of {@link SampleWeights}. */
  final long[] executionUnits;

  final long[] nativeUnits;
  final long[] blockedEvents;
  final long[] blockedNanos;

  /** The weights (bytes) of the {@code jdk.ObjectAllocationSample} events charged to each line. */
  final long[] allocatedBytes;

  // Events with an invocation of the function on the stack, each counted once.
  long executionSamplesOnStack;
  long nativeSamplesOnStack;
  long executionUnitsOnStack;
  long nativeUnitsOnStack;
  long blockedEventsOnStack;
  long blockedNanosOnStack;

  /** The event being charged, and what of it was charged already. */
  private long event = -1;

  private boolean invoked;
  private int[] chargedLines = new int[4];
  private int charged;

  /** The function's method name, and the names between its top-level class and it. */
  private final String method;

  private final List<String> classPath;

  FunctionTally(FunctionInfo function) {
    this.function = function;
    List<String> parts = Arrays.asList(function.name().split("\\."));
    method = parts.get(parts.size() - 1);
    classPath = parts.size() > 2 ? List.copyOf(parts.subList(1, parts.size() - 1)) : List.of();
    int lines = function.lines().size();
    executionSamples = new long[lines];
    nativeSamples = new long[lines];
    executionUnits = new long[lines];
    nativeUnits = new long[lines];
    blockedEvents = new long[lines];
    blockedNanos = new long[lines];
    allocatedBytes = new long[lines];
  }

  /**
   * Whether a frame of this function's lines is an invocation of the function itself, rather than
   * of code nested in it: its method name is the function's, and its class the function's (a member
   * class by its names; a local class by its name, an anonymous one by being one).
   */
  boolean invokedBy(String frameClass, String frameMethod) {
    if (!frameMethod.equals(method)) {
      return false;
    }
    int dollar = frameClass.indexOf('$');
    if (dollar < 0) {
      return classPath.isEmpty();
    }
    if (classPath.isEmpty()) {
      return false;
    }
    List<String> nested = Arrays.asList(frameClass.substring(dollar + 1).split("\\$"));
    String last = nested.get(nested.size() - 1);
    String name = last.replaceFirst("^[0-9]+", "");
    if (nested.stream().noneMatch(n -> !n.isEmpty() && Character.isDigit(n.charAt(0)))) {
      return classPath.equals(nested);
    }
    return name.isEmpty() || name.equals(classPath.get(classPath.size() - 1));
  }

  /**
   * Charges one event to the line of one frame, offered innermost first; {@code eventNumber} tells
   * events apart, {@code invocation} whether the frame is the function's own method. {@code amount}
   * is a duration event's nanoseconds, or what a sample weighs.
   */
  void charge(int line, boolean invocation, TimeEvent kind, long amount, long eventNumber) {
    if (outer(eventNumber)) {
      return;
    }
    if (firstAt(line)) {
      int i = line - function.firstLine();
      switch (kind) {
        case EXECUTION_SAMPLE -> {
          executionSamples[i]++;
          executionUnits[i] += amount;
        }
        case NATIVE_METHOD_SAMPLE -> {
          nativeSamples[i]++;
          nativeUnits[i] += amount;
        }
        default -> {
          blockedEvents[i]++;
          blockedNanos[i] += amount;
        }
      }
    }
    if (invocation) {
      invoked = true;
      switch (kind) {
        case EXECUTION_SAMPLE -> {
          executionSamplesOnStack++;
          executionUnitsOnStack += amount;
        }
        case NATIVE_METHOD_SAMPLE -> {
          nativeSamplesOnStack++;
          nativeUnitsOnStack += amount;
        }
        default -> {
          blockedEventsOnStack++;
          blockedNanosOnStack += amount;
        }
      }
    }
  }

  /** Charges one allocation sample, standing for {@code bytes}, as {@link #charge} charges time. */
  void chargeAllocation(int line, boolean invocation, long bytes, long eventNumber) {
    if (outer(eventNumber)) {
      return;
    }
    if (firstAt(line)) {
      allocatedBytes[line - function.firstLine()] += bytes;
    }
    invoked = invocation;
  }

  /**
   * Whether the frame is outside the innermost invocation already charged for this event (an outer
   * invocation, or code nested in one): the inner invocation has its time.
   */
  private boolean outer(long eventNumber) {
    if (event != eventNumber) {
      event = eventNumber;
      invoked = false;
      charged = 0;
    }
    return invoked;
  }

  /** Whether no deeper frame of this event charged {@code line} yet; notes that it now has. */
  private boolean firstAt(int line) {
    for (int i = 0; i < charged; i++) {
      if (chargedLines[i] == line) {
        return false;
      }
    }
    if (charged == chargedLines.length) {
      chargedLines = Arrays.copyOf(chargedLines, 2 * charged);
    }
    chargedLines[charged++] = line;
    return true;
  }
}
