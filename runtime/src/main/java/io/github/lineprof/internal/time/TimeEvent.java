package io.github.lineprof.internal.time;

import java.util.HashMap;
import java.util.Map;

/**
 * The JFR events that together cover a thread's wall-clock time, each with how it is weighed.
 *
 * <p>They do not overlap: the samplers only look at threads in Java code or in native code, and a
 * thread that sleeps, parks, waits or blocks on a monitor is in neither (HotSpot marks it blocked
 * inside the VM, also on JDK 21+ where {@code Thread.sleep} and {@code Object.wait} reach the VM
 * through native methods), so only the duration events see that time. File and socket reads and
 * writes run native code, which the native sampler sees only now and then (one thread a period);
 * their events measure it, and the analysis drops the native samples that fall inside one. All ten
 * exist on JDK 17 and 25.
 */
enum TimeEvent {
  /** Threads running Java code, sampled every period. */
  EXECUTION_SAMPLE("jdk.ExecutionSample", true),
  /** Threads in native code (JNI, blocking I/O); HotSpot samples one such thread per period. */
  NATIVE_METHOD_SAMPLE("jdk.NativeMethodSample", true),
  /** {@code Thread.sleep}. */
  THREAD_SLEEP("jdk.ThreadSleep", false),
  /** {@code LockSupport.park}: locks, queues, futures of {@code java.util.concurrent}. */
  THREAD_PARK("jdk.ThreadPark", false),
  /** {@code Object.wait}. */
  JAVA_MONITOR_WAIT("jdk.JavaMonitorWait", false),
  /** Waiting to enter a contended {@code synchronized}. */
  JAVA_MONITOR_ENTER("jdk.JavaMonitorEnter", false),
  /** Reads of files: {@code FileInputStream}, {@code RandomAccessFile}, {@code FileChannel}. */
  FILE_READ("jdk.FileRead", false),
  /** Writes of files. */
  FILE_WRITE("jdk.FileWrite", false),
  /** Reads of sockets. */
  SOCKET_READ("jdk.SocketRead", false),
  /** Writes of sockets. */
  SOCKET_WRITE("jdk.SocketWrite", false);

  private static final Map<String, TimeEvent> BY_NAME = new HashMap<>();

  static {
    for (TimeEvent event : values()) {
      BY_NAME.put(event.eventName, event);
    }
  }

  private final String eventName;
  private final boolean sampled;

  TimeEvent(String eventName, boolean sampled) {
    this.eventName = eventName;
    this.sampled = sampled;
  }

  /** The JFR event type's name, e.g. {@code jdk.ExecutionSample}. */
  String eventName() {
    return eventName;
  }

  /** Whether an event stands for one sampling period (else it carries its own duration). */
  boolean sampled() {
    return sampled;
  }

  /** Whether the event measures native input or output, which the native sampler also sees. */
  boolean io() {
    return this == FILE_READ || this == FILE_WRITE || this == SOCKET_READ || this == SOCKET_WRITE;
  }

  /** The event of that JFR name, or null when it is none of these. */
  static TimeEvent named(String eventName) {
    return BY_NAME.get(eventName);
  }
}
