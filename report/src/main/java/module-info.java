/**
 * lineprof's reports: the statistics a report holds ({@code stats}), the JSON writer and its strict
 * reader, the text, Markdown and HTML tables, and merge, diff and check. The runtime compiles
 * against this module and shades its packages into lineprof-runtime.jar, so on a module path they
 * are part of {@code io.github.lineprof.runtime}; lineprof's command line and Maven plugin use it
 * on the class path.
 */
module io.github.lineprof.report {
  exports io.github.lineprof.report;
  exports io.github.lineprof.report.stats;

  requires java.management;
}
