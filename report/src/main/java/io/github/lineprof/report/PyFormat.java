package io.github.lineprof.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Python's {@code '%W.Pf'} and {@code '%W.Pg'}, digit for digit.
 *
 * <p>Python rounds the exact binary value of a double half-even (0.25 gives "0.2", and 0.35, which
 * is 0.34999..., gives "0.3"), while Java's {@code String.format} rounds its shortest decimal
 * half-up ("0.3" and "0.4"); and Java's {@code %g} neither strips trailing zeros nor chooses
 * between fixed and exponent notation the way C does. Hence this class.
 */
final class PyFormat {
  private PyFormat() {}

  /** {@code '%<width>.<precision>f' % value}. */
  static String f(double value, int width, int precision) {
    if (!Double.isFinite(value)) {
      return pad(nonFinite(value), width);
    }
    BigDecimal digits = new BigDecimal(Math.abs(value)).setScale(precision, RoundingMode.HALF_EVEN);
    return pad(sign(value) + digits.toPlainString(), width);
  }

  /**
   * {@code '%<width>.<precision>g' % value}: {@code precision} significant digits, in exponent
   * notation when the exponent is below -4 or not below the precision, without trailing zeros.
   */
  static String g(double value, int width, int precision) {
    if (!Double.isFinite(value)) {
      return pad(nonFinite(value), width);
    }
    int p = Math.max(precision, 1);
    BigDecimal rounded =
        new BigDecimal(Math.abs(value)).round(new MathContext(p, RoundingMode.HALF_EVEN));
    // The exponent is taken after rounding, as C does: 9.9999996 becomes "10", not "9.99999e+00".
    int exponent = rounded.signum() == 0 ? 0 : rounded.precision() - rounded.scale() - 1;
    String text;
    if (exponent >= -4 && exponent < p) {
      text = stripZeros(rounded.setScale(p - 1 - exponent).toPlainString());
    } else {
      String mantissa = rounded.movePointLeft(exponent).setScale(p - 1).toPlainString();
      text = stripZeros(mantissa) + String.format(Locale.ROOT, "e%+03d", exponent);
    }
    return pad(sign(value) + text, width);
  }

  /** Right-aligns like Python's {@code '%<width>s'}: never truncates. */
  static String pad(String text, int width) {
    return " ".repeat(Math.max(0, width - text.length())) + text;
  }

  /** Python keeps the sign of -0.0 ("-0.0") and of tiny negatives rounded to zero. */
  private static String sign(double value) {
    return Math.copySign(1.0, value) < 0 ? "-" : "";
  }

  /** Python prints "inf", "-inf" and an unsigned "nan". */
  private static String nonFinite(double value) {
    return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
  }

  private static String stripZeros(String digits) {
    return digits.contains(".") ? digits.replaceFirst("\\.?0+$", "") : digits;
  }
}
