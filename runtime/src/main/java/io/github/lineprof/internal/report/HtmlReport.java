package io.github.lineprof.internal.report;

import io.github.lineprof.internal.stats.FunctionInfo;
import io.github.lineprof.internal.stats.FunctionStats;
import io.github.lineprof.internal.stats.ProfileStats;
import io.github.lineprof.internal.stats.RunInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML page: a sortable summary of the functions, then each
 * function's source shaded by where its time went, like JaCoCo's source view but for time.
 *
 * <p>Everything is inline (no fonts, scripts or styles fetched), so the page opens from a CI
 * artifact or a mail attachment as it does from disk.
 */
public final class HtmlReport {
  /** Time units, largest first: a value is shown in the largest unit it reaches 1 of. */
  private static final String[] UNIT_NAMES = {"s", "ms", "µs", "ns"};

  private static final long[] UNIT_NANOS = {1_000_000_000L, 1_000_000L, 1_000L, 1L};

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final String STYLE = """
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
      """;

  /**
   * Sorts the summary when a column header is clicked (numbers by their raw value in data-sort),
   * starts with the hottest function first, and marks the page data-ready so a headless browser
   * can tell the script ran.
   */
  private static final String SCRIPT = """
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
        sortBy(2, "descending");
        document.documentElement.setAttribute("data-ready", "true");
      })();
      """;

  private HtmlReport() {}

  /** Writes {@code directory/index.html}, atomically. */
  public static void write(ProfileStats stats, List<RunInfo> runs, Path directory) throws IOException {
    ReportFiles.write(directory.resolve("index.html"), render(stats, runs));
  }

  public static String render(ProfileStats stats, List<RunInfo> runs) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>lineprof report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    out.append("<h1 id=\"top\">lineprof</h1>\n");
    runs.forEach(run -> appendRun(out, run));
    appendSummary(out, stats);
    List<FunctionStats> functions = stats.functions();
    for (int i = 0; i < functions.size(); i++) {
      appendListing(out, functions.get(i), i);
    }
    out.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return out.toString();
  }

  /** One line per run, its settings and JVM options folded away until clicked. */
  private static void appendRun(StringBuilder out, RunInfo run) {
    RunInfo.Jvm jvm = run.jvm();
    RunInfo.Machine machine = run.machine();
    out.append("<details class=\"run\"><summary>")
        .append(escape(DATE.format(run.started()))).append(" · mode ").append(escape(run.mode()))
        .append(" · Java ").append(escape(jvm.version())).append(" (").append(escape(jvm.vm())).append(")")
        .append(" · ").append(escape(machine.os())).append(' ').append(escape(machine.arch()))
        .append(", ").append(machine.cpus()).append(machine.cpus() == 1 ? " CPU" : " CPUs")
        .append("</summary>\n<dl>\n");
    run.settings().forEach((name, value) -> appendTerm(out, name, value));
    appendTerm(out, "JVM", jvm.vendor() + " " + jvm.vm() + " " + jvm.vmVersion());
    appendTerm(out, "JVM options", jvm.args().isEmpty() ? "(none)" : String.join(" ", jvm.args()));
    appendTerm(out, "OS", machine.os() + " " + machine.osVersion());
    out.append("</dl></details>\n");
  }

  private static void appendTerm(StringBuilder out, String term, String definition) {
    out.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(definition)).append("</dd>\n");
  }

  private static void appendSummary(StringBuilder out, ProfileStats stats) {
    long all = stats.functions().stream().mapToLong(FunctionStats::totalNanos).sum();
    out.append("<table id=\"summary\">\n<thead><tr>")
        .append("<th class=\"left\" data-type=\"text\">Function</th>")
        .append("<th class=\"left\" data-type=\"text\">File</th>")
        .append("<th data-type=\"num\">Total time</th>")
        .append("<th data-type=\"num\" title=\"share of the time of all functions; a profiled callee counts in its caller too\">% of all</th>")
        .append("<th data-type=\"num\" title=\"line hits, summed over the function's lines\">Hits</th>")
        .append("</tr></thead>\n<tbody>\n");
    List<FunctionStats> functions = stats.functions();
    for (int i = 0; i < functions.size(); i++) {
      FunctionStats f = functions.get(i);
      FunctionInfo info = f.info();
      String where = info.file() + ":" + info.firstLine();
      long nanos = f.totalNanos();
      double share = all == 0 ? 0 : 100.0 * nanos / all;
      out.append("<tr>")
          .append("<td class=\"left\" data-sort=\"").append(escape(info.name())).append("\"><a href=\"#").append(anchor(i))
          .append("\">").append(escape(info.name())).append("</a></td>")
          .append("<td class=\"left\" data-sort=\"").append(escape(where)).append("\">").append(escape(where)).append("</td>")
          .append("<td class=\"num\" data-sort=\"").append(nanos).append("\" title=\"").append(nanos).append(" ns\">")
          .append(f.totalHits() == 0 ? "<span class=\"idle\">not run</span>" : readable(nanos)).append("</td>")
          .append("<td class=\"num\" data-sort=\"").append(nanos).append("\">").append(format1(share)).append(" %</td>")
          .append("<td class=\"num\" data-sort=\"").append(f.totalHits()).append("\">").append(f.totalHits()).append("</td>")
          .append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private static void appendListing(StringBuilder out, FunctionStats f, int index) {
    FunctionInfo info = f.info();
    long total = f.totalNanos();
    int timeUnit = unitFor(maxLineNanos(f));
    out.append("<h2 id=\"").append(anchor(index)).append("\">").append(escape(info.name()))
        .append("<a class=\"top\" href=\"#top\">↑ summary</a></h2>\n")
        .append("<div class=\"meta\">").append(escape(info.file())).append(":").append(info.firstLine())
        .append(f.totalHits() == 0 ? " · never run" : " · total <span title=\"" + total + " ns\">" + readable(total) + "</span>")
        .append("</div>\n");
    out.append("<div class=\"listing\"><table>\n<thead><tr><th>Line</th><th>Hits</th>")
        .append("<th>Time (").append(UNIT_NAMES[timeUnit]).append(")</th>")
        .append("<th>Per hit</th>")
        .append("<th>% Time</th><th class=\"left\">Source</th></tr></thead>\n<tbody>\n");
    for (int line = info.firstLine(); line <= info.lastLine(); line++) {
      appendLine(out, f, line, timeUnit);
    }
    out.append("</tbody>\n</table></div>\n");
  }

  /**
   * One source row; its background heat is the line's share of the function's time. Per hit has a
   * unit per cell: a loop body's nanoseconds and a call's milliseconds share one function.
   */
  private static void appendLine(StringBuilder out, FunctionStats f, int line, int timeUnit) {
    String source = f.info().lines().get(line - f.info().firstLine()).replaceFirst("[\r\n]+\\z", "");
    long hits = f.hits(line);
    if (hits == 0) {
      out.append("<tr class=\"idle\"><td class=\"ln\">").append(line).append("</td><td></td><td></td><td></td><td></td>")
          .append("<td class=\"src\">").append(escape(source)).append("</td></tr>\n");
      return;
    }
    long nanos = f.nanos(line);
    long total = f.totalNanos();
    double share = total <= 0 ? 0 : Math.min(1, Math.max(0, (double) nanos / total));
    double perHit = (double) nanos / hits;
    out.append("<tr class=\"ran\" style=\"--heat:").append(String.format(Locale.ROOT, "%.4f", share)).append("\">")
        .append("<td class=\"ln\">").append(line).append("</td>")
        .append("<td class=\"num\">").append(hits).append("</td>")
        .append("<td class=\"num\" title=\"").append(nanos).append(" ns\">").append(inUnit(nanos, timeUnit)).append("</td>")
        .append("<td class=\"num\" title=\"").append(format1(perHit)).append(" ns\">").append(readable(perHit))
        .append("</td>")
        .append("<td class=\"num\">").append(format1(100 * share)).append("</td>")
        .append("<td class=\"src\">").append(escape(source)).append("</td></tr>\n");
  }

  private static long maxLineNanos(FunctionStats f) {
    long max = 0;
    for (int line = f.info().firstLine(); line <= f.info().lastLine(); line++) {
      max = Math.max(max, f.nanos(line));
    }
    return max;
  }

  /** The largest unit the value reaches 1 of, so a column's biggest number has 1 to 3 digits before the point. */
  private static int unitFor(double nanos) {
    for (int u = 0; u < UNIT_NANOS.length - 1; u++) {
      if (nanos >= UNIT_NANOS[u]) {
        return u;
      }
    }
    return UNIT_NANOS.length - 1;
  }

  /** A value in a column's unit; "&lt; 0.1" rather than a misleading 0.0 for a small but nonzero time. */
  private static String inUnit(double nanos, int unit) {
    if (UNIT_NANOS[unit] == 1) {
      return format1(nanos);
    }
    double value = nanos / UNIT_NANOS[unit];
    return value > 0 && value < 0.05 ? "&lt; 0.1" : format1(value);
  }

  /** A value with its own unit, e.g. "33.5 ms", for cells that are not in a column of one unit. */
  private static String readable(double nanos) {
    int unit = unitFor(nanos);
    return format1(nanos / UNIT_NANOS[unit]) + " " + UNIT_NAMES[unit];
  }

  private static String format1(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Ids by position: names repeat across overloads and classes of the same simple name. */
  private static String anchor(int index) {
    return "f" + index;
  }

  /** Escapes text for an element's content or a quoted attribute value. */
  static String escape(String text) {
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
