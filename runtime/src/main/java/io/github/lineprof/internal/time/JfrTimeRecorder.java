package io.github.lineprof.internal.time;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;
import jdk.jfr.EventSettings;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * Records in this JVM the events of {@link TimeEvent} and the allocation samples, with stack
 * traces, and nothing else but the settings that tell the analysis each sampler's period.
 *
 * <p>Allocation samples are not throttled: JFR then takes one each time a thread gets a new TLAB or
 * allocates outside one, whose weight is all the thread allocated since its previous sample, so the
 * weights add up to what the thread allocated. That is one stack trace per TLAB (hundreds of
 * kilobytes to megabytes), too few to cost anything; a throttle (150/s by default in JFR's settings
 * files) would leave the weights as exact but put them on fewer stacks.
 *
 * <p>Not {@code jdk.CPUTimeSample} (JDK 25, Linux, experimental): it samples CPU time, so a line
 * that waits would get none, and line_profiler's Time is wall-clock.
 */
public final class JfrTimeRecorder implements AutoCloseable {
  /** JDK 17's sampler counts whole milliseconds; shorter periods gave no more samples here. */
  static final Duration DEFAULT_PERIOD = Duration.ofMillis(1);

  /** JFR's own default is 64 frames, too few under JUnit, JMH or a recursion. */
  public static final int DEFAULT_STACK_DEPTH = 256;

  private static final Pattern STACK_DEPTH = Pattern.compile("Stack depth: (\\d+)");

  /** One of the two: a recording, or a recording that is also streamed. */
  private final Recording recording;

  private final RecordingStream stream;

  private final Duration period;
  private final int stackDepth;

  private JfrTimeRecorder(
      Recording recording, RecordingStream stream, Duration period, int stackDepth) {
    this.recording = recording;
    this.stream = stream;
    this.period = period;
    this.stackDepth = stackDepth;
  }

  public static JfrTimeRecorder start() {
    return start(DEFAULT_PERIOD, DEFAULT_STACK_DEPTH);
  }

  /**
   * Starts recording. The stack depth is JVM-wide and JFR takes it only before its first recording
   * in this JVM; later the depth already in force stays (see {@link #stackDepth()}).
   */
  public static JfrTimeRecorder start(Duration period, int stackDepth) {
    int depth = configureStackDepth(stackDepth);
    Recording recording = new Recording();
    recording.setName("lineprof time");
    // On disk, so a long run loses no events to the in-memory ring buffer.
    recording.setToDisk(true);
    enableEvents(recording::enable, period);
    recording.start();
    return new JfrTimeRecorder(recording, null, period, depth);
  }

  /**
   * Starts recording, the same events as {@link #start(Duration, int)}, and hands each event to
   * {@code events} as JFR writes it out (about once a second, on JFR's streaming thread), then runs
   * {@code flushed}: a look at the recording while it goes on, without reading it back from a file.
   */
  public static JfrTimeRecorder streaming(
      Duration period, int stackDepth, Consumer<RecordedEvent> events, Runnable flushed) {
    int depth = configureStackDepth(stackDepth);
    RecordingStream stream = new RecordingStream();
    enableEvents(stream::enable, period);
    stream.onEvent(events);
    stream.onFlush(flushed);
    stream.startAsync();
    return new JfrTimeRecorder(null, stream, period, depth);
  }

  private static void enableEvents(Function<String, EventSettings> enable, Duration period) {
    for (TimeEvent event : TimeEvent.values()) {
      var settings = enable.apply(event.eventName()).withStackTrace();
      if (event.sampled()) {
        settings.withPeriod(period);
      } else {
        settings.withThreshold(Duration.ZERO);
      }
    }
    enable.apply(LineTimeAnalysis.ALLOCATION_SAMPLE).withStackTrace().with("throttle", "off");
    // The period each sampler ran at, read back by the analysis (JFR may run another recording's).
    var unused = enable.apply("jdk.ActiveSetting");
  }

  public Duration period() {
    return period;
  }

  /** Frames JFR keeps per stack trace, or -1 when it did not say. */
  int stackDepth() {
    return stackDepth;
  }

  /** Stops recording and writes what was recorded to {@code destination}. */
  public void stop(Path destination) throws IOException {
    if (stream != null) {
      // a stream cannot be stopped before JDK 20: the few events after this call are outside the
      // window the analysis reads
      stream.dump(destination);
      stream.close();
      return;
    }
    recording.stop();
    recording.dump(destination);
  }

  /**
   * Has JFR write the recording to {@code destination} when this JVM exits, from its own shutdown
   * hook, however the JVM ends (System.exit included).
   */
  public void writeOnExit(Path destination) throws IOException {
    if (recording == null) {
      throw new IllegalStateException("a streamed recording is not written on exit");
    }
    recording.setDestination(destination);
    recording.setDumpOnExit(true);
  }

  /** Discards the recording (stopping it first if need be). */
  @Override
  public void close() {
    if (stream != null) {
      stream.close();
    } else {
      recording.close();
    }
  }

  /**
   * Asks for the depth through the {@code JFR.configure} diagnostic command; returns the depth in
   * force.
   */
  private static int configureStackDepth(int depth) {
    String[] arguments =
        FlightRecorder.isInitialized() ? new String[0] : new String[] {"stackdepth=" + depth};
    try {
      Object answer =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "jfrConfigure",
                  new Object[] {arguments},
                  new String[] {String[].class.getName()});
      Matcher matcher = STACK_DEPTH.matcher(String.valueOf(answer));
      return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    } catch (JMException | RuntimeException e) {
      return -1; // not HotSpot, or the command is missing: JFR keeps its depth
    }
  }
}
