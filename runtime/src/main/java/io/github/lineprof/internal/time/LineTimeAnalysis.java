package io.github.lineprof.internal.time;

import io.github.lineprof.report.stats.FunctionInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Charges the {@link TimeEvent}s of a JFR recording to the lines of the profiled functions: an
 * event counts once per function, on the line of its innermost invocation and on the distinct lines
 * of code nested in it that run deeper (see {@link FunctionTally}). One pass, a hash lookup per
 * frame; other events of the recording are skipped. Allocation samples ({@value
 * #ALLOCATION_SAMPLE}) are charged the same way, with the bytes they stand for.
 */
public final class LineTimeAnalysis {
  private static final String ACTIVE_SETTING = "jdk.ActiveSetting";
  static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ns|us|ms|s|m|h|d)");

  private final FunctionIndex index;
  private final TimeFilter filter;

  /** What each sample weighs; null when a sample weighs its sampler's period. */
  private final SampleWeights weights;

  /** Whether events come as they are recorded, to be looked at while the recording goes on. */
  private final boolean live;

  private final long[] events = new long[TimeEvent.values().length];
  private final long[] eventsInFunctions = new long[events.length];
  private final long[] blockedNanos = new long[events.length];
  private final long[] blockedNanosInFunctions = new long[events.length];
  private long truncatedStacks;
  private long eventNumber;

  /** Shortest period each event type was set to, by JFR's id of the type. */
  private final Map<Long, Long> periodsByTypeId = new HashMap<>();

  private long executionTypeId = -1;
  private long nativeTypeId = -1;

  /**
   * Per thread, its earliest allocation sample so far, held back: that one is never charged, as its
   * weight is all the thread allocated since its previous sample, which may be long before the
   * recording (a warm-up's gigabytes). Events are not in time order in the file, so a sample is
   * only charged once an earlier one of its thread is known.
   */
  private final Map<Long, RecordedEvent> earliestAllocation = new HashMap<>();

  private long allocationSamples;

  /** Per thread, the [start, end] nanoseconds of its input and output events. */
  private final Map<Long, List<long[]>> io = new HashMap<>();

  /** The native samples, held until every input and output event is known. */
  private final List<RecordedEvent> nativeSamples = new ArrayList<>();

  private LineTimeAnalysis(
      Collection<FunctionInfo> functions, TimeFilter filter, SampleWeights weights, boolean live) {
    this.index = new FunctionIndex(functions);
    this.filter = filter;
    this.weights = weights;
    this.live = live;
  }

  /**
   * An analysis fed event by event ({@link #accept}) while a recording goes on, whose {@link
   * #sofar} can be read at any time, for a running estimate of how precise the times are. It
   * approximates: native samples are charged at once (a later input or output event that covers
   * them cannot be waited for) and allocation samples are skipped.
   */
  public static LineTimeAnalysis live(Collection<FunctionInfo> functions) {
    return new LineTimeAnalysis(functions, TimeFilter.everything(), null, true);
  }

  /** The times of the events accepted so far (of a {@link #live} analysis). */
  public LineTimes sofar() {
    if (!live) {
      throw new IllegalStateException("only a live analysis is read while it goes on");
    }
    return result();
  }

  public static LineTimes analyze(Path recording, Collection<FunctionInfo> functions)
      throws IOException {
    return analyze(recording, functions, TimeFilter.everything());
  }

  public static LineTimes analyze(
      Path recording, Collection<FunctionInfo> functions, TimeFilter filter) throws IOException {
    return analyze(recording, functions, filter, null);
  }

  /**
   * The analysis of the events {@code filter} accepts, each sample weighed by the timelines of the
   * threads {@code timelines} accepts over its window ({@link SampleWeights}), each duration event
   * carrying the unsampled time around it: how every launcher that records the original (the
   * harness, JMH's forks, the plugin's second test run) times it.
   */
  public static LineTimes analyzeWeighed(
      Path recording, Collection<FunctionInfo> functions, TimeFilter filter, TimeFilter timelines)
      throws IOException {
    return analyze(recording, functions, filter, SampleWeights.measure(recording, timelines));
  }

  /** The analysis of a recording whose samples weigh {@code weights} (null: their period). */
  private static LineTimes analyze(
      Path recording, Collection<FunctionInfo> functions, TimeFilter filter, SampleWeights weights)
      throws IOException {
    LineTimeAnalysis analysis = new LineTimeAnalysis(functions, filter, weights, false);
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        analysis.accept(file.readEvent());
      }
    }
    return analysis.result();
  }

  /** Charges one event of the recording; events of other types are skipped. */
  public void accept(RecordedEvent event) {
    String typeName = event.getEventType().getName();
    TimeEvent kind = TimeEvent.named(typeName);
    if (kind == null) {
      if (typeName.equals(ACTIVE_SETTING)) {
        notePeriod(event);
      } else if (typeName.equals(ALLOCATION_SAMPLE) && !live) {
        acceptAllocation(event);
      }
      return;
    }
    RecordedThread thread = kind.sampled() ? event.getThread("sampledThread") : event.getThread();
    if (!filter.accepts(thread)) {
      return;
    }
    if (thread == null) {
      return; // an event of no thread: nothing to charge it to
    }
    if (kind.io() && !live) {
      io.computeIfAbsent(thread.getId(), id -> new ArrayList<>())
          .add(
              new long[] {
                SampleWeights.nanosOf(event.getStartTime()),
                SampleWeights.nanosOf(event.getEndTime())
              });
    } else if (kind == TimeEvent.NATIVE_METHOD_SAMPLE && !live) {
      // charged at the end, unless an input or output event of its thread measured that time
      nativeSamples.add(event);
      noteTypeId(kind, event.getEventType().getId());
      return;
    }
    accept(event, kind);
  }

  private void accept(RecordedEvent event, TimeEvent kind) {
    long nanos = 0;
    if (kind.sampled()) {
      noteTypeId(kind, event.getEventType().getId());
      if (filter.windowed() && !within(event.getStartTime())) {
        return;
      }
      nanos = 1; // one period
      if (weights != null) {
        nanos =
            Math.round(
                weights.weight(
                    event.getThread("sampledThread").getJavaThreadId(), event.getStartTime()));
        if (nanos == 0) {
          return; // inside an event of its thread, which measured that time
        }
      }
    } else if (filter.windowed()) {
      Instant start = event.getStartTime();
      Instant end = event.getEndTime();
      if (!start.isBefore(filter.to()) || end.isBefore(filter.from())) {
        return;
      }
      Instant from = start.isAfter(filter.from()) ? start : filter.from();
      Instant to = end.isBefore(filter.to()) ? end : filter.to();
      nanos = Duration.between(from, to).toNanos();
    } else {
      nanos = event.getDuration().toNanos();
    }
    if (!kind.sampled() && weights != null) {
      // the unsampled time next to the event, which it is the best evidence for
      nanos += weights.besideEvent(event.getThread().getJavaThreadId(), event.getStartTime());
    }
    eventNumber++;
    int k = kind.ordinal();
    events[k]++;
    blockedNanos[k] += nanos;
    long number = eventNumber;
    long eventNanos = nanos;
    if (charge(
        event.getStackTrace(),
        (tally, line, invocation) -> tally.charge(line, invocation, kind, eventNanos, number))) {
      eventsInFunctions[k]++;
      blockedNanosInFunctions[k] += nanos;
    }
  }

  private void acceptAllocation(RecordedEvent event) {
    RecordedThread thread = event.getThread();
    if (thread == null || !filter.accepts(thread)) {
      return;
    }
    RecordedEvent earliest = earliestAllocation.get(thread.getId());
    RecordedEvent charged = event;
    if (earliest == null || event.getStartTime().isBefore(earliest.getStartTime())) {
      // the thread's earliest so far: held back, and the one it displaces is charged
      earliestAllocation.put(thread.getId(), event);
      charged = earliest;
    }
    if (charged == null || (filter.windowed() && !within(charged.getStartTime()))) {
      return;
    }
    long bytes = charged.getLong("weight");
    allocationSamples++;
    long number = ++eventNumber;
    charge(
        charged.getStackTrace(),
        (tally, line, invocation) -> tally.chargeAllocation(line, invocation, bytes, number));
  }

  /** What one event adds to a line of a profiled frame. */
  private interface Charge {
    void to(FunctionTally tally, int line, boolean invocation);
  }

  /**
   * Offers the event to every profiled frame, innermost first (JFR's order), each function taking
   * what the counting rule gives it (see {@link FunctionTally}); says whether there was one.
   */
  private boolean charge(RecordedStackTrace stack, Charge charge) {
    if (stack == null) {
      return false;
    }
    if (stack.isTruncated()) {
      truncatedStacks++;
    }
    boolean charged = false;
    for (RecordedFrame frame : stack.getFrames()) {
      int line = frame.getLineNumber();
      if (line < 0 || !frame.isJavaFrame()) {
        continue;
      }
      String type = frame.getMethod().getType().getName();
      for (FunctionTally tally : index.functionsAt(type, line)) {
        charge.to(tally, line, tally.invokedBy(type, frame.getMethod().getName()));
        charged = true;
      }
    }
    return charged;
  }

  private boolean within(Instant time) {
    return !time.isBefore(filter.from()) && time.isBefore(filter.to());
  }

  private void noteTypeId(TimeEvent kind, long typeId) {
    if (kind == TimeEvent.EXECUTION_SAMPLE) {
      executionTypeId = typeId;
    } else {
      nativeTypeId = typeId;
    }
  }

  /**
   * Keeps the shortest: with several recordings running, JFR samples at the shortest period of any.
   */
  private void notePeriod(RecordedEvent setting) {
    if (!"period".equals(setting.getString("name"))) {
      return;
    }
    Matcher matcher = DURATION.matcher(setting.getString("value"));
    if (matcher.matches()) {
      long nanos = toNanos(Long.parseLong(matcher.group(1)), matcher.group(2));
      if (nanos > 0) {
        periodsByTypeId.merge(setting.getLong("id"), nanos, Math::min);
      }
    }
  }

  private static long toNanos(long amount, String unit) {
    return switch (unit) {
      case "ns" -> amount;
      case "us" -> amount * 1_000L;
      case "ms" -> amount * 1_000_000L;
      case "s" -> amount * 1_000_000_000L;
      case "m" -> amount * 60_000_000_000L;
      case "h" -> amount * 3_600_000_000_000L;
      default -> amount * 86_400_000_000_000L;
    };
  }

  private long period(TimeEvent kind, long typeId) {
    if (events[kind.ordinal()] == 0) {
      return 0;
    }
    Long nanos = periodsByTypeId.get(typeId);
    if (nanos == null) {
      throw new IllegalArgumentException(
          "the recording has "
              + kind.eventName()
              + " events but no "
              + ACTIVE_SETTING
              + " event saying their period");
    }
    return nanos;
  }

  /** Charges the native samples that no input or output event of their thread covers. */
  private void acceptNativeSamples() {
    io.values().forEach(intervals -> intervals.sort(Comparator.comparingLong(i -> i[0])));
    for (RecordedEvent sample : nativeSamples) {
      if (!covered(io.get(sample.getThread("sampledThread").getId()), sample.getStartTime())) {
        accept(sample, TimeEvent.NATIVE_METHOD_SAMPLE);
      }
    }
  }

  /** Whether one of a thread's sorted, disjoint intervals holds {@code time}. */
  private static boolean covered(List<long[]> intervals, Instant time) {
    if (intervals == null) {
      return false;
    }
    long at = SampleWeights.nanosOf(time);
    int low = 0;
    int high = intervals.size() - 1;
    while (low <= high) { // the last interval starting at or before the time
      int middle = (low + high) >>> 1;
      if (intervals.get(middle)[0] <= at) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return high >= 0 && intervals.get(high)[1] >= at;
  }

  private LineTimes result() {
    acceptNativeSamples();
    return new LineTimes(
        index.tallies(),
        new LineTimes.Counts(
            events,
            eventsInFunctions,
            blockedNanos,
            blockedNanosInFunctions,
            truncatedStacks,
            allocationSamples),
        period(TimeEvent.EXECUTION_SAMPLE, executionTypeId),
        period(TimeEvent.NATIVE_METHOD_SAMPLE, nativeTypeId),
        weights);
  }
}
