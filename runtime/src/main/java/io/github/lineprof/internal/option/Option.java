package io.github.lineprof.internal.option;

import io.github.lineprof.ProfileOptions;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One row of the {@link OptionTable}: everything lineprof knows about an option, from which the
 * parser, the usage text, the run's recorded settings, the Maven plugin's parameters and the
 * README's table of options follow.
 *
 * @param name the key in {@code key=value}, and the plugin's parameter and {@code lineprof.NAME}
 *     property
 * @param shape what a value looks like, for the usage text and the README: {@code N}, {@code 1ms}
 * @param value how a value is read, checked and written
 * @param defaultText the default, as a user would write it
 * @param defaultNote said after the default in the README, e.g. how a launcher's default differs;
 *     empty for none
 * @param doc what the option does, in one line (the README's "meaning")
 * @param launchers where the option has an effect
 * @param recorded whether the run's settings in the JSON report keep it
 * @param <T> the value's type
 */
public record Option<T>(
    String name,
    String shape,
    Value<T> value,
    String defaultText,
    String defaultNote,
    String doc,
    Set<Launcher> launchers,
    Recorded recorded) {

  /** The launchers that read a run's options. */
  public enum Launcher {
    /** {@code LineProfiler}, the harness. */
    HARNESS("harness", "the harness"),
    /** {@code -javaagent:lineprof-runtime.jar=...}. */
    AGENT("agent", "the agent"),
    /** {@code -prof io.github.lineprof.jmh.JmhLineProfiler:...}. */
    JMH("JMH", "JMH"),
    /** The Maven plugin's prepare goals, which pass the option to the agent by its name. */
    PLUGIN("plugin", "the plugin");

    private final String label;
    private final String prose;

    Launcher(String label, String prose) {
      this.label = label;
      this.prose = prose;
    }

    public String label() {
      return label;
    }

    /** As a message names it: {@code the harness}, {@code JMH}. */
    String prose() {
      return prose;
    }
  }

  /** Whether a harness run's settings in the JSON report keep the option. */
  enum Recorded {
    NEVER,
    ALWAYS,
    /** Only when it is not the default, which saying would add nothing to. */
    UNLESS_DEFAULT
  }

  public Option {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(defaultNote, "defaultNote");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(recorded, "recorded");
    launchers = Set.copyOf(launchers);
    value.read(name, defaultText); // a default the parser refuses is a defect of the table
  }

  /** An option of every launcher but the plugin, not recorded, without a note on its default. */
  static <T> Option<T> of(
      String name, String shape, Value<T> value, String defaultText, String doc) {
    return new Option<>(
        name,
        shape,
        value,
        defaultText,
        "",
        doc,
        EnumSet.of(Launcher.HARNESS, Launcher.AGENT, Launcher.JMH),
        Recorded.NEVER);
  }

  Option<T> only(Launcher first, Launcher... rest) {
    return new Option<>(
        name, shape, value, defaultText, defaultNote, doc, EnumSet.of(first, rest), recorded);
  }

  Option<T> alsoPlugin() {
    Set<Launcher> more = EnumSet.of(Launcher.PLUGIN);
    more.addAll(launchers);
    return new Option<>(name, shape, value, defaultText, defaultNote, doc, more, recorded);
  }

  Option<T> recorded(Recorded when) {
    return new Option<>(name, shape, value, defaultText, defaultNote, doc, launchers, when);
  }

  Option<T> defaultNote(String note) {
    return new Option<>(name, shape, value, defaultText, note, doc, launchers, recorded);
  }

  public T defaultValue() {
    return value.read(name, defaultText);
  }

  /** This option's value in {@code options}, read from its setting: read it once per run. */
  public T in(ProfileOptions options) {
    return value.read(name, options.settings().get(name));
  }

  /** {@code text} as this option's canonical text: checked, and written as {@link #in} reads it. */
  public String canonical(String text) {
    return value.write(value.read(name, text));
  }

  boolean appliesTo(Launcher launcher) {
    return launchers.contains(launcher);
  }

  /** {@code the harness and JMH}: the launchers that read it, the plugin left out. */
  String readBy() {
    List<String> readers =
        launchers.stream().sorted().filter(l -> l != Launcher.PLUGIN).map(Launcher::prose).toList();
    return readers.size() == 1
        ? readers.get(0)
        : String.join(", ", readers.subList(0, readers.size() - 1))
            + " and "
            + readers.get(readers.size() - 1);
  }

  /** {@code name=shape}, as the usage text shows it. */
  public String usage() {
    return name + "=" + shape;
  }

  /** The README's row: {@code | option | applies to | meaning | default |}. */
  public String readmeRow() {
    return "| `"
        + usage().replace("|", "\\|")
        + "` | "
        + launchers.stream().sorted().map(Launcher::label).collect(Collectors.joining(", "))
        + " | "
        + doc
        + " | `"
        + defaultText
        + "`"
        + defaultNote
        + " |";
  }
}
