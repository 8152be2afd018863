package io.github.lineprof.report;

import io.github.lineprof.report.StrictJsonReader.Token;
import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import io.github.lineprof.report.stats.Spread;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads what {@link JsonReport#write} wrote (README.md, section "JSON schema"), and rejects
 * anything else with a {@link ReportFormatException} whose one-line message names the bad field.
 * Fields it does not know are ignored, so later writers may add fields; the optional ones (a run's
 * {@code id} and column sources, a function's {@code calls}, {@code depth}, {@code bytes}, {@code
 * samples} and {@code spread}) may be missing, as in older reports.
 *
 * <p>The file is streamed: the per-line arrays go straight into the statistics, and only small
 * values (a run, a function's scalar fields, one line's spread) become a JSON tree, so reading
 * takes memory in proportion to the statistics, not to a tree of every number in the file.
 */
public final class JsonReportReader {
  /**
   * A report takes up to about this many bytes of heap per character of JSON once read (measured on
   * reports of every mode; short lines and small numbers cost the most). Longer files are refused
   * before they exhaust the heap.
   */
  private static final int HEAP_PER_CHAR = 8;

  /** What a report file holds. */
  public record Report(ProfileStats stats, List<RunInfo> runs) {
    public Report {
      runs = List.copyOf(runs);
    }
  }

  private JsonReportReader() {}

  public static Report read(String json) throws ReportFormatException {
    try {
      return read(new StringReader(json), Long.MAX_VALUE);
    } catch (ReportFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("a StringReader does not fail", e);
    }
  }

  /**
   * Reads a report file as UTF-8, streaming it.
   *
   * @throws ReportFormatException if it is not a report, or longer than this JVM's heap can hold
   * @throws IOException if it cannot be read, e.g. {@link
   *     java.nio.charset.CharacterCodingException} when it is not UTF-8
   */
  public static Report read(Path file) throws IOException {
    long heap = Runtime.getRuntime().maxMemory();
    try (Reader in = Files.newBufferedReader(file)) {
      return read(in, heap == Long.MAX_VALUE ? heap : heap / HEAP_PER_CHAR);
    }
  }

  /** Reads at most {@code maxChars} characters; a longer report is refused. */
  static Report read(Reader in, long maxChars) throws IOException {
    StrictJsonReader json = new StrictJsonReader(new LimitedReader(in, maxChars));
    try {
      Token first;
      try {
        first = json.peek();
      } catch (StrictJsonReader.SyntaxException e) {
        if (e.endOfInput()) {
          throw new ReportFormatException("not JSON: the file is empty");
        }
        throw e;
      }
      if (first != Token.BEGIN_OBJECT) {
        throw new ReportFormatException("not a lineprof report: not a JSON object");
      }
      return readReport(json);
    } catch (StrictJsonReader.SyntaxException e) {
      throw new ReportFormatException("not JSON: " + e.getMessage());
    }
  }

  private static Report readReport(StrictJsonReader json) throws IOException {
    Set<String> seen = new HashSet<>();
    List<RunInfo> runs = null;
    List<FunctionStats> functions = null;
    json.beginObject();
    while (json.hasNext()) {
      String name = json.nextName();
      if (!seen.add(name)) {
        throw new ReportFormatException("report: \"" + name + "\" appears twice");
      }
      switch (name) {
        case "schema" -> checkSchema(json.nextTree());
        case "format_version" -> checkVersion(json.nextTree());
        case "timer_unit" -> checkTimerUnit(json.nextTree());
        case "runs" -> runs = readRuns(json);
        case "functions" -> functions = readFunctions(json);
        default -> json.skipValue();
      }
    }
    json.endObject();
    if (json.peek() != Token.END_DOCUMENT) { // the strict reader throws first
      throw new ReportFormatException("not JSON: more than one value");
    }
    if (!seen.contains("schema")) {
      throw new ReportFormatException("not a lineprof report: no \"schema\" field");
    }
    for (String required : List.of("format_version", "timer_unit", "runs", "functions")) {
      if (!seen.contains(required)) {
        throw new ReportFormatException("report: missing \"" + required + "\"");
      }
    }
    return new Report(new ProfileStats(functions), runs);
  }

  private static void checkSchema(JsonValue schema) throws ReportFormatException {
    if (!schema.equals(new JsonValue.Text(JsonReport.SCHEMA))) {
      throw new ReportFormatException(
          "not a lineprof report: \"schema\" is "
              + brief(schema)
              + ", not \""
              + JsonReport.SCHEMA
              + "\"");
    }
  }

  private static void checkVersion(JsonValue element) throws ReportFormatException {
    long version = count(element, () -> "report.format_version");
    if (version != JsonReport.FORMAT_VERSION) {
      throw new ReportFormatException(
          "unsupported format_version "
              + version
              + "; this lineprof reads version "
              + JsonReport.FORMAT_VERSION);
    }
  }

  private static void checkTimerUnit(JsonValue unit) throws ReportFormatException {
    if (!(unit instanceof JsonValue.Numeral number)
        || Double.parseDouble(number.literal()) != JsonReport.TIMER_UNIT) {
      throw new ReportFormatException(
          "report: unsupported timer_unit " + brief(unit) + "; expected 1e-9 (nanoseconds)");
    }
  }

  private static List<RunInfo> readRuns(StrictJsonReader json) throws IOException {
    expectArray(json, "report.runs");
    List<RunInfo> runs = new ArrayList<>();
    json.beginArray();
    while (json.hasNext()) {
      runs.add(readRun(Fields.of(json.nextTree(), "runs[" + runs.size() + "]")));
    }
    json.endArray();
    return runs;
  }

  private static List<FunctionStats> readFunctions(StrictJsonReader json) throws IOException {
    expectArray(json, "report.functions");
    List<FunctionStats> functions = new ArrayList<>();
    Map<FunctionInfo.Key, Integer> seen = new HashMap<>();
    json.beginArray();
    while (json.hasNext()) {
      int i = functions.size();
      FunctionStats function = readFunction(json, "functions[" + i + "]");
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
    json.endArray();
    return functions;
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
        run.object.containsKey("unreliable_lines") ? run.strings("unreliable_lines") : List.of();
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
            unreliable,
            run.object.containsKey("probe_nanos") ? run.nanos("probe_nanos") : 0));
  }

  /**
   * One function: its per-line arrays are streamed, its other fields (small) read as a tree, and
   * all of it checked once the object is read, as its fields may come in any order.
   */
  private static FunctionStats readFunction(StrictJsonReader json, String path) throws IOException {
    if (json.peek() != Token.BEGIN_OBJECT) {
      throw new ReportFormatException(path + ": expected an object, got " + brief(json.nextTree()));
    }
    Map<String, JsonValue> scalars = new LinkedHashMap<>();
    Map<String, long[]> counts = new HashMap<>();
    List<String> lines = null;
    long[] spread = null;
    json.beginObject();
    while (json.hasNext()) {
      String name = json.nextName();
      if (scalars.containsKey(name)
          || counts.containsKey(name)
          || (name.equals("lines") && lines != null)
          || (name.equals("spread") && spread != null)) {
        throw new ReportFormatException(path + ": \"" + name + "\" appears twice");
      }
      switch (name) {
        case "lines" -> lines = readStrings(json, path + ".lines");
        case "hits", "nanos", "bytes", "samples", "depth" ->
            counts.put(name, readCounts(json, path + "." + name));
        case "spread" -> spread = readSpread(json, path + ".spread");
        default -> scalars.put(name, json.nextTree());
      }
    }
    json.endObject();
    Fields function = new Fields(scalars, path);
    String name = function.string("name");
    int firstLine = function.integer("first_line");
    if (firstLine < 1) {
      throw new ReportFormatException(
          path + " (" + name + "): first_line " + firstLine + " is not a line number");
    }
    long[] hits = counts.get("hits");
    long[] nanos = counts.get("nanos");
    if (lines == null || hits == null || nanos == null) {
      throw new ReportFormatException(
          path
              + ": missing \""
              + (lines == null ? "lines" : hits == null ? "hits" : "nanos")
              + "\"");
    }
    int n = lines.size();
    if (hits.length != n || nanos.length != n) {
      throw new ReportFormatException(
          path
              + " ("
              + name
              + "): "
              + hits.length
              + " hits and "
              + nanos.length
              + " nanos for "
              + n
              + " lines");
    }
    if ((long) firstLine + n - 1 > Integer.MAX_VALUE) {
      throw new ReportFormatException(
          path
              + " ("
              + name
              + "): "
              + n
              + " lines from first_line "
              + firstLine
              + " go beyond the largest line number, "
              + Integer.MAX_VALUE);
    }
    for (String optional : List.of("bytes", "samples", "depth")) {
      long[] values = counts.get(optional);
      if (values != null && values.length != n) {
        throw new ReportFormatException(
            path + ": " + values.length + " " + optional + " for " + n + " lines");
      }
    }
    if (spread != null && spread.length != n * Spread.BUCKETS) {
      throw new ReportFormatException(
          path + ".spread: " + spread.length / Spread.BUCKETS + " entries for " + n + " lines");
    }
    FunctionStats stats;
    try {
      stats =
          new FunctionStats(
              new FunctionInfo(
                  function.string("file"),
                  name,
                  firstLine,
                  lines,
                  depths(counts.get("depth"), path)),
              hits,
              nanos);
      if (counts.containsKey("bytes")) {
        stats = stats.withBytes(counts.get("bytes"));
      }
      if (counts.containsKey("samples")) {
        stats = stats.withSamples(counts.get("samples"));
      }
    } catch (IllegalArgumentException e) {
      // counts each in range whose sum is not, e.g. nanos that would print a negative total
      throw new ReportFormatException(path + ": " + e.getMessage());
    }
    if (spread != null) {
      stats = stats.withSpread(spread);
    }
    if (scalars.containsKey("run_nanos")) {
      stats = stats.withRunNanos(readRunNanos(function, nanos));
    }
    if (scalars.containsKey("run_control_nanos")) {
      stats = stats.withRunControl(readRunControl(function, stats.runCount()));
    }
    return scalars.containsKey("calls")
        ? stats.withCalls(count(function.get("calls"), () -> path + ".calls"))
        : stats;
  }

  /**
   * {@code "depth"}: 0 for the function's own lines, 1 and more for nested ones; none when missing.
   */
  private static List<Integer> depths(long[] depths, String path) throws ReportFormatException {
    if (depths == null) {
      return List.of();
    }
    List<Integer> list = new ArrayList<>(depths.length);
    for (int i = 0; i < depths.length; i++) {
      if (depths[i] > Integer.MAX_VALUE || (i == 0 && depths[i] != 0)) {
        throw new ReportFormatException(
            path
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

  private static void expectArray(StrictJsonReader json, String path) throws IOException {
    if (json.peek() != Token.BEGIN_ARRAY) {
      throw new ReportFormatException(path + ": expected an array, got " + brief(json.nextTree()));
    }
  }

  private static List<String> readStrings(StrictJsonReader json, String path) throws IOException {
    expectArray(json, path);
    List<String> strings = new ArrayList<>();
    json.beginArray();
    while (json.hasNext()) {
      if (json.peek() != Token.STRING) {
        throw new ReportFormatException(
            path + "[" + strings.size() + "]: expected a string, got " + brief(json.nextTree()));
      }
      strings.add(json.nextString());
    }
    json.endArray();
    return strings;
  }

  /** An array of counts, as hits, nanoseconds, bytes and samples per line are. */
  private static long[] readCounts(StrictJsonReader json, String path) throws IOException {
    expectArray(json, path);
    long[] values = new long[16];
    int n = 0;
    json.beginArray();
    while (json.hasNext()) {
      if (n == values.length) {
        values = Arrays.copyOf(values, n * 2);
      }
      values[n] = count(json, path, n);
      n++;
    }
    json.endArray();
    return Arrays.copyOf(values, n);
  }

  /**
   * {@code "run_control_nanos"}: the speed control's time in each of the {@code runs}, each above
   * 0.
   */
  private static long[] readRunControl(Fields function, int runs) throws ReportFormatException {
    String path = function.path + ".run_control_nanos";
    List<JsonValue> times = function.array("run_control_nanos");
    if (times.size() != runs) {
      throw new ReportFormatException(
          path + ": " + times.size() + " times for " + runs + " runs in run_nanos");
    }
    long[] control = new long[runs];
    for (int r = 0; r < runs; r++) {
      int index = r;
      control[r] = count(times.get(r), () -> path + "[" + index + "]");
      if (control[r] == 0) {
        throw new ReportFormatException(path + "[" + r + "]: 0 ns; a timed control takes time");
      }
    }
    return control;
  }

  /**
   * {@code "run_nanos"}: two or more measurements, each one time per line, whose mean per line is
   * the line's {@code nanos} (within rounding).
   */
  private static List<long[]> readRunNanos(Fields function, long[] nanos)
      throws ReportFormatException {
    List<JsonValue> runArray = function.array("run_nanos");
    if (runArray.size() < 2) {
      throw new ReportFormatException(
          function.path + ".run_nanos: " + runArray.size() + " runs; expected 2 or more");
    }
    List<long[]> runs = new ArrayList<>(runArray.size());
    for (int r = 0; r < runArray.size(); r++) {
      String path = function.path + ".run_nanos[" + r + "]";
      JsonValue element = runArray.get(r);
      if (!(element instanceof JsonValue.Array array)) {
        throw new ReportFormatException(path + ": expected an array, got " + brief(element));
      }
      List<JsonValue> times = array.values();
      if (times.size() != nanos.length) {
        throw new ReportFormatException(
            path + ": " + times.size() + " times for " + nanos.length + " lines");
      }
      long[] values = new long[nanos.length];
      for (int i = 0; i < values.length; i++) {
        int index = i;
        values[i] = count(times.get(i), () -> path + "[" + index + "]");
      }
      runs.add(values);
    }
    for (int i = 0; i < nanos.length; i++) {
      double sum = 0;
      for (long[] run : runs) {
        sum += run[i];
      }
      // each run's time is rounded to a nanosecond, and so is their mean
      if (Math.abs(sum / runs.size() - nanos[i]) > 1) {
        throw new ReportFormatException(
            function.path
                + ".run_nanos: the runs' mean of lines["
                + i
                + "], "
                + Math.round(sum / runs.size())
                + ", is not its nanos, "
                + nanos[i]);
      }
    }
    return runs;
  }

  /**
   * The buckets of {@code "spread"}, {@link Spread#BUCKETS} per line; its min, median, p99 and max
   * follow from them and are not read.
   */
  private static long[] readSpread(StrictJsonReader json, String path) throws IOException {
    expectArray(json, path);
    long[] buckets = new long[16 * Spread.BUCKETS];
    int n = 0;
    json.beginArray();
    while (json.hasNext()) {
      if ((n + 1) * Spread.BUCKETS > buckets.length) {
        buckets = Arrays.copyOf(buckets, buckets.length * 2);
      }
      Fields line = Fields.of(json.nextTree(), path + "[" + n + "]");
      if (line.object.containsKey("buckets")) {
        Fields counts = line.fields("buckets");
        for (String bound : counts.object.keySet()) {
          int b = bucketOf(bound);
          if (b < 0) {
            throw new ReportFormatException(
                counts.path + ": \"" + bound + "\" is not a bucket's lower bound");
          }
          buckets[n * Spread.BUCKETS + b] =
              count(counts.get(bound), () -> counts.path + "." + bound);
        }
      }
      n++;
    }
    json.endArray();
    return Arrays.copyOf(buckets, n * Spread.BUCKETS);
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
  private record Fields(Map<String, JsonValue> object, String path) {
    static Fields of(JsonValue element, String path) throws ReportFormatException {
      if (!(element instanceof JsonValue.Members fields)) {
        throw new ReportFormatException(path + ": expected an object, got " + brief(element));
      }
      return new Fields(fields.fields(), path);
    }

    JsonValue get(String name) throws ReportFormatException {
      JsonValue element = object.get(name);
      if (element == null) {
        throw new ReportFormatException(path + ": missing \"" + name + "\"");
      }
      return element;
    }

    Fields fields(String name) throws ReportFormatException {
      return of(get(name), path + "." + name);
    }

    List<JsonValue> array(String name) throws ReportFormatException {
      JsonValue element = get(name);
      if (!(element instanceof JsonValue.Array array)) {
        throw new ReportFormatException(
            path + "." + name + ": expected an array, got " + brief(element));
      }
      return array.values();
    }

    String string(String name) throws ReportFormatException {
      return JsonReportReader.string(get(name), () -> path + "." + name);
    }

    /** A string field that older reports do not have: {@code null} when missing. */
    String optionalString(String name) throws ReportFormatException {
      return object.containsKey(name) ? string(name) : null;
    }

    List<String> strings(String name) throws ReportFormatException {
      List<String> strings = new ArrayList<>();
      for (JsonValue string : array(name)) {
        int index = strings.size();
        strings.add(JsonReportReader.string(string, () -> path + "." + name + "[" + index + "]"));
      }
      return strings;
    }

    /** A finite number of nanoseconds from 0 up, such as a cost per event. */
    double nanos(String name) throws ReportFormatException {
      JsonValue element = get(name);
      double value =
          element instanceof JsonValue.Numeral number ? Double.parseDouble(number.literal()) : -1;
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new ReportFormatException(
            path + "." + name + ": expected a number from 0 up, got " + brief(element));
      }
      return value;
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
  private static String string(JsonValue element, Supplier<String> path)
      throws ReportFormatException {
    if (!(element instanceof JsonValue.Text text)) {
      throw new ReportFormatException(path.get() + ": expected a string, got " + brief(element));
    }
    return text.value();
  }

  private static long count(JsonValue element, Supplier<String> path) throws ReportFormatException {
    long value = element instanceof JsonValue.Numeral number ? wholeNumber(number.literal()) : -1;
    if (value < 0) {
      throw new ReportFormatException(
          path.get() + ": expected a whole number from 0 up, got " + brief(element));
    }
    return value;
  }

  /** The next value of an array of counts, element {@code index} of {@code path}. */
  private static long count(StrictJsonReader json, String path, int index) throws IOException {
    if (json.peek() == Token.NUMBER) {
      String literal = json.nextString();
      long value = wholeNumber(literal);
      if (value >= 0) {
        return value;
      }
      throw new ReportFormatException(
          path + "[" + index + "]: expected a whole number from 0 up, got " + brief(literal));
    }
    throw new ReportFormatException(
        path + "[" + index + "]: expected a whole number from 0 up, got " + brief(json.nextTree()));
  }

  /**
   * A whole number from 0 up, as hits, nanoseconds, line numbers and versions are, or -1 when
   * {@code literal} is none (negative, not whole, or beyond a long).
   */
  private static long wholeNumber(String literal) {
    try {
      return Math.max(-1, Long.parseLong(literal)); // the common case, without a BigDecimal
    } catch (NumberFormatException e) {
      // 1e3, 2.0, or beyond a long: below
    }
    try {
      return Math.max(-1, new BigDecimal(literal).longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      // an exponent beyond an int (1e2147483648), not whole, or beyond a long
      return -1;
    }
  }

  /** A value as it appears in the file, cut short so the message stays one readable line. */
  private static String brief(JsonValue element) {
    return brief(String.valueOf(element));
  }

  private static String brief(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  /** Refuses a file longer than this JVM's heap can hold once read, instead of running out. */
  private static final class LimitedReader extends FilterReader {
    private final long limit;
    private long read;

    LimitedReader(Reader in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      read += Math.max(n, 0);
      if (read > limit) {
        throw new ReportFormatException(
            "too large: more than "
                + limit
                + " characters, as much as this JVM's heap (-Xmx"
                + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + "m) can read; run java with a larger -Xmx");
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      char[] one = new char[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }
  }
}
