package io.github.lineprof.report.stats;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * How and where a profile was taken, so a report read later says what its numbers mean.
 *
 * @param id identifies the run, so a merge can refuse the same run twice; {@code null} in reports
 *     written before runs had ids
 * @param started when the measurement began
 * @param mode how lines were timed: {@code "exact"}, a clock read at every line event, or {@code
 *     "sampled"}, exact hits and times from a sampler thread
 * @param settings the run's settings by name, e.g. {@code warmup=20}, in insertion order
 * @param jvm the Java runtime that ran the code
 * @param machine the machine it ran on; no host name, so reports can be shared
 * @param sources where the Hits and Time columns came from, and which lines' times to distrust
 */
public record RunInfo(
    String id,
    Instant started,
    String mode,
    Map<String, String> settings,
    Jvm jvm,
    Machine machine,
    Sources sources)
    implements Serializable {

  /**
   * The JVM that ran.
   *
   * @param args the JVM's {@code -X} and {@code -XX} options, which change performance, with the
   *     values that may hold secrets or paths left out (see {@link JvmArgs}); other arguments
   *     ({@code -D}, {@code -javaagent:}) are not kept at all
   */
  public record Jvm(String vendor, String version, String vm, String vmVersion, List<String> args)
      implements Serializable {
    public Jvm {
      args = args.stream().map(JvmArgs::redact).toList();
    }
  }

  public record Machine(String os, String osVersion, String arch, int cpus)
      implements Serializable {}

  /**
   * Where each column's numbers came from, in words a reader of the report understands.
   *
   * @param hits e.g. {@code "instrumented copy, 21 invocations"}; {@code null} if not stated
   * @param time e.g. {@code "JFR events of the original, 10234 samples (period 1 ms) and 0 blocking
   *     events over 812 invocations, scaled to 1"}; {@code null} if not stated
   * @param allocations where the bytes allocated per line came from, e.g. {@code "JFR allocation
   *     samples of the original, 1450 samples"}; {@code null} when the run did not measure them
   * @param unreliableLines notes on lines whose times are not to be trusted, e.g. {@code
   *     "Parser.java:42: per-hit time within 3 ns of the probe cost"}
   * @param probeNanos where Time is the instrumented copy's (exact and sampled mode), what one of
   *     its probes' line events costs, in nanoseconds ({@code ProbeCost}); 0 where it is not
   *     (original mode) or not stated (older reports)
   */
  public record Sources(
      String hits, String time, String allocations, List<String> unreliableLines, double probeNanos)
      implements Serializable {
    public static final Sources NONE = new Sources(null, null, null, List.of(), 0);

    public Sources {
      unreliableLines = List.copyOf(unreliableLines);
    }

    public boolean isEmpty() {
      return hits == null && time == null && allocations == null && unreliableLines.isEmpty();
    }
  }

  public RunInfo {
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(jvm, "jvm");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(sources, "sources");
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** A run without an id or sources, as reports written before either existed describe it. */
  public RunInfo(
      Instant started, String mode, Map<String, String> settings, Jvm jvm, Machine machine) {
    this(null, started, mode, settings, jvm, machine, Sources.NONE);
  }

  /** A run in {@code mode} starting now, on this JVM and machine, with a new random id. */
  public static RunInfo current(String mode, Map<String, String> settings) {
    List<String> args =
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(arg -> arg.startsWith("-X"))
            .toList();
    Jvm jvm =
        new Jvm(
            System.getProperty("java.vendor", ""),
            System.getProperty("java.version", ""),
            System.getProperty("java.vm.name", ""),
            System.getProperty("java.vm.version", ""),
            args);
    Machine machine =
        new Machine(
            System.getProperty("os.name", ""),
            System.getProperty("os.version", ""),
            System.getProperty("os.arch", ""),
            Runtime.getRuntime().availableProcessors());
    return new RunInfo(
        UUID.randomUUID().toString(), Instant.now(), mode, settings, jvm, machine, Sources.NONE);
  }

  private RunInfo with(Sources sources) {
    return new RunInfo(id, started, mode, settings, jvm, machine, sources);
  }

  /** This run, stating where Hits and Time came from ({@code null}: not stated). */
  public RunInfo withSources(String hits, String time) {
    return with(
        new Sources(
            hits, time, sources.allocations(), sources.unreliableLines(), sources.probeNanos()));
  }

  /** This run, stating where the bytes allocated per line came from. */
  public RunInfo withAllocationSource(String allocations) {
    return with(
        new Sources(
            sources.hits(),
            sources.time(),
            allocations,
            sources.unreliableLines(),
            sources.probeNanos()));
  }

  /** This run, with notes on the lines whose times are not to be trusted. */
  public RunInfo withUnreliableLines(List<String> notes) {
    return with(
        new Sources(
            sources.hits(), sources.time(), sources.allocations(), notes, sources.probeNanos()));
  }

  /** This run, whose times are the instrumented copy's, with what a probe's line event costs. */
  public RunInfo withProbeNanos(double probeNanos) {
    return with(
        new Sources(
            sources.hits(),
            sources.time(),
            sources.allocations(),
            sources.unreliableLines(),
            probeNanos));
  }
}
