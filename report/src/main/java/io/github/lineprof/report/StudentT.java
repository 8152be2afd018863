package io.github.lineprof.report;

/**
 * Student's t distribution, as far as Welch's test needs it: the tails of a t statistic, from the
 * regularized incomplete beta function, P(|T| >= t) = I_{df/(df+t^2)}(df/2, 1/2), evaluated by its
 * continued fraction (Numerical Recipes, 3rd ed., 6.4) to about 1e-14.
 */
final class StudentT {
  private static final int MAX_ITERATIONS = 10_000;
  private static final double EPSILON = 1e-15;
  private static final double TINY = 1e-300;

  private StudentT() {}

  /** P(|T| >= |t|) for T with {@code df} degrees of freedom (any positive real). */
  static double twoSidedP(double t, double df) {
    if (Double.isNaN(t) || !(df > 0)) {
      return Double.NaN;
    }
    if (Double.isInfinite(t)) {
      return 0;
    }
    return regularizedBeta(df / (df + t * t), df / 2, 0.5);
  }

  /**
   * Welch's p-value for the means of two samples of two or more values each differing by more than
   * a margin: the null hypothesis is {@code -below <= mean(b) - mean(a) <= above}, tested at the
   * edge nearer the observed difference, with the far edge's tail added, so that with both margins
   * 0 this is the two-sided p-value.
   */
  static double welchBeyondP(double[] a, double[] b, double below, double above) {
    double difference = mean(b) - mean(a);
    double varA = variance(a, mean(a)) / a.length;
    double varB = variance(b, mean(b)) / b.length;
    double error = Math.sqrt(varA + varB);
    double df =
        (varA + varB)
            * (varA + varB)
            / (varA * varA / (a.length - 1) + varB * varB / (b.length - 1));
    double near = difference >= 0 ? above : below;
    double far = difference >= 0 ? below : above;
    double size = Math.abs(difference);
    return Math.min(1, upperTail((size - near) / error, df) + upperTail((size + far) / error, df));
  }

  /** P(T >= t). */
  private static double upperTail(double t, double df) {
    double twoSided = twoSidedP(t, df);
    return t >= 0 ? twoSided / 2 : 1 - twoSided / 2;
  }

  private static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  /** The unbiased sample variance. */
  private static double variance(double[] x, double mean) {
    double squares = 0;
    for (double v : x) {
      squares += (v - mean) * (v - mean);
    }
    return squares / (x.length - 1);
  }

  /** I_x(a, b). */
  static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double front =
        Math.exp(
            logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
    // the continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry beyond
    return x < (a + 1) / (a + b + 2)
        ? front * continuedFraction(x, a, b) / a
        : 1 - front * continuedFraction(1 - x, b, a) / b;
  }

  private static double continuedFraction(double x, double a, double b) {
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = 1 / (Math.abs(d) < TINY ? TINY : d);
    double h = d;
    for (int m = 1; m <= MAX_ITERATIONS; m++) {
      int m2 = 2 * m;
      double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + even * d;
      d = 1 / (Math.abs(d) < TINY ? TINY : d);
      c = 1 + even / c;
      c = Math.abs(c) < TINY ? TINY : c;
      h *= d * c;
      double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + odd * d;
      d = 1 / (Math.abs(d) < TINY ? TINY : d);
      c = 1 + odd / c;
      c = Math.abs(c) < TINY ? TINY : c;
      double step = d * c;
      h *= step;
      if (Math.abs(step - 1) < EPSILON) {
        break;
      }
    }
    return h;
  }

  /** ln Gamma(x) for x > 0, Lanczos' approximation (g = 7, 9 terms), about 1e-15 relative. */
  static double logGamma(double x) {
    if (x < 0.5) {
      // reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x)
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double[] g = {
      0.9999999999998099,
      676.5203681218851,
      -1259.1392167224028,
      771.3234287776531,
      -176.6150291621406,
      12.507343278686905,
      -0.13857109526572012,
      9.984369578019572e-6,
      1.5056327351493116e-7
    };
    double y = x - 1;
    double sum = g[0];
    for (int i = 1; i < g.length; i++) {
      sum += g[i] / (y + i);
    }
    double t = y + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
