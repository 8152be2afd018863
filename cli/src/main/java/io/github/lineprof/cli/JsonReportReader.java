package io.github.lineprof.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import io.github.lineprof.internal.report.JsonReport;
import io.github.lineprof.internal.stats.FunctionInfo;
import io.github.lineprof.internal.stats.FunctionStats;
import io.github.lineprof.internal.stats.ProfileStats;
import io.github.lineprof.internal.stats.RunInfo;
import io.github.lineprof.internal.stats.Spread;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads what {@link JsonReport#write} wrote (README.md, section "JSON schema"), and rejects
 * anything else with a {@link ReportFormatException} whose one-line message names the bad field.
 * Fields it does not know are ignored, so later writers may add fields; the optional ones (a run's
 * {@code id} and column sources, a function's {@code calls}, {@code depth}, {@code bytes}, {@code
 * samples} and {@code spread}) may be missing, as in older reports.
 */
public final class JsonReportReader {
  private static final Gson GSON = new GsonBuilder().setStrictness(Strictness.STRICT).create();

  /** What a report file holds. */
  public record Report(ProfileStats stats, List<RunInfo> runs) {
    public Report {
      runs = List.copyOf(runs);
    }
  }

  private JsonReportReader() {}

  public static Report read(String json) throws ReportFormatException {
    if (json.isBlank()) {
      throw new ReportFormatException("not JSON: the file is empty");
    }
    JsonElement root;
    try {
      root = GSON.fromJson(json, JsonElement.class);
    } catch (JsonParseException e) {
      throw new ReportFormatException("not JSON: " + syntaxError(e));
    }
    if (root == null || !root.isJsonObject()) {
      throw new ReportFormatException("not a lineprof report: not a JSON object");
    }
    Fields report = new Fields(root.getAsJsonObject(), "report");
    JsonElement schema = report.object.get("schema");
    if (schema == null || !schema.equals(new JsonPrimitive(JsonReport.SCHEMA))) {
      throw new ReportFormatException(
          "not a lineprof report: "
              + (schema == null
                  ? "no \"schema\" field"
                  : "\"schema\" is " + brief(schema) + ", not \"" + JsonReport.SCHEMA + "\""));
    }
    int version = report.integer("format_version");
    if (version != JsonReport.FORMAT_VERSION) {
      throw new ReportFormatException(
          "unsupported format_version "
              + version
              + "; this lineprof reads version "
              + JsonReport.FORMAT_VERSION);
    }
    JsonElement unit = report.get("timer_unit");
    if (!isNumber(unit) || unit.getAsDouble() != JsonReport.TIMER_UNIT) {
      throw new ReportFormatException(
          "report: unsupported timer_unit " + brief(unit) + "; expected 1e-9 (nanoseconds)");
    }
    List<RunInfo> runs = new ArrayList<>();
    JsonArray runArray = report.array("runs");
    for (int i = 0; i < runArray.size(); i++) {
      runs.add(readRun(Fields.of(runArray.get(i), "runs[" + i + "]")));
    }
    List<FunctionStats> functions = new ArrayList<>();
    Map<FunctionInfo.Key, Integer> seen = new HashMap<>();
    JsonArray functionArray = report.array("functions");
    for (int i = 0; i < functionArray.size(); i++) {
      FunctionStats function =
          readFunction(Fields.of(functionArray.get(i), "functions[" + i + "]"));
      Integer earlier = seen.putIfAbsent(function.info().key(), i);
      if (earlier != null) {
        throw new ReportFormatException(
            "functions["
                + i
                + "] ("
                + function.info().name()
                + ") repeats functions["
                + earlier
                + "]");
      }
      functions.add(function);
    }
    return new Report(new ProfileStats(functions), runs);
  }

  private static RunInfo readRun(Fields run) throws ReportFormatException {
    Instant started;
    try {
      started = Instant.parse(run.string("started"));
    } catch (DateTimeParseException e) {
      throw new ReportFormatException(
          run.path + ".started: not an ISO-8601 instant: " + brief(run.get("started")));
    }
    Map<String, String> settings = new LinkedHashMap<>();
    Fields settingsFields = run.fields("settings");
    for (String name : settingsFields.object.keySet()) {
      settings.put(name, settingsFields.string(name));
    }
    Fields jvm = run.fields("jvm");
    Fields machine = run.fields("machine");
    List<String> unreliable =
        run.object.has("unreliable_lines") ? run.strings("unreliable_lines") : List.of();
    return new RunInfo(
        run.optionalString("id"),
        started,
        run.string("mode"),
        settings,
        new RunInfo.Jvm(
            jvm.string("vendor"),
            jvm.string("version"),
            jvm.string("vm"),
            jvm.string("vm_version"),
            jvm.strings("args")),
        new RunInfo.Machine(
            machine.string("os"),
            machine.string("os_version"),
            machine.string("arch"),
            machine.integer("cpus")),
        new RunInfo.Sources(
            run.optionalString("hits_source"),
            run.optionalString("time_source"),
            run.optionalString("allocation_source"),
            unreliable));
  }

  private static FunctionStats readFunction(Fields function) throws ReportFormatException {
    String name = function.string("name");
    int firstLine = function.integer("first_line");
    if (firstLine < 1) {
      throw new ReportFormatException(
          function.path + " (" + name + "): first_line " + firstLine + " is not a line number");
    }
    JsonArray lineArray = function.array("lines");
    JsonArray hitArray = function.array("hits");
    JsonArray nanoArray = function.array("nanos");
    int n = lineArray.size();
    if (hitArray.size() != n || nanoArray.size() != n) {
      throw new ReportFormatException(
          function.path
              + " ("
              + name
              + "): "
              + hitArray.size()
              + " hits and "
              + nanoArray.size()
              + " nanos for "
              + n
              + " lines");
    }
    if ((long) firstLine + n - 1 > Integer.MAX_VALUE) {
      throw new ReportFormatException(
          function.path
              + " ("
              + name
              + "): "
              + n
              + " lines from first_line "
              + firstLine
              + " go beyond the largest line number, "
              + Integer.MAX_VALUE);
    }
    List<String> lines = new ArrayList<>(n);
    long[] hits = new long[n];
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      int index = i;
      lines.add(string(lineArray.get(i), () -> function.path + ".lines[" + index + "]"));
      hits[i] = count(hitArray.get(i), () -> function.path + ".hits[" + index + "]");
      nanos[i] = count(nanoArray.get(i), () -> function.path + ".nanos[" + index + "]");
    }
    FunctionStats stats =
        new FunctionStats(
            new FunctionInfo(
                function.string("file"), name, firstLine, lines, readDepths(function, n)),
            hits,
            nanos);
    if (function.object.has("bytes")) {
      stats = stats.withBytes(perLine(function, "bytes", n));
    }
    if (function.object.has("samples")) {
      stats = stats.withSamples(perLine(function, "samples", n));
    }
    if (function.object.has("spread")) {
      stats = stats.withSpread(readSpread(function, n));
    }
    return function.object.has("calls")
        ? stats.withCalls(count(function.get("calls"), () -> function.path + ".calls"))
        : stats;
  }

  /** An optional array of counts, one per line. */
  private static long[] perLine(Fields function, String name, int lines)
      throws ReportFormatException {
    JsonArray array = function.array(name);
    if (array.size() != lines) {
      throw new ReportFormatException(
          function.path + ": " + array.size() + " " + name + " for " + lines + " lines");
    }
    long[] values = new long[lines];
    for (int i = 0; i < lines; i++) {
      int index = i;
      values[i] = count(array.get(i), () -> function.path + "." + name + "[" + index + "]");
    }
    return values;
  }

  /** The optional {@code "depth"} of each line; none (all top-level) in older reports. */
  private static List<Integer> readDepths(Fields function, int n) throws ReportFormatException {
    if (!function.object.has("depth")) {
      return List.of();
    }
    long[] depths = perLine(function, "depth", n);
    List<Integer> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (depths[i] > Integer.MAX_VALUE || (i == 0 && depths[i] != 0)) {
        throw new ReportFormatException(
            function.path
                + ".depth["
                + i
                + "]: "
                + depths[i]
                + (i == 0 ? ", but the first line is the function's own (0)" : " is too large"));
      }
      list.add((int) depths[i]);
    }
    return list;
  }

  /**
   * The buckets of {@code "spread"}; its min, median, p99 and max follow from them and are not
   * read.
   */
  private static long[] readSpread(Fields function, int n) throws ReportFormatException {
    JsonArray spreadArray = function.array("spread");
    if (spreadArray.size() != n) {
      throw new ReportFormatException(
          function.path + ".spread: " + spreadArray.size() + " entries for " + n + " lines");
    }
    long[] buckets = new long[n * Spread.BUCKETS];
    for (int i = 0; i < n; i++) {
      Fields line = Fields.of(spreadArray.get(i), function.path + ".spread[" + i + "]");
      if (!line.object.has("buckets")) {
        continue;
      }
      Fields counts = line.fields("buckets");
      for (String bound : counts.object.keySet()) {
        int b = bucketOf(bound);
        if (b < 0) {
          throw new ReportFormatException(
              counts.path + ": \"" + bound + "\" is not a bucket's lower bound");
        }
        buckets[i * Spread.BUCKETS + b] = count(counts.get(bound), () -> counts.path + "." + bound);
      }
    }
    return buckets;
  }

  /** The bucket whose lower bound in nanoseconds {@code bound} is, or -1. */
  private static int bucketOf(String bound) {
    try {
      return Spread.bucketOfLowerBound(Long.parseLong(bound));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The fields of a JSON object, read with errors that say where in the report they are. */
  private record Fields(JsonObject object, String path) {
    static Fields of(JsonElement element, String path) throws ReportFormatException {
      if (element == null || !element.isJsonObject()) {
        throw new ReportFormatException(path + ": expected an object, got " + brief(element));
      }
      return new Fields(element.getAsJsonObject(), path);
    }

    JsonElement get(String name) throws ReportFormatException {
      JsonElement element = object.get(name);
      if (element == null) {
        throw new ReportFormatException(path + ": missing \"" + name + "\"");
      }
      return element;
    }

    Fields fields(String name) throws ReportFormatException {
      return of(get(name), path + "." + name);
    }

    JsonArray array(String name) throws ReportFormatException {
      JsonElement element = get(name);
      if (!element.isJsonArray()) {
        throw new ReportFormatException(
            path + "." + name + ": expected an array, got " + brief(element));
      }
      return element.getAsJsonArray();
    }

    String string(String name) throws ReportFormatException {
      return JsonReportReader.string(get(name), () -> path + "." + name);
    }

    /** A string field that older reports do not have: {@code null} when missing. */
    String optionalString(String name) throws ReportFormatException {
      return object.has(name) ? string(name) : null;
    }

    List<String> strings(String name) throws ReportFormatException {
      JsonArray array = array(name);
      List<String> strings = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        int index = i;
        strings.add(
            JsonReportReader.string(array.get(i), () -> path + "." + name + "[" + index + "]"));
      }
      return strings;
    }

    int integer(String name) throws ReportFormatException {
      long value = count(get(name), () -> path + "." + name);
      if (value > Integer.MAX_VALUE) {
        throw new ReportFormatException(path + "." + name + ": " + value + " is too large");
      }
      return (int) value;
    }
  }

  /** {@code path} is only built for an error: a report has millions of values. */
  private static String string(JsonElement element, Supplier<String> path)
      throws ReportFormatException {
    if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
      throw new ReportFormatException(path.get() + ": expected a string, got " + brief(element));
    }
    return element.getAsString();
  }

  /** A whole number from 0 up, as hits, nanoseconds, line numbers and versions are. */
  private static long count(JsonElement element, Supplier<String> path)
      throws ReportFormatException {
    if (isNumber(element)) {
      try {
        long value = new BigDecimal(element.getAsString()).longValueExact();
        if (value >= 0) {
          return value;
        }
      } catch (NumberFormatException | ArithmeticException e) {
        // an exponent beyond an int (1e2147483648), not whole, or beyond a long: reported below
      }
    }
    throw new ReportFormatException(
        path.get() + ": expected a whole number from 0 up, got " + brief(element));
  }

  private static boolean isNumber(JsonElement element) {
    return element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber();
  }

  /** A value as it appears in the file, cut short so the message stays one readable line. */
  private static String brief(JsonElement element) {
    String text = String.valueOf(element);
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  /**
   * Gson's message without its advice to parse leniently, its JSON path and its troubleshooting
   * link on a second line: "malformed JSON at line 1 column 10".
   */
  private static String syntaxError(JsonParseException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
    return message
        .replaceFirst(
            "^Use JsonReader.setStrictness\\(Strictness.LENIENT\\) to accept malformed JSON",
            "malformed JSON")
        .replaceFirst(" path \\S*$", "");
  }
}
