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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /**
   * An identifier followed by an opening parenthesis: a call, or a declaration, in a source line.
   */
  private static final Pattern CALL =
      Pattern.compile(
          "(?<![\\p{javaJavaIdentifierPart}])(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)\\(");

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final String STYLE =
      """
      :root { --hot: 234, 88, 12; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
        color: #1f2328; background: #fff; }
      body { margin: 24px 32px; }
      h1 { font-size: 22px; margin: 0 0 4px; }
      h2 { font-size: 16px; margin: 32px 0 2px; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
      .meta, .run { color: #59636e; }
      .run { margin: 2px 0; }
      .run summary { cursor: pointer; }
      .run dl { display: grid; grid-template-columns: max-content auto; gap: 0 16px; margin: 4px 0 8px 16px; }
      .run dt { font-weight: 600; } .run dd { margin: 0; font-family: ui-monospace, monospace; }
      table { border-collapse: collapse; }
      th, td { padding: 2px 10px; text-align: right; white-space: nowrap; }
      th { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; font-weight: 600; }
      .num { font-variant-numeric: tabular-nums; }
      #summary { margin-top: 16px; }
      #summary td, #summary th { padding: 4px 12px; }
      #summary tbody tr:nth-child(even) { background: #f6f8fa; }
      #summary th { cursor: pointer; user-select: none; }
      #summary th[aria-sort=ascending]::after { content: " \\25B2"; font-size: 10px; }
      #summary th[aria-sort=descending]::after { content: " \\25BC"; font-size: 10px; }
      .left, #summary td.left, #summary th.left { text-align: left; }
      a { color: #0969da; text-decoration: none; } a:hover { text-decoration: underline; }
      .listing { overflow-x: auto; border: 1px solid #d1d9e0; border-radius: 6px; margin-top: 8px; }
      .listing table { width: 100%; font: 13px/1.5 ui-monospace, "DejaVu Sans Mono", Menlo, monospace; }
      .listing td { padding: 0 10px; }
      .listing td.src { text-align: left; white-space: pre; tab-size: 4; width: 100%; }
      .listing td.ln { color: #8c959f; border-right: 1px solid #d1d9e0; user-select: none; }
      /* The heat map: --heat is the line's share of the function's time, 0 to 1. */
      tr.ran { background: rgba(var(--hot), calc(var(--heat) * 0.75)); }
      tr.idle, .idle { color: #9aa1a9; }
      .top { font-size: 12px; margin-left: 8px; font-family: system-ui, sans-serif; font-weight: normal; }
      .notes { margin: 0 0 4px 16px; padding-left: 16px; color: #59636e; font-size: 13px; }
      .controls { margin: 16px 0 0; } .controls label { margin-right: 16px; cursor: pointer; }
      .foot { color: #59636e; font-size: 12px; margin: 4px 0; }
      details.fn > summary { cursor: pointer; list-style-position: outside; margin-left: 16px; }
      details.fn > summary h2 { display: inline; }
      details.fn > summary::marker { font-size: 13px; color: #59636e; }
      /* The per-line bar: the line's share of its function's time, beside % Time. */
      .listing td.bar { padding: 0 4px; }
      .track { display: block; width: 80px; }
      .track span { display: block; height: 9px; border-radius: 2px; background: rgb(var(--hot)); }
      a.call { color: inherit; text-decoration: underline dotted; } a.call:hover { color: #0969da; }
      td.spread { text-decoration: underline dotted; cursor: help; }
      /* A line of a lambda or class inside the function: its time is in its calling line's. */
      tr.nested td.ln { border-right: 3px double #8c959f; }
      tr.nested .track span { background: rgba(var(--hot), 0.45); }
      body.hot-only tr.cool, body.hot-only tr.idle { display: none; }
      """;

  /**
   * Sorts the summary when a column header is clicked (numbers by their raw value in data-sort),
   * starts with the hottest function first, wires the hot-lines and fold controls, opens a folded
   * function when a link leads to it, and marks the page data-ready so a headless browser can tell
   * the script ran.
   */
  private static final String SCRIPT =
      """
      (function () {
        var table = document.getElementById("summary");
        var heads = table.tHead.rows[0].cells;
        function sortBy(col, dir) {
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          var numeric = heads[col].dataset.type === "num";
          rows.sort(function (a, b) {
            var x = a.cells[col].dataset.sort, y = b.cells[col].dataset.sort;
            var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
            return dir === "ascending" ? c : -c;
          });
          rows.forEach(function (r) { body.appendChild(r); });
          for (var i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
          heads[col].setAttribute("aria-sort", dir);
        }
        Array.prototype.forEach.call(heads, function (th, col) {
          th.addEventListener("click", function () {
            var now = th.getAttribute("aria-sort");
            var first = th.dataset.type === "num" ? "descending" : "ascending";
            sortBy(col, now ? (now === "ascending" ? "descending" : "ascending") : first);
          });
        });
        sortBy(3, "descending");
        document.getElementById("hot-only").addEventListener("change", function (e) {
          document.body.classList.toggle("hot-only", e.target.checked);
        });
        function foldAll(open) {
          document.querySelectorAll("details.fn").forEach(function (d) { d.open = open; });
        }
        document.getElementById("fold-all").addEventListener("click", function () { foldAll(false); });
        document.getElementById("unfold-all").addEventListener("click", function () { foldAll(true); });
        function reveal() {
          var target = location.hash && document.getElementById(location.hash.substring(1));
          var fn = target && target.closest("details.fn");
          if (fn && !fn.open) { fn.open = true; target.scrollIntoView(); }
        }
        window.addEventListener("hashchange", reveal);
        reveal();
        document.documentElement.setAttribute("data-ready", "true");
      })();
      """;

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
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>lineprof report</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n");
    out.append("<h1 id=\"top\">lineprof</h1>\n");
    runs.forEach(run -> appendRun(out, run));
    List<FunctionRows> functions =
        stats.functions().stream()
            .map(f -> FunctionRows.of(f, outputUnit != null ? outputUnit : readableUnit(f)))
            .toList();
    appendSummary(out, functions, functions.stream().anyMatch(FunctionRows::hasBytes));
    out.append(
            "<div class=\"controls\"><label><input type=\"checkbox\" id=\"hot-only\"> Hot lines only (")
        .append(format1(HOT_PERCENT))
        .append(" % of their function's time or more)</label>")
        .append("<button type=\"button\" id=\"fold-all\">Fold all</button> ")
        .append("<button type=\"button\" id=\"unfold-all\">Unfold all</button></div>\n");
    CallTargets targets = new CallTargets(functions);
    for (int i = 0; i < functions.size(); i++) {
      appendListing(out, functions.get(i), i, outputUnit != null, targets);
    }
    out.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return out.toString();
  }

  /** One line per run, its settings and JVM options folded away until clicked, then its notes. */
  private static void appendRun(StringBuilder out, RunInfo run) {
    RunInfo.Jvm jvm = run.jvm();
    RunInfo.Machine machine = run.machine();
    out.append("<details class=\"run\"><summary>")
        .append(escape(DATE.format(run.started())))
        .append(" · mode ")
        .append(escape(run.mode()))
        .append(" · Java ")
        .append(escape(jvm.version()))
        .append(" (")
        .append(escape(jvm.vm()))
        .append(")")
        .append(" · ")
        .append(escape(machine.os()))
        .append(' ')
        .append(escape(machine.arch()))
        .append(", ")
        .append(machine.cpus())
        .append(machine.cpus() == 1 ? " CPU" : " CPUs")
        .append("</summary>\n<dl>\n");
    run.settings().forEach((name, value) -> appendTerm(out, name, value));
    appendTerm(out, "JVM", jvm.vendor() + " " + jvm.vm() + " " + jvm.vmVersion());
    appendTerm(out, "JVM options", jvm.args().isEmpty() ? "(none)" : String.join(" ", jvm.args()));
    appendTerm(out, "OS", machine.os() + " " + machine.osVersion());
    out.append("</dl></details>\n<ul class=\"notes\">\n");
    RunNotes.lines(run).forEach(note -> out.append("<li>").append(escape(note)).append("</li>\n"));
    out.append("</ul>\n");
  }

  private static void appendTerm(StringBuilder out, String term, String definition) {
    out.append("<dt>")
        .append(escape(term))
        .append("</dt><dd>")
        .append(escape(definition))
        .append("</dd>\n");
  }

  /**
   * Calls and total time per function, and the bytes allocated when the run measured them. No share
   * of all functions' time: a profiled callee's time is also in its caller's total, so such shares
   * add up to more than the whole.
   */
  private static void appendSummary(
      StringBuilder out, List<FunctionRows> functions, boolean bytes) {
    out.append("<table id=\"summary\">\n<thead><tr>")
        .append("<th class=\"left\" data-type=\"text\">Function</th>")
        .append("<th class=\"left\" data-type=\"text\">File</th>")
        .append("<th data-type=\"num\" title=\"how often the function was entered\">Calls</th>")
        .append(
            "<th data-type=\"num\" title=\"including the time of the methods it calls\">Total time</th>")
        .append("<th data-type=\"num\">Per call</th>")
        .append(bytes ? "<th data-type=\"num\" title=\"" + ALLOCATED + "\">Allocated</th>" : "")
        .append("</tr></thead>\n<tbody>\n");
    boolean estimated = false;
    for (int i = 0; i < functions.size(); i++) {
      FunctionRows f = functions.get(i);
      FunctionRows.Calls calls = f.calls();
      boolean estimate = f.ran() && !calls.counted();
      estimated |= estimate;
      long nanos = f.totalNanos();
      double perCall = calls.count() == 0 ? 0 : (double) nanos / calls.count();
      out.append("<tr>")
          .append("<td class=\"left\" data-sort=\"")
          .append(escape(f.info().name()))
          .append("\"><a href=\"#")
          .append(anchor(i))
          .append("\">")
          .append(escape(f.info().name()))
          .append("</a></td>")
          .append("<td class=\"left\" data-sort=\"")
          .append(escape(f.location()))
          .append("\">")
          .append(escape(f.location()))
          .append("</td>")
          .append("<td class=\"num\" data-sort=\"")
          .append(calls.count())
          .append("\" title=\"")
          .append(escape(calls.note()))
          .append("\">")
          .append(calls.count())
          .append(estimate ? "*" : "")
          .append("</td>")
          .append("<td class=\"num\" data-sort=\"")
          .append(nanos)
          .append("\" title=\"")
          .append(nanos)
          .append(" ns\">")
          .append(f.ran() ? Durations.readable(nanos) : "<span class=\"idle\">not run</span>")
          .append("</td>")
          .append("<td class=\"num\" data-sort=\"")
          .append(format1(perCall))
          .append("\">")
          .append(f.ran() ? Durations.readable(perCall) : "")
          .append("</td>");
      if (bytes) {
        out.append("<td class=\"num\" data-sort=\"")
            .append(f.totalBytes())
            .append("\" title=\"")
            .append(f.totalBytes())
            .append(" bytes\">")
            .append(f.hasBytes() ? Sizes.readable(f.totalBytes()) : "")
            .append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    if (estimated) {
      out.append(
          "<p class=\"foot\">* this run did not count calls: the hits of the function's first line that ran</p>\n");
    }
  }

  private static void appendListing(
      StringBuilder out, FunctionRows f, int index, boolean fixedUnit, CallTargets targets) {
    FunctionInfo info = f.info();
    String unit = Durations.unitName(f.outputUnit());
    out.append("<details class=\"fn\" open><summary><h2 id=\"")
        .append(anchor(index))
        .append("\">")
        .append(escape(info.name()))
        .append("<a class=\"top\" href=\"#top\">↑ summary</a></h2></summary>\n")
        .append("<div class=\"meta\">")
        .append(escape(f.location()))
        .append(
            f.ran()
                ? " · total <span title=\""
                    + f.totalNanos()
                    + " ns\">"
                    + Durations.readable(f.totalNanos())
                    + "</span>"
                : " · never run")
        .append("</div>\n");
    out.append("<div class=\"listing\"><table>\n<thead><tr><th>Line</th><th>Hits</th>")
        .append("<th>Time (")
        .append(escape(unit))
        .append(")</th>")
        .append(fixedUnit ? "<th>Per hit (" + escape(unit) + ")</th>" : "<th>Per hit</th>")
        .append("<th>% Time</th>")
        .append(f.sampled() ? "<th title=\"" + HALF_WIDTH + "\">±</th>" : "")
        .append("<th></th>")
        .append(
            f.hasBytes() ? "<th title=\"" + ALLOCATED + "\">Allocated</th><th>Per hit</th>" : "")
        .append("<th class=\"left\">Source</th></tr></thead>\n<tbody>\n");
    for (LineRow row : f.rows()) {
      appendLine(out, f, row, fixedUnit, targets.link(VisibleSource.of(row.source()), index));
    }
    out.append("</tbody>\n</table></div>\n");
    PrecisionNote.text(f)
        .ifPresent(note -> out.append("<p class=\"foot\">").append(escape(note)).append("</p>\n"));
    if (f.hasNested() && f.ran()) {
      out.append("<p class=\"foot\">").append(escape(TextReport.NESTED_LEGEND)).append("</p>\n");
    }
    out.append("</details>\n");
  }

  /**
   * One source row; its background heat and its bar are the line's share of the function's time.
   * Without a fixed unit, Per hit has a unit per cell: a loop body's nanoseconds and a call's
   * milliseconds share one function.
   */
  private static void appendLine(
      StringBuilder out, FunctionRows f, LineRow row, boolean fixedUnit, String source) {
    if (!row.ran()) {
      out.append("<tr class=\"idle\"><td class=\"ln\">")
          .append(row.line())
          .append("</td><td></td><td></td><td></td><td></td><td></td>")
          .append(f.sampled() ? "<td></td>" : "")
          .append(f.hasBytes() ? "<td></td><td></td>" : "")
          .append("<td class=\"src\">")
          .append(source)
          .append("</td></tr>\n");
      return;
    }
    double share = Math.min(1, Math.max(0, row.percent() / 100));
    double perHitNanos = (double) row.nanos() / row.hits();
    out.append("<tr class=\"")
        .append(row.percent() < HOT_PERCENT ? "ran cool" : "ran")
        .append(row.nested() ? " nested" : "")
        .append("\" style=\"--heat:")
        .append(String.format(Locale.ROOT, "%.4f", share))
        .append("\">")
        .append("<td class=\"ln\">")
        .append(row.line())
        .append("</td>")
        .append("<td class=\"num\">")
        .append(row.hits())
        .append("</td>")
        .append("<td class=\"num\" title=\"")
        .append(row.nanos())
        .append(" ns\">")
        .append(inUnit(row.time()))
        .append("</td>")
        .append(perHitCell(row, perHitNanos))
        .append(fixedUnit ? inUnit(row.perHit()) : Durations.readable(perHitNanos))
        .append("</td>")
        .append(percentCell(f, row))
        .append(f.sampled() ? "<td class=\"num\">" + halfWidth(f, row) + "</td>" : "")
        .append("<td class=\"bar\"><span class=\"track\"><span style=\"width:")
        .append(format1(100 * share))
        .append("%\"></span></span></td>");
    if (f.hasBytes()) {
      double perHitBytes = (double) row.bytes() / row.hits();
      out.append("<td class=\"num\" title=\"")
          .append(row.bytes())
          .append(" bytes\">")
          .append(Sizes.readable(row.bytes()))
          .append("</td>")
          .append("<td class=\"num\" title=\"")
          .append(format1(perHitBytes))
          .append(" bytes\">")
          .append(Sizes.readable(perHitBytes))
          .append("</td>");
    }
    out.append("<td class=\"src\">").append(source).append("</td></tr>\n");
  }

  /** The ± cell: empty when the function has no share to be off. */
  private static String halfWidth(FunctionRows f, LineRow row) {
    return f.timed() ? PrecisionNote.points(row.halfWidth()).substring(2) : "";
  }

  /**
   * A nested line's share is in brackets, with a tooltip: its time is in its calling line's, not
   * added again into the total.
   */
  private static String percentCell(FunctionRows f, LineRow row) {
    if (!f.timed()) {
      return "<td class=\"num\"></td>";
    }
    return row.nested()
        ? "<td class=\"num\" title=\"inside line "
            + row.caller()
            + ": in its time, not added again into the total\">["
            + format1(row.percent())
            + "]</td>"
        : "<td class=\"num\">" + format1(row.percent()) + "</td>";
  }

  /**
   * Per hit's cell opening: its tooltip has the exact time and, when timed hit by hit, their
   * spread.
   */
  private static String perHitCell(LineRow row, double perHitNanos) {
    Spread.Summary s = row.spread();
    return s == null
        ? "<td class=\"num\" title=\"" + format1(perHitNanos) + " ns\">"
        : "<td class=\"num spread\" title=\""
            + format1(perHitNanos)
            + " ns per hit; min "
            + Durations.readable(s.min())
            + ", median "
            + Durations.readable(s.median())
            + ", p99 "
            + Durations.readable(s.p99())
            + ", max "
            + Durations.readable(s.max())
            + "\">";
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
   * A value in its column's unit; "&lt; 0.1" rather than a misleading 0.0 for a small but nonzero
   * time.
   */
  private static String inUnit(double value) {
    return value > 0 && value < 0.05 ? "&lt; 0.1" : format1(value);
  }

  private static String format1(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Ids by position: names repeat across overloads and classes of the same simple name. */
  private static String anchor(int index) {
    return "f" + index;
  }

  /**
   * Which profiled function a call in a source line goes to, by the method's simple name: {@code
   * step(} links to the table of {@code Simulation.step}. A name shared by several profiled methods
   * links to the one in the caller's class, or nowhere if none is; a function never links to itself
   * (its own declaration, or a recursive call).
   */
  private static final class CallTargets {
    private final List<FunctionRows> functions;
    private final Map<String, List<Integer>> byMethod = new HashMap<>();

    CallTargets(List<FunctionRows> functions) {
      this.functions = functions;
      for (int i = 0; i < functions.size(); i++) {
        byMethod
            .computeIfAbsent(method(functions.get(i).info().name()), k -> new ArrayList<>())
            .add(i);
      }
    }

    /** The escaped source line with each call of another profiled function linked to its table. */
    String link(String source, int caller) {
      StringBuilder out = new StringBuilder();
      Matcher call = CALL.matcher(source);
      int done = 0;
      while (call.find()) {
        int target = target(call.group(1), caller);
        if (target >= 0) {
          out.append(escape(source.substring(done, call.start(1))))
              .append("<a class=\"call\" href=\"#")
              .append(anchor(target))
              .append("\">")
              .append(escape(call.group(1)))
              .append("</a>");
          done = call.end(1);
        }
      }
      return out.append(escape(source.substring(done))).toString();
    }

    /** The index of the function called, or -1 for none or more than one candidate. */
    private int target(String method, int caller) {
      List<Integer> candidates =
          byMethod.getOrDefault(method, List.of()).stream().filter(i -> i != caller).toList();
      if (candidates.size() > 1) {
        String callerClass = owner(functions.get(caller).info().name());
        candidates =
            candidates.stream()
                .filter(i -> owner(functions.get(i).info().name()).equals(callerClass))
                .toList();
      }
      return candidates.size() == 1 ? candidates.get(0) : -1;
    }

    /** {@code step} of {@code Simulation.step}. */
    private static String method(String name) {
      return name.substring(name.lastIndexOf('.') + 1);
    }

    /** {@code Simulation} of {@code Simulation.step}. */
    private static String owner(String name) {
      int dot = name.lastIndexOf('.');
      return dot < 0 ? "" : name.substring(0, dot);
    }
  }

  /** Escapes text for an element's content or a quoted attribute value. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
