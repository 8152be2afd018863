package io.github.lineprof.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The line under a sampled function's table that states how precise its lines' {@code % Time} are:
 * the function's precision (its widest line's 95 % half-width), the next widest lines, and a bound
 * for the rest. line_profiler has no such line; exact times have no sampling error and get none.
 */
final class PrecisionNote {
  /** Lines named besides the widest; the rest share one bound. */
  private static final int NAMED = 2;

  private PrecisionNote() {}

  /**
   * E.g. {@code Precision (95 %): +-0.9 points of this function's time at worst (line 26); lines 25
   * +-0.8, 27 +-0.3; other lines +-0.1 or better}; empty unless the function's time was estimated
   * from samples.
   */
  static Optional<String> text(FunctionRows function) {
    if (!function.sampled() || !function.timed()) {
      return Optional.empty();
    }
    List<LineRow> ran = new ArrayList<>(function.rows().stream().filter(LineRow::ran).toList());
    ran.sort(Comparator.comparingDouble(LineRow::halfWidth).reversed());
    LineRow widest = ran.get(0);
    StringBuilder out =
        new StringBuilder("Precision (95 %): ")
            .append(points(widest.halfWidth()))
            .append(" points of this function's time at worst (line ")
            .append(widest.line())
            .append(')');
    List<LineRow> named = ran.subList(1, Math.min(ran.size(), 1 + NAMED));
    if (!named.isEmpty()) {
      out.append(named.size() == 1 ? "; line " : "; lines ");
      for (int i = 0; i < named.size(); i++) {
        out.append(i == 0 ? "" : ", ")
            .append(named.get(i).line())
            .append(' ')
            .append(points(named.get(i).halfWidth()));
      }
    }
    if (ran.size() > 1 + NAMED) {
      out.append("; other lines ")
          .append(points(ran.get(1 + NAMED).halfWidth()))
          .append(" or better");
    }
    return Optional.of(out.toString());
  }

  /** {@code +-0.9}: tenths of a point, rounded up so that the bound stays one. */
  static String points(double halfWidth) {
    return String.format(Locale.ROOT, "+-%.1f", Math.max(0, Math.ceil(halfWidth * 10 - 1e-9) / 10));
  }
}
