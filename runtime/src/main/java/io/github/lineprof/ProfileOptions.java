package io.github.lineprof;

import io.github.lineprof.internal.option.Option;
import io.github.lineprof.internal.option.OptionTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every setting of a lineprof run: one model, one parser, one validation, the same names and
 * defaults for every launcher. The harness takes it from {@link LineProfiler}'s methods, the agent
 * from {@code -javaagent:lineprof-runtime.jar=mode=sampled,output=DIR}, the JMH profiler from
 * {@code -prof io.github.lineprof.jmh.JmhLineProfiler:mode=exact;unit=1e-6}, the Maven plugin from
 * its parameters. Options are {@code key=value}, separated by {@code ,} or {@code ;}; what each
 * means, its values and its default are in one table (the README's table of options).
 */
public final class ProfileOptions {

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

  /** Every option's value as the table writes it, in the table's order. */
  private final Map<String, String> settings;

  /** The same values read once, as the accessors return them (a harness reads some in loops). */
  private final Map<String, Object> values = new HashMap<>();

  private ProfileOptions(Map<String, String> settings) {
    this.settings = Collections.unmodifiableMap(settings);
    for (Option<?> option : OptionTable.OPTIONS) {
      values.put(option.name(), option.in(this));
    }
  }

  /** The defaults every launcher starts from. */
  public static ProfileOptions defaults() {
    Map<String, String> settings = new LinkedHashMap<>();
    for (Option<?> option : OptionTable.OPTIONS) {
      settings.put(option.name(), option.canonical(option.defaultText()));
    }
    return new ProfileOptions(settings);
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
    Map<String, String> given = new LinkedHashMap<>();
    if (text != null) {
      for (String option : text.split("[,;]", -1)) {
        if (option.isBlank()) {
          continue;
        }
        int eq = option.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(
              "'" + option.trim() + "' is not key=value; " + OptionTable.usage());
        }
        String key = option.substring(0, eq).trim();
        String value = option.substring(eq + 1).trim();
        String earlier = given.putIfAbsent(key, value);
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
    return with(given);
  }

  /** These options with {@code given} on top, keys as in {@link #parse}. */
  public ProfileOptions with(Map<String, String> given) {
    Map<String, String> settings = new LinkedHashMap<>(this.settings);
    given.forEach((key, value) -> settings.put(key, OptionTable.named(key).canonical(value)));
    return new ProfileOptions(settings);
  }

  /**
   * Every option as a {@code key=value} setting, which {@link #with(Map)} reads back: for a fork.
   */
  public Map<String, String> settings() {
    return settings;
  }

  /** Where the Time column comes from; see {@link Mode}. */
  public Mode mode() {
    return value(OptionTable.MODE);
  }

  /** The folder the reports are written to. */
  public Path output() {
    return value(OptionTable.OUTPUT);
  }

  /** Which reports to write; empty for none. */
  public Set<ReportFormat> formats() {
    return value(OptionTable.FORMATS);
  }

  /** Seconds per unit of the Time and Per Hit columns (1e-9: nanoseconds). */
  public double unit() {
    return value(OptionTable.UNIT);
  }

  /** Whether the instrumented copy's times leave the probes' own cost out. */
  public boolean calibration() {
    return value(OptionTable.CALIBRATION);
  }

  /** Harness: invocations run first and not reported, so the JIT compiles the code. */
  public int warmup() {
    return value(OptionTable.WARMUP);
  }

  /** Harness: invocations the table's Hits count. */
  public int measure() {
    return value(OptionTable.MEASURE);
  }

  /** Original mode: the most samples to take of the original, 0 for no cap. */
  public int samples() {
    return value(OptionTable.SAMPLES);
  }

  /**
   * Original mode: the recorder runs the scenario until every line's share of its function is known
   * within this many percentage points at 95 %, or {@link #maxTime} passes.
   */
  public double precision() {
    return value(OptionTable.PRECISION);
  }

  /** Original mode: the longest the recorder runs the scenario. */
  public Duration maxTime() {
    return value(OptionTable.MAX_TIME);
  }

  /** Original mode: time between two samples of a running thread. */
  public Duration period() {
    return value(OptionTable.PERIOD);
  }

  /**
   * Original mode, harness: record the original in a forked JVM that has the flags the recorder
   * needs for exact line numbers, rather than in this one.
   */
  public boolean fork() {
    return value(OptionTable.FORK);
  }

  /** Exact mode: keep a histogram of each line's hit times for min, median, p99 and max. */
  public boolean spread() {
    return value(OptionTable.SPREAD);
  }

  /** Original mode, harness: independent recordings of the original, each its own fork. */
  public int runs() {
    return value(OptionTable.RUNS);
  }

  private <T> T value(Option<T> option) {
    @SuppressWarnings("unchecked") // put by the option itself
    T value = (T) values.get(option.name());
    return value;
  }

  /** {@link Mode#AUTO} resolved for a launcher that can, or cannot, run the code a second time. */
  public Mode resolvedMode(boolean canRunTwice) {
    Mode mode = mode();
    return mode != Mode.AUTO ? mode : canRunTwice ? Mode.ORIGINAL : Mode.SAMPLED;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProfileOptions other && settings.equals(other.settings);
  }

  @Override
  public int hashCode() {
    return settings.hashCode();
  }

  @Override
  public String toString() {
    return "ProfileOptions" + settings;
  }
}
