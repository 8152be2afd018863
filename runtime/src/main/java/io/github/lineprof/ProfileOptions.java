package io.github.lineprof;

import io.github.lineprof.internal.report.ReportFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every setting of a lineprof run: one model, one parser, one validation, the same names and
 * defaults for every launcher. The harness takes it from {@link LineProfiler}'s methods, the agent
 * from {@code -javaagent:lineprof-runtime.jar=mode=sampled,output=DIR}, the JMH profiler from
 * {@code -prof io.github.lineprof.jmh.JmhLineProfiler:mode=exact;unit=1e-6}, the Maven plugin from
 * its parameters. Options are {@code key=value}, separated by {@code ,} or {@code ;}.
 *
 * @param mode where the Time column comes from; see {@link Mode}
 * @param output the folder the reports are written to
 * @param formats which reports to write; empty for none
 * @param unit seconds per unit of the Time and Per Hit columns (1e-9: nanoseconds)
 * @param calibration whether the instrumented copy's times leave the probes' own cost out
 * @param warmup harness: invocations run first and not reported, so the JIT compiles the code
 * @param measure harness: invocations the table's Hits count
 * @param samples original mode: the most samples to take of the original, 0 for no cap (the
 *     recorder stops at {@code precision}, {@code maxTime} or this, whichever comes first)
 * @param precision original mode: the recorder runs the scenario until every line's share of its
 *     function is known within this many percentage points at 95 %, or {@code maxTime} passes
 * @param maxTime original mode: the longest the recorder runs the scenario
 * @param period original mode: time between two samples of a running thread
 * @param fork original mode, harness: record the original in a forked JVM that has the flags the
 *     recorder needs for exact line numbers, rather than in this one
 * @param spread exact mode: keep a histogram of each line's hit times for min, median, p99 and max
 *     (256 bytes per profiled line and live thread); other modes do not time hits one by one
 * @param runs original mode, harness: independent recordings of the original (each its own fork),
 *     kept apart in the JSON report so that {@code lineprof check} can test a change
 */
public record ProfileOptions(
    Mode mode,
    Path output,
    Set<ReportFormat> formats,
    double unit,
    boolean calibration,
    int warmup,
    int measure,
    int samples,
    double precision,
    Duration maxTime,
    Duration period,
    boolean fork,
    boolean spread,
    int runs) {

  /** Where the Time column comes from. Hits always come from the instrumented copy. */
  public enum Mode {
    /**
     * The best the launcher can do: {@link #ORIGINAL} where it can run the code twice, else {@link
     * #SAMPLED}.
     */
    AUTO,
    /** Time from JFR samples of the untouched original, running at full speed. */
    ORIGINAL,
    /** Time from a clock read at every line event of the instrumented copy. */
    EXACT,
    /** Time from a sampler thread that reads which line of the instrumented copy runs. */
    SAMPLED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

  static final String USAGE =
      "options are mode=auto|original|exact|sampled, output=DIR,"
          + " formats=txt+json+html+md|none, unit=1e-9|1e-6|1e-3|1, calibration=true|false, warmup=N,"
          + " measure=N, samples=N|0, precision=1, maxTime=20s, period=1ms, fork=true|false, spread=true|false, runs=N";

  public ProfileOptions {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(output, "output");
    formats = Set.copyOf(formats);
    require(
        unit > 0 && Double.isFinite(unit),
        "unit must be a positive number of seconds, e.g. 1e-6: " + unit);
    require(warmup >= 0, "warmup must be 0 or more: " + warmup);
    require(measure >= 1, "measure must be 1 or more: " + measure);
    require(samples >= 0, "samples must be 0 (no cap) or more: " + samples);
    require(
        precision > 0 && precision < 100,
        "precision must be a number of percentage points above 0 and below 100, e.g. 1: "
            + precision);
    require(!maxTime.isNegative() && !maxTime.isZero(), "maxTime must be positive: " + maxTime);
    require(period.toMillis() >= 1, "period must be 1ms or more: " + period);
    require(runs >= 1, "runs must be 1 or more: " + runs);
  }

  /** The defaults every launcher starts from. */
  public static ProfileOptions defaults() {
    return new ProfileOptions(
        Mode.AUTO,
        Path.of("target", "lineprof"),
        EnumSet.allOf(ReportFormat.class),
        1e-9,
        true,
        20,
        1,
        0,
        1,
        Duration.ofSeconds(20),
        Duration.ofMillis(1),
        true,
        // 256 bytes per line and thread: a run of many short-lived threads asks for it
        false,
        1);
  }

  /**
   * The defaults with {@code text}'s settings, e.g. {@code "mode=exact,unit=1e-6"}.
   *
   * @throws IllegalArgumentException naming the bad setting, in one line
   */
  public static ProfileOptions parse(String text) {
    return defaults().with(text);
  }

  /**
   * These options with {@code text}'s settings on top; an option given twice in {@code text} is
   * refused, as a typo would otherwise silently win or lose.
   */
  public ProfileOptions with(String text) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (text != null) {
      for (String option : text.split("[,;]", -1)) {
        if (option.isBlank()) {
          continue;
        }
        int eq = option.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("'" + option.trim() + "' is not key=value; " + USAGE);
        }
        String key = option.substring(0, eq).trim();
        String value = option.substring(eq + 1).trim();
        String earlier = settings.putIfAbsent(key, value);
        if (earlier != null) {
          throw new IllegalArgumentException(
              "option '"
                  + key
                  + "' is given twice ("
                  + key
                  + "="
                  + earlier
                  + " and "
                  + key
                  + "="
                  + value
                  + "): give it once");
        }
      }
    }
    return with(settings);
  }

  /** These options with {@code settings} on top, keys as in {@link #parse}. */
  public ProfileOptions with(Map<String, String> settings) {
    Mode mode = this.mode;
    Path output = this.output;
    Set<ReportFormat> formats = this.formats;
    double unit = this.unit;
    boolean calibration = this.calibration;
    int warmup = this.warmup;
    int measure = this.measure;
    int samples = this.samples;
    double precision = this.precision;
    Duration maxTime = this.maxTime;
    Duration period = this.period;
    boolean fork = this.fork;
    boolean spread = this.spread;
    int runs = this.runs;
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      String key = setting.getKey();
      String value = setting.getValue();
      switch (key) {
        case "mode" -> mode = mode(value);
        case "output" -> output = output(value);
        case "formats" -> formats = formats(value);
        case "unit" -> unit = number(key, value);
        case "calibration" -> calibration = bool(key, value);
        case "warmup" -> warmup = integer(key, value);
        case "measure" -> measure = integer(key, value);
        case "samples" -> samples = integer(key, value);
        case "precision" -> precision = number(key, value);
        case "maxTime" -> maxTime = duration(key, value);
        case "period" -> period = duration(key, value);
        case "fork" -> fork = bool(key, value);
        case "spread" -> spread = bool(key, value);
        case "runs" -> runs = integer(key, value);
        default -> throw new IllegalArgumentException("unknown option '" + key + "'; " + USAGE);
      }
    }
    return new ProfileOptions(
        mode,
        output,
        formats,
        unit,
        calibration,
        warmup,
        measure,
        samples,
        precision,
        maxTime,
        period,
        fork,
        spread,
        runs);
  }

  /** The options as {@code key=value} settings, which {@link #with(Map)} reads back: for a fork. */
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("mode", mode.label());
    settings.put("output", output.toString());
    settings.put(
        "formats",
        formats.isEmpty()
            ? "none"
            : String.join(
                "+",
                formats.stream().sorted().map(f -> f.name().toLowerCase(Locale.ROOT)).toList()));
    settings.put("unit", Double.toString(unit));
    settings.put("calibration", Boolean.toString(calibration));
    settings.put("warmup", Integer.toString(warmup));
    settings.put("measure", Integer.toString(measure));
    settings.put("samples", Integer.toString(samples));
    settings.put("precision", Double.toString(precision));
    settings.put("maxTime", maxTime.toMillis() + "ms");
    settings.put("period", period.toMillis() + "ms");
    settings.put("fork", Boolean.toString(fork));
    settings.put("spread", Boolean.toString(spread));
    settings.put("runs", Integer.toString(runs));
    return settings;
  }

  /** {@link Mode#AUTO} resolved for a launcher that can, or cannot, run the code a second time. */
  public Mode resolvedMode(boolean canRunTwice) {
    return mode != Mode.AUTO ? mode : canRunTwice ? Mode.ORIGINAL : Mode.SAMPLED;
  }

  private static Mode mode(String value) {
    try {
      return Mode.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "mode must be auto, original, exact or sampled: '" + value + "'");
    }
  }

  private static Path output(String value) {
    require(!value.isEmpty(), "output must name a folder");
    return Path.of(value);
  }

  private static Set<ReportFormat> formats(String value) {
    Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
    if (value.equals("none")) {
      return formats;
    }
    for (String name : value.split("\\+", 0)) {
      try {
        formats.add(ReportFormat.valueOf(name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown format '"
                + name
                + "': formats are txt, json, html, md"
                + " joined by '+', or none");
      }
    }
    return formats;
  }

  private static double number(String key, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number: '" + value + "'");
    }
  }

  private static int integer(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number: '" + value + "'");
    }
  }

  private static boolean bool(String key, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(key + " must be true or false: '" + value + "'");
    };
  }

  /** {@code 1ms}, {@code 250ms}, {@code 20s}, {@code 2m}. */
  private static Duration duration(String key, String value) {
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          key + " must be a duration like 1ms, 20s or 2m: '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
