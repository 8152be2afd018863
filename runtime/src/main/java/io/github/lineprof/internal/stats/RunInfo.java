package io.github.lineprof.internal.stats;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How and where a profile was taken, so a report read later says what its numbers mean.
 *
 * @param started when the measurement began
 * @param mode how lines were timed: {@code "exact"}, a clock read at every line event, or
 *     {@code "sampled"}, exact hits and times from a sampler thread
 * @param settings the run's settings by name, e.g. {@code warmup=20}, in insertion order
 * @param jvm the Java runtime that ran the code
 * @param machine the machine it ran on; no host name, so reports can be shared
 */
public record RunInfo(Instant started, String mode, Map<String, String> settings, Jvm jvm, Machine machine)
    implements Serializable {

  /**
   * @param args the JVM's {@code -X} and {@code -XX} options, which change performance; other
   *     arguments ({@code -D}, {@code -javaagent:}) are left out as they may hold secrets or paths
   */
  public record Jvm(String vendor, String version, String vm, String vmVersion, List<String> args)
      implements Serializable {
    public Jvm {
      args = List.copyOf(args);
    }
  }

  public record Machine(String os, String osVersion, String arch, int cpus) implements Serializable {}

  public RunInfo {
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(jvm, "jvm");
    Objects.requireNonNull(machine, "machine");
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** A run in {@code mode} starting now, on this JVM and machine. */
  public static RunInfo current(String mode, Map<String, String> settings) {
    List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(arg -> arg.startsWith("-X"))
        .toList();
    Jvm jvm = new Jvm(System.getProperty("java.vendor", ""), System.getProperty("java.version", ""),
        System.getProperty("java.vm.name", ""), System.getProperty("java.vm.version", ""), args);
    Machine machine = new Machine(System.getProperty("os.name", ""), System.getProperty("os.version", ""),
        System.getProperty("os.arch", ""), Runtime.getRuntime().availableProcessors());
    return new RunInfo(Instant.now(), mode, settings, jvm, machine);
  }
}
