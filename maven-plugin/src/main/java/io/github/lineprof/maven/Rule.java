package io.github.lineprof.maven;

import io.github.lineprof.report.CheckRule;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <rule>} of the {@code check} goal, as JaCoCo's check rules are written:
 *
 * <pre>{@code
 * <rule>
 *   <element>LINE</element>
 *   <includes><include>com.example.**</include></includes>
 *   <excludes><exclude>com.example.Slow.*</exclude></excludes>
 *   <maxSlowdown>10</maxSlowdown>
 *   <minEffect>5</minEffect>
 * </rule>
 * }</pre>
 */
public class Rule {
  /** LINE or FUNCTION. */
  private String element;

  /** Globs over qualified function names; none: every function. */
  private List<String> includes = new ArrayList<>();

  private List<String> excludes = new ArrayList<>();

  /** The largest real slowdown allowed, in percent. */
  private double maxSlowdown;

  /** The smallest change worth failing a build for, in percent. */
  private double minEffect = CheckRule.DEFAULT_MIN_EFFECT_PERCENT;

  /**
   * @throws IllegalArgumentException naming what is wrong, in one line
   */
  CheckRule toCheckRule() {
    if (element == null) {
      throw new IllegalArgumentException("a <rule> needs an <element>: LINE or FUNCTION");
    }
    return new CheckRule(
        CheckRule.Element.valueOf(checkedElement()), includes, excludes, maxSlowdown, minEffect);
  }

  private String checkedElement() {
    String name = element.trim().toUpperCase(java.util.Locale.ROOT);
    if (!name.equals("LINE") && !name.equals("FUNCTION")) {
      throw new IllegalArgumentException("element must be LINE or FUNCTION: '" + element + "'");
    }
    return name;
  }
}
