package io.github.lineprof.internal.time;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * What each sample stands for, in nanoseconds, read from the timelines of the threads whose time is
 * known over a window of a recording (the harness's scenario thread, JMH's workers).
 *
 * <p>The thread's duration events ({@link TimeEvent}: sleeps, parks, reads...) measure their time;
 * the rest of the window is gaps between them. HotSpot's sampler misses much of a gap: it takes
 * fewer samples than its period promises (the more so on a loaded machine), and never sees a thread
 * inside the VM (allocating and zeroing a large array, JFR writing an event's stack trace) or, but
 * for one thread a period, in native code. So the samples' weight is not the period. Instead, gaps
 * between the same two events (the same event types with the same stacks: the same code path, e.g.
 * "after the park, before the file read") form a class, and a class's gaps are charged their wall
 * time by their own samples: each of them weighs the class's time divided by its samples. Time of
 * that kind lands on the code that ran there, not on code that ran elsewhere in the call.
 *
 * <p>Classes whose gaps got no sample at all (the few microseconds between a sleep and a park, or a
 * file's opening on a loaded machine, where the native sampler looks at one thread a round) have
 * only the events around each gap to say where it was. The gap goes to the event after it (at the
 * window's end, to the one before): what runs between two events is mostly the code leading to the
 * second (opening a file and allocating its buffer before the read), while the first ends with its
 * event but for a return. (A thread with no event has one gap, the window, which its samples
 * share.) {@link #unsampledShare()} says how much time was charged that way, estimated. Samples
 * inside one of the thread's events are covered by it (weight 0). Samples of threads not measured
 * weigh the mean of the measured samples.
 */
public final class SampleWeights {
  /** Per measured thread, by {@code Thread.getId()}: its gaps and their samples' weight. */
  private final Map<Long, Timeline> timelines;

  private final double meanWeight;
  private final long windowNanos;
  private final long unsampledNanos;
  private final long windowStart;

  private SampleWeights(
      long windowStart,
      Map<Long, Timeline> timelines,
      double meanWeight,
      long windowNanos,
      long unsampledNanos) {
    this.windowStart = windowStart;
    this.timelines = timelines;
    this.meanWeight = meanWeight;
    this.windowNanos = windowNanos;
    this.unsampledNanos = unsampledNanos;
  }

  /**
   * The weights of the samples of a recording, measured on the threads {@code threads} accepts over
   * its window (each thread taken as alive over all of it).
   */
  public static SampleWeights measure(Path recording, TimeFilter threads) throws IOException {
    long start = nanosOf(threads.from());
    long end = nanosOf(threads.to());
    Map<Long, List<Interval>> events = new HashMap<>();
    Map<Long, List<Long>> samples = new HashMap<>();
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        TimeEvent kind = TimeEvent.named(event.getEventType().getName());
        if (kind == null) {
          continue;
        }
        RecordedThread thread =
            kind.sampled() ? event.getThread("sampledThread") : event.getThread();
        if (thread == null || !threads.accepts(thread)) {
          continue;
        }
        long id = thread.getJavaThreadId();
        long at = nanosOf(event.getStartTime());
        if (kind.sampled()) {
          if (at >= start && at < end) {
            samples.computeIfAbsent(id, k -> new ArrayList<>()).add(at);
          }
          continue;
        }
        long from = Math.max(start, at);
        long to = Math.min(end, nanosOf(event.getEndTime()));
        if (from < to) {
          events
              .computeIfAbsent(id, k -> new ArrayList<>())
              .add(new Interval(from, to, classOf(kind, event.getStackTrace())));
        }
      }
    }
    return of(start, end, events, samples);
  }

  /**
   * The weights from the threads' time [start, end) in nanoseconds: per thread, its events and its
   * samples' times.
   */
  static SampleWeights of(
      long start, long end, Map<Long, List<Interval>> events, Map<Long, List<Long>> sampleTimes) {
    Map<Long, List<Gap>> gapsByThread = new HashMap<>();
    Map<Long, long[]> classes = new HashMap<>(); // nanos, samples
    long samples = 0;
    for (Long thread : union(events.keySet(), sampleTimes.keySet())) {
      List<Gap> gaps = gaps(start, end, events.getOrDefault(thread, new ArrayList<>()));
      int[] inGap = new int[gaps.size()];
      for (long at : sampleTimes.getOrDefault(thread, List.of())) {
        int gap = gapAt(gaps, at);
        if (gap >= 0) {
          inGap[gap]++;
          samples++;
        }
      }
      for (int i = 0; i < gaps.size(); i++) {
        long[] tally = classes.computeIfAbsent(gaps.get(i).key(), k -> new long[2]);
        tally[0] += gaps.get(i).end() - gaps.get(i).start();
        tally[1] += inGap[i];
      }
      gapsByThread.put(thread, gaps);
    }
    Map<Long, Timeline> timelines = new HashMap<>();
    long[] unsampled = new long[1];
    long sampled = 0;
    for (long[] tally : classes.values()) {
      sampled += tally[1] == 0 ? 0 : tally[0];
    }
    gapsByThread.forEach(
        (thread, gaps) -> {
          List<Double> weights = new ArrayList<>(gaps.size());
          Map<Long, Long> beside = new HashMap<>();
          for (int i = 0; i < gaps.size(); i++) {
            Gap gap = gaps.get(i);
            long[] tally = classes.get(gap.key());
            weights.add(tally[1] == 0 ? 0 : tally[0] / (double) tally[1]);
            if (tally[1] == 0) {
              long nanos = gap.end() - gap.start();
              unsampled[0] += nanos;
              // the code leading to the next event (at the window's end, the last one's)
              beside.merge(gap.before() == NO_EVENT ? gap.after() : gap.before(), nanos, Long::sum);
            }
          }
          timelines.put(thread, new Timeline(gaps, weights, beside));
        });
    double mean = samples == 0 ? 0 : sampled / (double) samples;
    long window = Math.max(0, end - start) * timelines.size();
    return new SampleWeights(start, timelines, mean, window, unsampled[0]);
  }

  private static Set<Long> union(Set<Long> a, Set<Long> b) {
    Set<Long> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * The parts of [start, end) outside the events (overlapping events merged), each classed and with
   * the starts of the events around it.
   */
  private static List<Gap> gaps(long start, long end, List<Interval> events) {
    events.sort(Comparator.comparingLong(Interval::start));
    List<Gap> gaps = new ArrayList<>();
    long covered = start;
    long before = WINDOW_EDGE;
    long beforeStart = NO_EVENT;
    for (Interval event : events) {
      if (event.start() > covered) {
        gaps.add(
            new Gap(
                covered, event.start(), gapClass(before, event.key()), beforeStart, event.start()));
      }
      if (event.end() > covered) {
        covered = event.end();
        before = event.key();
        beforeStart = event.start();
      }
    }
    if (end > covered) {
      gaps.add(new Gap(covered, end, gapClass(before, WINDOW_EDGE), beforeStart, NO_EVENT));
    }
    return gaps;
  }

  /**
   * What a sample of {@code javaThreadId} at {@code time} stands for in nanoseconds: 0 inside one
   * of this thread's events, which measured that time.
   */
  double weight(long javaThreadId, Instant time) {
    Timeline timeline = timelines.get(javaThreadId);
    if (timeline == null) {
      return meanWeight;
    }
    int gap = gapAt(timeline.gaps(), nanosOf(time));
    return gap < 0 ? 0 : timeline.weights().get(gap);
  }

  /**
   * The nanoseconds of unsampled gaps that go to a duration event of {@code javaThreadId} starting
   * at {@code start}, besides its own duration.
   */
  long besideEvent(long javaThreadId, Instant start) {
    Timeline timeline = timelines.get(javaThreadId);
    if (timeline == null) {
      return 0;
    }
    long at = Math.max(nanosOf(start), windowStart);
    return timeline.beside().getOrDefault(at, 0L);
  }

  /**
   * The part of the measured threads' time that no event and no sample saw, charged to the events
   * around it, 0 to 1: the part of the lines' time that is estimated that way.
   */
  public double unsampledShare() {
    return windowNanos == 0 ? 0 : unsampledNanos / (double) windowNanos;
  }

  /** The gap holding {@code at}, or -1 when an event covers it. */
  private static int gapAt(List<Gap> gaps, long at) {
    int low = 0;
    int high = gaps.size() - 1;
    while (low <= high) { // the last gap starting at or before the time
      int middle = (low + high) >>> 1;
      if (gaps.get(middle).start() <= at) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return high >= 0 && at < gaps.get(high).end() ? high : -1;
  }

  /** A time interval of a thread, and its class: the code around it. */
  record Interval(long start, long end, long key) {}

  /**
   * A time of a thread outside its events, its class, and the starts of the events before and after
   * it ({@link #NO_EVENT} at the window's edges).
   */
  private record Gap(long start, long end, long key, long after, long before) {}

  /**
   * A thread's gaps in time order, what a sample in each weighs, and the unsampled time charged to
   * its events, by their start.
   */
  private record Timeline(List<Gap> gaps, List<Double> weights, Map<Long, Long> beside) {}

  private static final long NO_EVENT = Long.MIN_VALUE;

  private static final long WINDOW_EDGE = 0;

  private static long gapClass(long before, long after) {
    return before * 0x9E3779B97F4A7C15L + after;
  }

  /** The event's type and stack, hashed: events at the same place of the same code match. */
  static long classOf(TimeEvent kind, RecordedStackTrace stack) {
    long key = kind.eventName().hashCode();
    if (stack != null) {
      for (RecordedFrame frame : stack.getFrames()) {
        key = key * 31 + frame.getMethod().getType().getName().hashCode();
        key = key * 31 + frame.getMethod().getName().hashCode();
        key = key * 31 + frame.getMethod().getDescriptor().hashCode();
        key = key * 31 + frame.getLineNumber();
      }
    }
    return key == WINDOW_EDGE ? 1 : key;
  }

  static long nanosOf(Instant time) {
    return time.getEpochSecond() * 1_000_000_000L + time.getNano();
  }
}
