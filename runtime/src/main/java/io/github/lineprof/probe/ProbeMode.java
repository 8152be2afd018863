package io.github.lineprof.probe;

import java.util.Locale;

/**
 * How the probes time lines, chosen once per JVM with {@code -Dlineprof.mode=exact|sampled} before
 * the first probe runs (the agent's {@code mode=} option sets it). The probes read it from a static
 * final field, so the JIT compiles only the chosen mode's code.
 */
public enum ProbeMode {
  /** A clock read per line event: every line's time is measured. */
  EXACT,
  /** Probes only count hits and publish the current line; a sampler thread charges time to it. */
  SAMPLED;

  public static final String PROPERTY = "lineprof.mode";

  /**
   * {@code -Dlineprof.spread=false} leaves out exact mode's per-line histograms (see {@link
   * #spread()}).
   */
  public static final String SPREAD_PROPERTY = "lineprof.spread";

  /** This JVM's mode, fixed on first use; the agent sets the property before that. */
  public static ProbeMode current() {
    return Current.MODE;
  }

  /**
   * Whether the probes keep the spread of each line's hits, fixed on first use: exact mode only (it
   * times each hit), unless {@code -Dlineprof.spread=false}.
   */
  public static boolean spread() {
    return Current.SPREAD;
  }

  private static final class Current {
    static final ProbeMode MODE = parse(System.getProperty(PROPERTY, "exact"));
    static final boolean SPREAD =
        MODE == EXACT && !"false".equalsIgnoreCase(System.getProperty(SPREAD_PROPERTY));
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ProbeMode parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("lineprof mode must be exact or sampled: '" + value + "'");
    }
  }
}
