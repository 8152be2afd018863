package io.github.lineprof.report;

import io.github.lineprof.report.stats.FunctionInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One rule of {@code lineprof check}, in the style of JaCoCo's check rules: which elements it
 * judges (every {@link Element#LINE} or every {@link Element#FUNCTION} of the functions its
 * patterns select), and how much slower one may get. A slowdown violates the rule when it is real
 * (statistically significant, or beyond the noise rule where a report has one run) and larger than
 * both {@code minEffectPercent} and {@code maxSlowdownPercent}; a growth of hits, which are
 * counted, when it is larger than both.
 *
 * @param includes globs over qualified function names ({@code com.example.Parser.parse}): {@code *}
 *     within a name between dots, {@code **} across them; empty selects every function
 * @param excludes globs of the same kind that take functions out of what the includes select
 */
public record CheckRule(
    Element element,
    List<String> includes,
    List<String> excludes,
    double maxSlowdownPercent,
    double minEffectPercent) {

  /** What a rule judges. */
  public enum Element {
    /** Each line's time and hits, lines matched by their text. */
    LINE,
    /** Each function's total time and hits. */
    FUNCTION
  }

  /** A change smaller than this is no change worth a failed build, however sure. */
  public static final double DEFAULT_MIN_EFFECT_PERCENT = 5;

  public CheckRule {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    if (!(maxSlowdownPercent >= 0) || !(minEffectPercent >= 0)) {
      throw new IllegalArgumentException(
          "a rule's maxSlowdown and minEffect must be percentages from 0 up: "
              + maxSlowdownPercent
              + ", "
              + minEffectPercent);
    }
  }

  /** The default rules: every line and every function, no slowdown beyond the minimum effect. */
  public static List<CheckRule> defaults() {
    return List.of(
        new CheckRule(Element.LINE, List.of(), List.of(), 0, DEFAULT_MIN_EFFECT_PERCENT),
        new CheckRule(Element.FUNCTION, List.of(), List.of(), 0, DEFAULT_MIN_EFFECT_PERCENT));
  }

  /**
   * A rule written as {@code element=LINE,includes=com.example.**:org.x.*,excludes=...,
   * maxSlowdown=10,minEffect=5} (patterns separated by {@code :}); element is required.
   *
   * @throws IllegalArgumentException naming what is wrong, in one line
   */
  public static CheckRule parse(String spec) {
    Element element = null;
    List<String> includes = List.of();
    List<String> excludes = List.of();
    double maxSlowdown = 0;
    double minEffect = DEFAULT_MIN_EFFECT_PERCENT;
    Set<String> given = new HashSet<>();
    for (String part : spec.split(",", -1)) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "rule '"
                + spec
                + "': '"
                + part
                + "' is not key=value (element, includes, excludes,"
                + " maxSlowdown, minEffect)");
      }
      String key = part.substring(0, eq).trim();
      String value = part.substring(eq + 1).trim();
      if (!given.add(key)) {
        throw new IllegalArgumentException(
            "rule '" + spec + "': " + key + " is given twice; give it once");
      }
      switch (key) {
        case "element" -> element = element(value);
        case "includes" -> includes = patterns(value);
        case "excludes" -> excludes = patterns(value);
        case "maxSlowdown" -> maxSlowdown = percent(key, value);
        case "minEffect" -> minEffect = percent(key, value);
        default ->
            throw new IllegalArgumentException(
                "rule '"
                    + spec
                    + "': unknown key '"
                    + key
                    + "'; keys are element, includes, excludes, maxSlowdown, minEffect");
      }
    }
    if (element == null) {
      throw new IllegalArgumentException(
          "rule '" + spec + "': element=LINE or FUNCTION is missing");
    }
    return new CheckRule(element, includes, excludes, maxSlowdown, minEffect);
  }

  static Element element(String value) {
    try {
      return Element.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("element must be LINE or FUNCTION: '" + value + "'");
    }
  }

  private static List<String> patterns(String value) {
    List<String> patterns = new ArrayList<>();
    for (String pattern : value.split(":", -1)) {
      if (!pattern.isBlank()) {
        patterns.add(pattern.trim());
      }
    }
    return patterns;
  }

  private static double percent(String key, String value) {
    try {
      double percent = Double.parseDouble(value.trim().replaceFirst("%$", ""));
      if (percent >= 0 && Double.isFinite(percent)) {
        return percent;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + " must be a percentage from 0 up: '" + value + "'");
  }

  /** The smallest growth, in percent, that violates the rule. */
  double thresholdPercent() {
    return Math.max(maxSlowdownPercent, minEffectPercent);
  }

  /** Whether the rule judges {@code function} (and, for a line rule, its lines). */
  boolean selects(FunctionInfo function) {
    String name = qualifiedName(function);
    boolean included =
        includes.isEmpty() || includes.stream().anyMatch(p -> glob(p).matcher(name).matches());
    return included && excludes.stream().noneMatch(p -> glob(p).matcher(name).matches());
  }

  /** {@code io/github/demo/Walk.java} and {@code Walk.step}: {@code io.github.demo.Walk.step}. */
  public static String qualifiedName(FunctionInfo function) {
    String file = function.file();
    int slash = file.lastIndexOf('/');
    return slash < 0
        ? function.name()
        : file.substring(0, slash).replace('/', '.') + "." + function.name();
  }

  private static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^.]*");
      } else if (c == '?') {
        regex.append("[^.]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  /** {@code LINE rule (includes ..., at most +5 % slower)}, for the messages. */
  public String describe() {
    StringBuilder text = new StringBuilder(element.name()).append(" rule");
    List<String> parts = new ArrayList<>();
    if (!includes.isEmpty()) {
      parts.add("includes " + String.join(", ", includes));
    }
    if (!excludes.isEmpty()) {
      parts.add("excludes " + String.join(", ", excludes));
    }
    parts.add(String.format(Locale.ROOT, "at most %s %% slower", number(thresholdPercent())));
    return text.append(" (").append(String.join("; ", parts)).append(')').toString();
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
