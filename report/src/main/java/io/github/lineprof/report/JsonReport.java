package io.github.lineprof.report;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import io.github.lineprof.report.stats.Spread;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * The machine-readable report: raw hits and nanoseconds of every line, with the runs that produced
 * them. The schema is documented in README.md, section "JSON schema"; lineprof-cli reads it. Fields
 * may be added without a new {@link #FORMAT_VERSION}: readers ignore fields they do not know, and
 * the optional ones here are left out when empty, so older readers see what they always saw.
 *
 * <p>The numbers are the raw statistics, not the {@link FunctionRows} a table shows: a report is
 * read back, merged and shown again in any unit.
 */
public final class JsonReport {
  /** Names the format, so a JSON file from another tool is told apart from a lineprof report. */
  static final String SCHEMA = "lineprof-report";

  /** Bumped when a field is removed or changes meaning. */
  static final int FORMAT_VERSION = 1;

  /**
   * Seconds per unit of the {@code nanos} arrays; written for readers that expect line_profiler's
   * unit.
   */
  static final double TIMER_UNIT = FunctionRows.NANOS;

  private JsonReport() {}

  /** The report of {@code stats}, measured by {@code runs}, as pretty-printed UTF-8 JSON text. */
  public static String write(ProfileStats stats, List<RunInfo> runs) {
    JsonWriter json =
        new JsonWriter()
            .beginObject()
            .name("schema")
            .value(SCHEMA)
            .name("format_version")
            .value(FORMAT_VERSION)
            .name("timer_unit")
            .value(TIMER_UNIT)
            .name("runs")
            .beginArray();
    runs.forEach(run -> run(json, run));
    json.endArray().name("functions").beginArray();
    stats.functions().forEach(function -> function(json, function));
    return json.endArray().endObject() + "\n";
  }

  private static void run(JsonWriter json, RunInfo run) {
    json.beginObject()
        .optional("id", run.id())
        .name("started")
        .value(run.started().toString())
        .name("mode")
        .value(run.mode())
        .name("settings")
        .beginObject();
    run.settings().forEach((name, value) -> json.name(name).value(value));
    RunInfo.Jvm jvm = run.jvm();
    json.endObject()
        .name("jvm")
        .beginObject()
        .name("vendor")
        .value(jvm.vendor())
        .name("version")
        .value(jvm.version())
        .name("vm")
        .value(jvm.vm())
        .name("vm_version")
        .value(jvm.vmVersion())
        .name("args")
        .beginArray();
    jvm.args().forEach(json::value);
    RunInfo.Machine machine = run.machine();
    json.endArray()
        .endObject()
        .name("machine")
        .beginObject()
        .name("os")
        .value(machine.os())
        .name("os_version")
        .value(machine.osVersion())
        .name("arch")
        .value(machine.arch())
        .name("cpus")
        .value(machine.cpus())
        .endObject();
    RunInfo.Sources sources = run.sources();
    json.optional("hits_source", sources.hits())
        .optional("time_source", sources.time())
        .optional("allocation_source", sources.allocations());
    if (!sources.unreliableLines().isEmpty()) {
      json.name("unreliable_lines").beginArray();
      sources.unreliableLines().forEach(json::value);
      json.endArray();
    }
    if (sources.probeNanos() > 0) {
      json.name("probe_nanos").value(sources.probeNanos());
    }
    json.endObject();
  }

  private static void function(JsonWriter json, FunctionStats function) {
    FunctionInfo info = function.info();
    json.beginObject()
        .name("file")
        .value(info.file())
        .name("name")
        .value(info.name())
        .name("first_line")
        .value(info.firstLine());
    function.calls().ifPresent(calls -> json.name("calls").value(calls));
    json.name("lines").beginArray();
    info.lines().forEach(json::value);
    json.endArray();
    if (info.hasNested()) {
      perLine(json, "depth", info, info::depth);
    }
    perLine(json, "hits", info, function::hits);
    perLine(json, "nanos", info, function::nanos);
    if (function.hasBytes()) {
      perLine(json, "bytes", info, function::bytes);
    }
    if (function.hasSamples()) {
      perLine(json, "samples", info, function::samples);
    }
    if (function.hasSpread()) {
      spread(json, function);
    }
    if (function.runCount() > 0) {
      json.name("run_nanos").beginArray();
      for (int run = 0; run < function.runCount(); run++) {
        int r = run;
        json.beginArray();
        for (int line = info.firstLine(); line <= info.lastLine(); line++) {
          json.value(function.runNanos(r, line));
        }
        json.endArray();
      }
      json.endArray();
      if (function.hasRunControl()) {
        json.name("run_control_nanos").beginArray();
        for (int run = 0; run < function.runCount(); run++) {
          json.value(function.runControl(run));
        }
        json.endArray();
      }
    }
    json.endObject();
  }

  private static void perLine(
      JsonWriter json, String name, FunctionInfo info, IntToLongFunction values) {
    json.name(name).beginArray();
    for (int line = info.firstLine(); line <= info.lastLine(); line++) {
      json.value(values.applyAsLong(line));
    }
    json.endArray();
  }

  /**
   * Per line, its hits' min, median, p99 and max in nanoseconds and the histogram they come from:
   * each nonzero bucket's count under its lower bound in nanoseconds ({@link Spread}); {@code {}}
   * for a line no hit of which was timed.
   */
  private static void spread(JsonWriter json, FunctionStats function) {
    json.name("spread").beginArray();
    for (int line = function.info().firstLine(); line <= function.info().lastLine(); line++) {
      json.beginObject();
      Spread.Summary summary = function.spread(line);
      if (summary != null) {
        json.name("min")
            .value(summary.min())
            .name("median")
            .value(summary.median())
            .name("p99")
            .value(summary.p99())
            .name("max")
            .value(summary.max())
            .name("buckets")
            .beginObject();
        long[] buckets = function.buckets(line);
        for (int b = 0; b < buckets.length; b++) {
          if (buckets[b] != 0) {
            json.name(Long.toString(Spread.lowerBound(b))).value(buckets[b]);
          }
        }
        json.endObject();
      }
      json.endObject();
    }
    json.endArray();
  }
}
