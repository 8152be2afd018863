package io.github.lineprof.internal.option;

import static io.github.lineprof.internal.option.Option.Launcher.HARNESS;
import static io.github.lineprof.internal.option.Option.Launcher.JMH;

import io.github.lineprof.ProfileOptions;
import io.github.lineprof.ProfileOptions.Mode;
import io.github.lineprof.ReportFormat;
import io.github.lineprof.internal.option.Option.Launcher;
import io.github.lineprof.internal.option.Option.Recorded;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every option of a lineprof run, once: name, value, default, one line of documentation and the
 * launchers it applies to. {@link ProfileOptions} parses and checks by it, the usage text and the
 * harness's recorded settings come from it, the Maven plugin passes its parameters to the agent by
 * its names, and tests hold the plugin's parameters and the README's table of options to it. An
 * option is added here and read where it takes effect, with {@code OptionTable.NAME.in(options)}.
 */
public final class OptionTable {
  private OptionTable() {}

  public static final Option<Mode> MODE =
      Option.of(
              "mode",
              "auto|original|exact|sampled",
              Values.choice(Mode.class),
              "auto",
              "where Time comes from (see below)")
          .defaultNote(": original in the harness and JMH, sampled under the agent")
          .alsoPlugin();

  public static final Option<Path> OUTPUT =
      Option.of(
              "output",
              "DIR",
              Values.folder(),
              "target/lineprof",
              "where `report.txt`, `report.json`, `index.html`, `summary.md` go; every launcher"
                  + " prints it; the agent replaces `{pid}` in it with the JVM's process id")
          .defaultNote(" (harness: `target/lineprof/harness`, JMH: `target/lineprof/jmh`)");

  public static final Option<Set<ReportFormat>> FORMATS =
      Option.of(
              "formats",
              "txt+json+html+md|none",
              Values.someOf(ReportFormat.class),
              "txt+json+html+md",
              "which reports to write (`md`: `summary.md` for CI pages); `none` writes none")
          .alsoPlugin();

  public static final Option<Double> UNIT =
      Option.of(
              "unit",
              "1e-9|1e-6|1e-3|1",
              Values.unit(),
              "1e-9",
              "the Time and Per Hit columns' unit, in seconds (like line_profiler's `-u`)")
          .alsoPlugin();

  public static final Option<Boolean> CALIBRATION =
      Option.of(
              "calibration",
              "true|false",
              Values.bool(),
              "true",
              "leave the probes' own cost out of the copy's times; `false` reports the raw times")
          .alsoPlugin();

  public static final Option<Integer> WARMUP =
      Option.of(
              "warmup",
              "N",
              Values.wholeNumber(n -> n >= 0, "0 or more"),
              "20",
              "invocations run first so the JIT compiles the code, not reported")
          .only(HARNESS)
          .recorded(Recorded.ALWAYS);

  public static final Option<Duration> WARMUP_TIME =
      Option.of(
              "warmupTime",
              "1s",
              Values.duration(Duration.ZERO, "0 or more"),
              "1s",
              "original mode: the warm-up before the recording also lasts at least this long, so"
                  + " the JIT, the heap and the caches settle (a fresh heap's first pass costs page"
                  + " faults that a running program no longer pays)")
          .only(HARNESS)
          .recorded(Recorded.UNLESS_DEFAULT);

  public static final Option<Integer> MEASURE =
      Option.of(
              "measure",
              "N",
              Values.wholeNumber(n -> n >= 1, "1 or more"),
              "1",
              "invocations measured; the table's Hits count them")
          .only(HARNESS)
          .recorded(Recorded.ALWAYS);

  public static final Option<Integer> SAMPLES =
      Option.of(
              "samples",
              "N|0",
              Values.wholeNumber(n -> n >= 0, "0 (no cap) or more"),
              "0",
              "original mode: the most samples to take of the original (`0`: no cap); the"
                  + " recorder stops at `precision`, `maxTime` or this, whichever comes first")
          .only(HARNESS);

  public static final Option<Double> PRECISION =
      Option.of(
              "precision",
              "1",
              Values.number(
                  n -> n > 0 && n < 100,
                  "a number of percentage points above 0 and below 100, e.g. 1"),
              "1",
              "original mode: record until every line's share of its function is known within"
                  + " this many percentage points at 95 % (see below)")
          .only(HARNESS);

  public static final Option<Duration> MAX_TIME =
      Option.of(
              "maxTime",
              "20s",
              Values.duration(Duration.ofMillis(1), "positive"),
              "20s",
              "original mode: the longest the harness records, however precise the shares")
          .only(HARNESS);

  public static final Option<Duration> PERIOD =
      Option.of(
              "period",
              "1ms",
              Values.duration(Duration.ofMillis(1), "1ms or more"),
              "1ms",
              "original mode: the time between two samples of a running thread")
          .only(HARNESS, JMH);

  public static final Option<Boolean> FORK =
      Option.of(
              "fork",
              "true|false",
              Values.bool(),
              "true",
              "original mode: record the original in a forked JVM with the recorder's flags;"
                  + " `false` records in this JVM (a JVM without the `jdk.jfr` module keeps the"
                  + " Hits table, with the copy's time and a note saying why)")
          .only(HARNESS);

  public static final Option<Boolean> SPREAD =
      Option.of(
              "spread",
              "true|false",
              Values.bool(),
              "false",
              "exact mode: a histogram of each line's hit times (min, median, p99, max; see"
                  + " below), 256 bytes per profiled line and live thread")
          .alsoPlugin();

  public static final Option<Integer> RUNS =
      Option.of(
              "runs",
              "N",
              Values.wholeNumber(n -> n >= 1, "1 or more"),
              "1",
              "original mode: independent recordings of the original, each in its own fork (with"
                  + " `fork=false` one after the other in this JVM, which shares its JIT state and"
                  + " so is less independent); Time is their mean and the JSON report keeps each"
                  + " apart (`run_nanos`) for `lineprof check` (see \"Performance gate in CI\")")
          .only(HARNESS)
          .recorded(Recorded.UNLESS_DEFAULT);

  public static final Option<Boolean> SKIP_ZERO =
      Option.of(
          "skipZero",
          "true|false",
          Values.bool(),
          "false",
          "the text tables (printed, `report.txt`) leave out functions that never ran, as"
              + " line_profiler's `-z` does; the other reports keep them");

  /** The table, in the order of the usage text and the README. */
  public static final List<Option<?>> OPTIONS =
      List.of(
          MODE,
          OUTPUT,
          FORMATS,
          UNIT,
          CALIBRATION,
          WARMUP,
          WARMUP_TIME,
          MEASURE,
          SAMPLES,
          PRECISION,
          MAX_TIME,
          PERIOD,
          FORK,
          SPREAD,
          RUNS,
          SKIP_ZERO);

  /**
   * The option called {@code name}.
   *
   * @throws IllegalArgumentException in one line with the usage text when there is none
   */
  public static Option<?> named(String name) {
    for (Option<?> option : OPTIONS) {
      if (option.name().equals(name)) {
        return option;
      }
    }
    throw new IllegalArgumentException("unknown option '" + name + "'; " + usage());
  }

  /** {@code options are mode=auto|original|exact|sampled, output=DIR, ...}. */
  public static String usage() {
    return "options are " + OPTIONS.stream().map(Option::usage).collect(Collectors.joining(", "));
  }

  /** The options {@code launcher} applies, in the table's order. */
  public static List<Option<?>> of(Launcher launcher) {
    return OPTIONS.stream().filter(o -> o.appliesTo(launcher)).toList();
  }

  /**
   * Refuses an option {@code options} sets away from its default that {@code launcher} does not
   * read: ignored silently, it would seem to have taken effect.
   *
   * @throws IllegalArgumentException naming the first such option and who reads it, in one line
   */
  public static void requireReadBy(Launcher launcher, ProfileOptions options) {
    for (Option<?> option : OPTIONS) {
      String value = options.settings().get(option.name());
      if (!option.appliesTo(launcher) && !value.equals(option.canonical(option.defaultText()))) {
        throw new IllegalArgumentException(
            option.name()
                + "="
                + value
                + " applies to "
                + option.readBy()
                + ", not to "
                + launcher.prose());
      }
    }
  }

  /** The settings of {@code options} that {@code launcher} reads, as {@code key=value}. */
  public static List<String> settingsReadBy(Launcher launcher, ProfileOptions options) {
    return of(launcher).stream()
        .map(o -> o.name() + "=" + options.settings().get(o.name()))
        .toList();
  }

  /** What a run of {@code launcher} keeps of {@code options} in its settings, by name. */
  public static Map<String, String> recorded(ProfileOptions options, Launcher launcher) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (Option<?> option : of(launcher)) {
      String value = options.settings().get(option.name());
      boolean keep =
          switch (option.recorded()) {
            case NEVER -> false;
            case ALWAYS -> true;
            case UNLESS_DEFAULT -> !value.equals(option.canonical(option.defaultText()));
          };
      if (keep) {
        settings.put(option.name(), value);
      }
    }
    return settings;
  }
}
