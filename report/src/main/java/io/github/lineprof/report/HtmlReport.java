package io.github.lineprof.report;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import io.github.lineprof.report.stats.Spread;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML page: a sortable summary of the functions (calls and total
 * time), then each function's source shaded by where its time went, like JaCoCo's source view but
 * for time, with a bar per line, a "hot lines only" switch, folding per function, and links from a
 * line that calls another profiled method to that method's table.
 *
 * <p>Everything is inline (no fonts, scripts or styles fetched), so the page opens from a CI
 * artifact or a mail attachment as it does from disk.
 */
public final class HtmlReport {
  /** Time units, largest first, for a listing without an output unit: its largest time's unit. */
  private static final double[] UNITS = {1, 1e-3, 1e-6, 1e-9};

  private static final String ALLOCATED = "bytes allocated, including the methods it calls";

  private static final String HALF_WIDTH =
      "95 % half-width of % Time, in points of the function's time: the time was estimated from"
          + " samples";

  /** Lines below this share of their function's time are hidden by "hot lines only". */
  static final double HOT_PERCENT = 1.0;

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private HtmlReport() {}

  /**
   * Writes {@code directory/index.html}, atomically.
   *
   * @param outputUnit seconds per unit of the listings' Time and Per hit columns; {@code null} for
   *     each function's most readable unit
   */
  public static void write(
      ProfileStats stats, List<RunInfo> runs, Double outputUnit, Path directory)
      throws IOException {
    ReportFiles.write(directory.resolve("index.html"), render(stats, runs, outputUnit));
  }

  public static String render(ProfileStats stats, List<RunInfo> runs, Double outputUnit) {
    HtmlWriter html = new HtmlWriter().doctype();
    html.start("html").attr("lang", "en").newline();
    html.start("head").newline();
    html.start("meta").attr("charset", "utf-8").newline();
    html.start("meta")
        .attr("name", "viewport")
        .attr("content", "width=device-width, initial-scale=1")
        .newline();
    html.element("title", "lineprof report").newline();
    html.rawElement("style", PageAssets.REPORT_STYLE).newline();
    html.end().newline();
    html.start("body").newline();
    html.start("h1").attr("id", "top").text("lineprof").end().newline();
    runs.forEach(run -> writeRun(html, run));
    List<FunctionRows> functions =
        stats.functions().stream()
            .map(f -> FunctionRows.of(f, outputUnit != null ? outputUnit : readableUnit(f)))
            .toList();
    writeSummary(html, functions, functions.stream().anyMatch(FunctionRows::hasBytes));
    html.start("div").attr("class", "controls");
    html.start("label").start("input").attr("type", "checkbox").attr("id", "hot-only");
    html.text(" Hot lines only (" + format1(HOT_PERCENT) + " % of their function's time or more)")
        .end();
    html.start("button").attr("type", "button").attr("id", "fold-all").text("Fold all").end();
    html.text(" ");
    html.start("button").attr("type", "button").attr("id", "unfold-all").text("Unfold all").end();
    html.end().newline();
    CallLinks links = new CallLinks(functions.stream().map(f -> f.info().name()).toList());
    for (int i = 0; i < functions.size(); i++) {
      writeListing(html, functions.get(i), i, outputUnit != null, links);
    }
    html.rawElement("script", PageAssets.REPORT_SCRIPT).newline();
    html.end().newline(); // body
    return html.end().newline().finish();
  }

  /** One line per run, its settings and JVM options folded away until clicked, then its notes. */
  private static void writeRun(HtmlWriter html, RunInfo run) {
    RunInfo.Jvm jvm = run.jvm();
    RunInfo.Machine machine = run.machine();
    html.start("details").attr("class", "run");
    html.element(
            "summary",
            DATE.format(run.started())
                + " · mode "
                + run.mode()
                + " · Java "
                + jvm.version()
                + " ("
                + jvm.vm()
                + ") · "
                + machine.os()
                + " "
                + machine.arch()
                + ", "
                + machine.cpus()
                + (machine.cpus() == 1 ? " CPU" : " CPUs"))
        .newline();
    html.start("dl").newline();
    run.settings().forEach((name, value) -> writeTerm(html, name, value));
    writeTerm(html, "JVM", jvm.vendor() + " " + jvm.vm() + " " + jvm.vmVersion());
    writeTerm(html, "JVM options", jvm.args().isEmpty() ? "(none)" : String.join(" ", jvm.args()));
    writeTerm(html, "OS", machine.os() + " " + machine.osVersion());
    html.end().end().newline();
    html.start("ul").attr("class", "notes").newline();
    RunNotes.lines(run).forEach(note -> html.element("li", note).newline());
    html.end().newline();
  }

  private static void writeTerm(HtmlWriter html, String term, String definition) {
    html.element("dt", term).element("dd", definition).newline();
  }

  /**
   * Calls and total time per function, and the bytes allocated when the run measured them. No share
   * of all functions' time: a profiled callee's time is also in its caller's total, so such shares
   * add up to more than the whole.
   */
  private static void writeSummary(HtmlWriter html, List<FunctionRows> functions, boolean bytes) {
    html.start("table").attr("id", "summary").newline();
    html.start("thead").start("tr");
    html.start("th").attr("class", "left").attr("data-type", "text").text("Function").end();
    html.start("th").attr("class", "left").attr("data-type", "text").text("File").end();
    html.start("th")
        .attr("data-type", "num")
        .attr("title", "how often the function was entered")
        .text("Calls")
        .end();
    html.start("th")
        .attr("data-type", "num")
        .attr("title", "including the time of the methods it calls")
        .text("Total time")
        .end();
    html.start("th").attr("data-type", "num").text("Per call").end();
    if (bytes) {
      html.start("th").attr("data-type", "num").attr("title", ALLOCATED).text("Allocated").end();
    }
    html.end().end().newline();
    html.start("tbody").newline();
    boolean estimated = false;
    for (int i = 0; i < functions.size(); i++) {
      FunctionRows f = functions.get(i);
      FunctionRows.Calls calls = f.calls();
      boolean estimate = f.ran() && !calls.counted();
      estimated |= estimate;
      long nanos = f.totalNanos();
      double perCall = calls.count() == 0 ? 0 : (double) nanos / calls.count();
      html.start("tr");
      html.start("td").attr("class", "left").attr("data-sort", f.info().name());
      html.start("a").attr("href", "#" + anchor(i)).text(f.info().name()).end().end();
      html.start("td").attr("class", "left").attr("data-sort", f.location());
      html.text(f.location()).end();
      html.start("td").attr("class", "num").attr("data-sort", calls.count());
      html.attr("title", calls.note()).text(calls.count() + (estimate ? "*" : "")).end();
      html.start("td").attr("class", "num").attr("data-sort", nanos).attr("title", nanos + " ns");
      if (f.ran()) {
        html.text(Durations.readable(nanos));
      } else {
        html.start("span").attr("class", "idle").text("not run").end();
      }
      html.end();
      html.start("td").attr("class", "num").attr("data-sort", format1(perCall));
      html.text(f.ran() ? Durations.readable(perCall) : "").end();
      if (bytes) {
        html.start("td")
            .attr("class", "num")
            .attr("data-sort", f.totalBytes())
            .attr("title", f.totalBytes() + " bytes")
            .text(f.hasBytes() ? Sizes.readable(f.totalBytes()) : "")
            .end();
      }
      html.end().newline();
    }
    html.end().newline().end().newline();
    if (estimated) {
      html.start("p")
          .attr("class", "foot")
          .text("* this run did not count calls: the hits of the function's first line that ran")
          .end()
          .newline();
    }
  }

  private static void writeListing(
      HtmlWriter html, FunctionRows f, int index, boolean fixedUnit, CallLinks links) {
    FunctionInfo info = f.info();
    String unit = Durations.unitName(f.outputUnit());
    html.start("details").attr("class", "fn").attr("open").start("summary");
    html.start("h2").attr("id", anchor(index)).text(info.name());
    html.start("a").attr("class", "top").attr("href", "#top").text("↑ summary").end();
    html.end().end().newline();
    html.start("div").attr("class", "meta").text(f.location());
    if (f.ran()) {
      html.text(" · total ");
      html.start("span")
          .attr("title", f.totalNanos() + " ns")
          .text(Durations.readable(f.totalNanos()))
          .end();
    } else {
      html.text(" · never run");
    }
    html.end().newline();
    html.start("div").attr("class", "listing").start("table").newline();
    html.start("thead").start("tr").element("th", "Line").element("th", "Hits");
    html.element("th", "Time (" + unit + ")");
    html.element("th", fixedUnit ? "Per hit (" + unit + ")" : "Per hit");
    html.element("th", "% Time");
    if (f.sampled()) {
      html.start("th").attr("title", HALF_WIDTH).text("±").end();
    }
    html.element("th", "");
    if (f.hasBytes()) {
      html.start("th").attr("title", ALLOCATED).text("Allocated").end().element("th", "Per hit");
    }
    html.start("th").attr("class", "left").text("Source").end();
    html.end().end().newline();
    html.start("tbody").newline();
    for (LineRow row : f.rows()) {
      writeLine(html, f, row, fixedUnit, links.spans(row.source(), index));
    }
    html.end().newline().end().end().newline();
    PrecisionNote.text(f)
        .ifPresent(note -> html.start("p").attr("class", "foot").text(note).end().newline());
    if (f.hasNested() && f.ran()) {
      html.start("p").attr("class", "foot").text(TextReport.NESTED_LEGEND).end().newline();
    }
    html.end().newline();
  }

  /**
   * One source row; its background heat and its bar are the line's share of the function's time.
   * Without a fixed unit, Per hit has a unit per cell: a loop body's nanoseconds and a call's
   * milliseconds share one function.
   */
  private static void writeLine(
      HtmlWriter html,
      FunctionRows f,
      LineRow row,
      boolean fixedUnit,
      List<CallLinks.Span> source) {
    if (!row.ran()) {
      html.start("tr").attr("class", "idle");
      html.start("td").attr("class", "ln").text(row.line()).end();
      int empty = 5 + (f.sampled() ? 1 : 0) + (f.hasBytes() ? 2 : 0);
      for (int i = 0; i < empty; i++) {
        html.element("td", "");
      }
      writeSource(html, source);
      html.end().newline();
      return;
    }
    double share = Math.min(1, Math.max(0, row.percent() / 100));
    double perHitNanos = (double) row.nanos() / row.hits();
    html.start("tr")
        .attr(
            "class",
            (row.percent() < HOT_PERCENT ? "ran cool" : "ran") + (row.nested() ? " nested" : ""))
        .attr("style", "--heat:" + String.format(Locale.ROOT, "%.4f", share));
    html.start("td").attr("class", "ln").text(row.line()).end();
    html.start("td").attr("class", "num").text(row.hits()).end();
    html.start("td").attr("class", "num").attr("title", row.nanos() + " ns");
    html.text(inUnit(row.time())).end();
    writePerHit(
        html, row, perHitNanos, fixedUnit ? inUnit(row.perHit()) : Durations.readable(perHitNanos));
    writePercent(html, f, row);
    if (f.sampled()) {
      html.start("td").attr("class", "num").text(halfWidth(f, row)).end();
    }
    html.start("td").attr("class", "bar").start("span").attr("class", "track");
    html.start("span").attr("style", "width:" + format1(100 * share) + "%").end().end().end();
    if (f.hasBytes()) {
      double perHitBytes = (double) row.bytes() / row.hits();
      html.start("td").attr("class", "num").attr("title", row.bytes() + " bytes");
      html.text(Sizes.readable(row.bytes())).end();
      html.start("td").attr("class", "num").attr("title", format1(perHitBytes) + " bytes");
      html.text(Sizes.readable(perHitBytes)).end();
    }
    writeSource(html, source);
    html.end().newline();
  }

  /** The source cell: the line's text with each call of another profiled function a link. */
  private static void writeSource(HtmlWriter html, List<CallLinks.Span> source) {
    html.start("td").attr("class", "src");
    for (CallLinks.Span span : source) {
      if (span.linked()) {
        html.start("a").attr("class", "call").attr("href", "#" + anchor(span.target()));
        html.text(span.text()).end();
      } else {
        html.text(span.text());
      }
    }
    html.end();
  }

  /** The ± cell: empty when the function has no share to be off. */
  private static String halfWidth(FunctionRows f, LineRow row) {
    return f.timed() ? PrecisionNote.points(row.halfWidth()).substring(2) : "";
  }

  /**
   * A nested line's share is in brackets, with a tooltip: its time is in its calling line's, not
   * added again into the total.
   */
  private static void writePercent(HtmlWriter html, FunctionRows f, LineRow row) {
    html.start("td").attr("class", "num");
    if (!f.timed()) {
      html.end();
    } else if (row.nested()) {
      html.attr(
              "title",
              "inside line " + row.caller() + ": in its time, not added again into the total")
          .text("[" + format1(row.percent()) + "]")
          .end();
    } else {
      html.text(format1(row.percent())).end();
    }
  }

  /** Per hit's cell: its tooltip has the exact time and, when timed hit by hit, their spread. */
  private static void writePerHit(HtmlWriter html, LineRow row, double perHitNanos, String perHit) {
    Spread.Summary s = row.spread();
    if (s == null) {
      html.start("td").attr("class", "num").attr("title", format1(perHitNanos) + " ns");
    } else {
      html.start("td")
          .attr("class", "num spread")
          .attr(
              "title",
              format1(perHitNanos)
                  + " ns per hit; min "
                  + Durations.readable(s.min())
                  + ", median "
                  + Durations.readable(s.median())
                  + ", p99 "
                  + Durations.readable(s.p99())
                  + ", max "
                  + Durations.readable(s.max()));
    }
    html.text(perHit).end();
  }

  /**
   * The largest unit the function's largest line time reaches 1 of: 1 to 3 digits before the point.
   */
  private static double readableUnit(FunctionStats f) {
    long max = 0;
    for (int line = f.info().firstLine(); line <= f.info().lastLine(); line++) {
      max = Math.max(max, f.nanos(line));
    }
    for (double unit : UNITS) {
      if (max * FunctionRows.NANOS >= unit) {
        return unit;
      }
    }
    return FunctionRows.NANOS;
  }

  /**
   * A value in its column's unit; "< 0.1" rather than a misleading 0.0 for a small but nonzero
   * time.
   */
  private static String inUnit(double value) {
    return value > 0 && value < 0.05 ? "< 0.1" : format1(value);
  }

  private static String format1(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Ids by position: names repeat across overloads and classes of the same simple name. */
  private static String anchor(int index) {
    return "f" + index;
  }
}
