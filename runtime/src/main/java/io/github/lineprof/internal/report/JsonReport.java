package io.github.lineprof.internal.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import io.github.lineprof.internal.stats.FunctionInfo;
import io.github.lineprof.internal.stats.FunctionStats;
import io.github.lineprof.internal.stats.ProfileStats;
import io.github.lineprof.internal.stats.RunInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable report: raw hits and nanoseconds of every line, with the runs that produced
 * them. The schema is documented in README.md, section "JSON schema". A reader accepts what this
 * writer writes and rejects anything else with a {@link ReportFormatException}; fields it does not
 * know are ignored, so later writers may add fields without a new {@link #FORMAT_VERSION}.
 */
public final class JsonReport {
  /** Names the format, so a JSON file from another tool is told apart from a lineprof report. */
  public static final String SCHEMA = "lineprof-report";
  /** Bumped when a field is removed or changes meaning. */
  public static final int FORMAT_VERSION = 1;
  /** Seconds per unit of the {@code nanos} arrays; written for readers that expect line_profiler's unit. */
  private static final double TIMER_UNIT = 1e-9;

  private static final Gson GSON = new GsonBuilder()
      .setPrettyPrinting()
      .disableHtmlEscaping() // keeps source lines such as "a < b" readable
      .setStrictness(Strictness.STRICT)
      .create();

  /** What a report file holds. */
  public record Parsed(ProfileStats stats, List<RunInfo> runs) {
    public Parsed {
      runs = List.copyOf(runs);
    }
  }

  private JsonReport() {}

  /** The report of {@code stats}, measured by {@code runs}, as pretty-printed UTF-8 JSON text. */
  public static String write(ProfileStats stats, List<RunInfo> runs) {
    JsonObject root = new JsonObject();
    root.addProperty("schema", SCHEMA);
    root.addProperty("format_version", FORMAT_VERSION);
    root.addProperty("timer_unit", TIMER_UNIT);
    JsonArray runArray = new JsonArray();
    runs.forEach(run -> runArray.add(run(run)));
    root.add("runs", runArray);
    JsonArray functionArray = new JsonArray();
    stats.functions().forEach(function -> functionArray.add(function(function)));
    root.add("functions", functionArray);
    return GSON.toJson(root) + "\n";
  }

  private static JsonObject run(RunInfo run) {
    JsonObject json = new JsonObject();
    json.addProperty("started", run.started().toString());
    json.addProperty("mode", run.mode());
    JsonObject settings = new JsonObject();
    run.settings().forEach(settings::addProperty);
    json.add("settings", settings);
    JsonObject jvm = new JsonObject();
    jvm.addProperty("vendor", run.jvm().vendor());
    jvm.addProperty("version", run.jvm().version());
    jvm.addProperty("vm", run.jvm().vm());
    jvm.addProperty("vm_version", run.jvm().vmVersion());
    JsonArray args = new JsonArray();
    run.jvm().args().forEach(args::add);
    jvm.add("args", args);
    json.add("jvm", jvm);
    JsonObject machine = new JsonObject();
    machine.addProperty("os", run.machine().os());
    machine.addProperty("os_version", run.machine().osVersion());
    machine.addProperty("arch", run.machine().arch());
    machine.addProperty("cpus", run.machine().cpus());
    json.add("machine", machine);
    return json;
  }

  private static JsonObject function(FunctionStats function) {
    FunctionInfo info = function.info();
    JsonObject json = new JsonObject();
    json.addProperty("file", info.file());
    json.addProperty("name", info.name());
    json.addProperty("first_line", info.firstLine());
    JsonArray lines = new JsonArray();
    JsonArray hits = new JsonArray();
    JsonArray nanos = new JsonArray();
    for (int i = 0; i < info.lines().size(); i++) {
      lines.add(info.lines().get(i));
      hits.add(function.hits(info.firstLine() + i));
      nanos.add(function.nanos(info.firstLine() + i));
    }
    json.add("lines", lines);
    json.add("hits", hits);
    json.add("nanos", nanos);
    return json;
  }

  /** Reads what {@link #write} wrote; anything else fails with a message naming the bad field. */
  public static Parsed read(String json) throws ReportFormatException {
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
    if (schema == null || !schema.equals(new JsonPrimitive(SCHEMA))) {
      throw new ReportFormatException("not a lineprof report: "
          + (schema == null ? "no \"schema\" field" : "\"schema\" is " + brief(schema) + ", not \"" + SCHEMA + "\""));
    }
    int version = report.integer("format_version");
    if (version != FORMAT_VERSION) {
      throw new ReportFormatException(
          "unsupported format_version " + version + "; this lineprof reads version " + FORMAT_VERSION);
    }
    JsonElement unit = report.get("timer_unit");
    if (!isNumber(unit) || unit.getAsDouble() != TIMER_UNIT) {
      throw new ReportFormatException("report: unsupported timer_unit " + brief(unit) + "; expected 1e-9 (nanoseconds)");
    }
    List<RunInfo> runs = new ArrayList<>();
    JsonArray runArray = report.array("runs");
    for (int i = 0; i < runArray.size(); i++) {
      runs.add(readRun(Fields.of(runArray.get(i), "runs[" + i + "]")));
    }
    List<FunctionStats> functions = new ArrayList<>();
    JsonArray functionArray = report.array("functions");
    for (int i = 0; i < functionArray.size(); i++) {
      FunctionStats function = readFunction(Fields.of(functionArray.get(i), "functions[" + i + "]"));
      for (int j = 0; j < functions.size(); j++) {
        if (functions.get(j).info().sameFunction(function.info())) {
          throw new ReportFormatException("functions[" + i + "] (" + function.info().name() + ") repeats functions[" + j + "]");
        }
      }
      functions.add(function);
    }
    return new Parsed(new ProfileStats(functions), runs);
  }

  private static RunInfo readRun(Fields run) throws ReportFormatException {
    Instant started;
    try {
      started = Instant.parse(run.string("started"));
    } catch (DateTimeParseException e) {
      throw new ReportFormatException(run.path + ".started: not an ISO-8601 instant: " + brief(run.get("started")));
    }
    Map<String, String> settings = new LinkedHashMap<>();
    Fields settingsFields = run.fields("settings");
    for (String name : settingsFields.object.keySet()) {
      settings.put(name, settingsFields.string(name));
    }
    Fields jvm = run.fields("jvm");
    List<String> args = new ArrayList<>();
    JsonArray argArray = jvm.array("args");
    for (int i = 0; i < argArray.size(); i++) {
      args.add(string(argArray.get(i), jvm.path + ".args[" + i + "]"));
    }
    Fields machine = run.fields("machine");
    return new RunInfo(started, run.string("mode"), settings,
        new RunInfo.Jvm(jvm.string("vendor"), jvm.string("version"), jvm.string("vm"), jvm.string("vm_version"), args),
        new RunInfo.Machine(machine.string("os"), machine.string("os_version"), machine.string("arch"),
            machine.integer("cpus")));
  }

  private static FunctionStats readFunction(Fields function) throws ReportFormatException {
    String name = function.string("name");
    int firstLine = function.integer("first_line");
    if (firstLine < 1) {
      throw new ReportFormatException(function.path + " (" + name + "): first_line " + firstLine + " is not a line number");
    }
    JsonArray lineArray = function.array("lines");
    JsonArray hitArray = function.array("hits");
    JsonArray nanoArray = function.array("nanos");
    int n = lineArray.size();
    if (hitArray.size() != n || nanoArray.size() != n) {
      throw new ReportFormatException(function.path + " (" + name + "): " + hitArray.size() + " hits and "
          + nanoArray.size() + " nanos for " + n + " lines");
    }
    List<String> lines = new ArrayList<>(n);
    long[] hits = new long[n];
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      lines.add(string(lineArray.get(i), function.path + ".lines[" + i + "]"));
      hits[i] = count(hitArray.get(i), function.path + ".hits[" + i + "]");
      nanos[i] = count(nanoArray.get(i), function.path + ".nanos[" + i + "]");
    }
    return new FunctionStats(new FunctionInfo(function.string("file"), name, firstLine, lines), hits, nanos);
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
        throw new ReportFormatException(path + "." + name + ": expected an array, got " + brief(element));
      }
      return element.getAsJsonArray();
    }

    String string(String name) throws ReportFormatException {
      return JsonReport.string(get(name), path + "." + name);
    }

    int integer(String name) throws ReportFormatException {
      long value = count(get(name), path + "." + name);
      if (value > Integer.MAX_VALUE) {
        throw new ReportFormatException(path + "." + name + ": " + value + " is too large");
      }
      return (int) value;
    }
  }

  private static String string(JsonElement element, String path) throws ReportFormatException {
    if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
      throw new ReportFormatException(path + ": expected a string, got " + brief(element));
    }
    return element.getAsString();
  }

  /** A whole number from 0 up, as hits, nanoseconds, line numbers and versions are. */
  private static long count(JsonElement element, String path) throws ReportFormatException {
    if (isNumber(element)) {
      try {
        long value = new BigDecimal(element.getAsString()).longValueExact();
        if (value >= 0) {
          return value;
        }
      } catch (ArithmeticException e) {
        // not whole or beyond a long: reported below
      }
    }
    throw new ReportFormatException(path + ": expected a whole number from 0 up, got " + brief(element));
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
        .replaceFirst("^Use JsonReader.setStrictness\\(Strictness.LENIENT\\) to accept malformed JSON", "malformed JSON")
        .replaceFirst(" path \\S*$", "");
  }
}
