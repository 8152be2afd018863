package io.github.lineprof.report;

import io.github.lineprof.report.ReportDiff.FunctionDiff;
import io.github.lineprof.report.ReportDiff.LineDiff;

/**
 * A {@link ReportDiff} as one self-contained HTML page: the functions, then each function's lines,
 * the same rows and cells as the text and Markdown diffs ({@link DiffReports}); an inserted line's
 * row is green, a deleted one's red, and a change within the runs' noise grey.
 */
final class DiffPage {
  private DiffPage() {}

  static String render(ReportDiff diff, String beforeName, String afterName) {
    HtmlWriter html = new HtmlWriter().doctype();
    html.start("html").attr("lang", "en").newline();
    html.start("head").newline();
    html.start("meta").attr("charset", "utf-8").newline();
    html.element("title", "lineprof diff").newline();
    html.rawElement("style", PageAssets.DIFF_STYLE).newline();
    html.end().newline();
    html.start("body").newline();
    html.element("h1", "lineprof diff").newline();
    html.element("p", beforeName + " → " + afterName).newline();
    html.start("table").newline();
    html.start("tr");
    html.start("th").attr("class", "left").text("Function").end();
    html.element("th", "Before").element("th", "After").element("th", "Change");
    html.start("th").attr("class", "left").text("Location").end();
    html.end().newline();
    for (int i = 0; i < diff.functions().size(); i++) {
      FunctionDiff f = diff.functions().get(i);
      html.start("tr").start("td").attr("class", "left");
      if (f.lines().isEmpty()) {
        html.text(f.info().name());
      } else {
        html.start("a").attr("href", "#f" + i).text(f.info().name()).end();
      }
      html.end();
      html.element("td", DiffReports.total(f.before() != null, f.beforeTotal()));
      html.element("td", DiffReports.total(f.after() != null, f.afterTotal()));
      writeChange(html, DiffReports.change(f), f.noise());
      html.start("td").attr("class", "left").text(f.location()).end();
      html.end().newline();
    }
    html.end().newline();
    for (int i = 0; i < diff.functions().size(); i++) {
      FunctionDiff f = diff.functions().get(i);
      if (!f.lines().isEmpty()) {
        writeLines(html, f, i);
      }
    }
    html.start("p").attr("class", "foot").text(DiffReports.LEGEND).end().newline();
    html.start("p").attr("class", "foot").text(diff.noise().rule()).end().newline();
    html.end().newline(); // body
    return html.end().newline().finish();
  }

  private static void writeLines(HtmlWriter html, FunctionDiff f, int index) {
    html.start("h2").attr("id", "f" + index).text(f.info().name()).end().newline();
    html.start("table").newline();
    html.start("tr").element("th", "Line").element("th", "Hits before");
    html.element("th", "Hits after").element("th", "Time before").element("th", "Time after");
    html.element("th", "Change").start("th").attr("class", "left").text("Source").end();
    html.end().newline();
    for (LineDiff line : DiffReports.shown(f)) {
      html.start("tr");
      switch (line.kind()) {
        case SAME -> {}
        case INSERTED -> html.attr("class", "ins");
        case DELETED -> html.attr("class", "del");
      }
      html.element("td", DiffReports.lineNumbers(line));
      html.element("td", DiffReports.hits(line.before()));
      html.element("td", DiffReports.hits(line.after()));
      html.element("td", DiffReports.time(line.before()));
      html.element("td", DiffReports.time(line.after()));
      writeChange(html, DiffReports.change(line), line.noise());
      html.start("td").attr("class", "src");
      html.text(DiffReports.marker(line.kind()) + " " + line.source()).end();
      html.end().newline();
    }
    html.end().newline();
  }

  private static void writeChange(HtmlWriter html, String change, boolean noise) {
    if (noise) {
      html.start("td").attr("class", "noise").attr("title", "within the runs' noise");
      html.text(change + " ~").end();
    } else {
      html.element("td", change);
    }
  }
}
