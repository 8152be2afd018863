package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;
import static io.github.lineprof.report.WalkDiffFixtures.WALK_AFTER;
import static io.github.lineprof.report.WalkDiffFixtures.WALK_BEFORE;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** The diff as an HTML page, parsed (the matching and its numbers: ReportDiffTest). */
class DiffPageTest {
  private static final String EVIL_SOURCE =
      "  x = \"<script>alert(1)</script>\" + 'q' + \u001b[31m\u202e;";
  private static final FunctionInfo EVIL =
      new FunctionInfo(
          "demo/\"><img src=x onerror=alert(2)>.java",
          "Evil.<init>\u2066",
          1,
          List.of("Evil() {", EVIL_SOURCE, "}"));
  private static final FunctionInfo GONE =
      new FunctionInfo("demo/Gone.java", "Gone.g", 1, List.of("void g() {", "  y();", "}"));

  private static RunInfo run() {
    return new RunInfo(
        Instant.parse("2026-01-01T10:00:00Z"),
        "exact",
        Map.of(),
        new RunInfo.Jvm("vendor", "17", "vm", "17+1", List.of()),
        new RunInfo.Machine("Linux", "6", "amd64", 2));
  }

  private static String html() throws Exception {
    ProfileStats before =
        new ProfileStats(
            List.of(
                new FunctionStats(
                    WALK_BEFORE,
                    new long[] {0, 0, 1, 11, 10, 0, 1, 0},
                    new long[] {0, 0, 400, 2_100, 1_000_000, 0, 380, 0}),
                new FunctionStats(EVIL, new long[] {0, 5, 0}, new long[] {0, 5_000, 0}),
                new FunctionStats(GONE, new long[] {0, 5, 0}, new long[] {0, 5_000, 0})));
    ProfileStats after =
        new ProfileStats(
            List.of(
                new FunctionStats(
                    WALK_AFTER,
                    new long[] {0, 0, 1, 11, 10, 0, 1, 1, 0},
                    new long[] {0, 0, 420, 2_150, 500_000, 0, 90, 380, 0}),
                new FunctionStats(EVIL, new long[] {0, 5, 0}, new long[] {0, 9_000, 0})));
    ReportDiff diff =
        ReportDiff.of(
            JsonReportReader.read(JsonReport.write(before, List.of(run()))),
            JsonReportReader.read(JsonReport.write(after, List.of(run()))));
    return DiffReports.html(diff, "before <b>.json", "after & \"x\".json");
  }

  private static Document page() throws Exception {
    return Jsoup.parse(html());
  }

  /** The line rows of the table under heading {@code id}. */
  private static Elements lines(Document page, String id) {
    Elements rows = page.getElementById(id).nextElementSibling().select("tr");
    return new Elements(rows.subList(1, rows.size()));
  }

  private static Element line(Document page, String id, String number) {
    return lines(page, id).stream()
        .filter(tr -> tr.child(0).text().equals(number))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void summarisesEachFunctionLinkingToItsLines() throws Exception {
    Document page = page();

    assertThat(page.selectFirst("p").text()).isEqualTo("before <b>.json → after & \"x\".json");
    Elements rows = page.select("table").first().select("tr");
    assertThat(rows.first().select("th").eachText())
        .containsExactly("Function", "Before", "After", "Change", "Location")
        .inOrder();
    assertThat(rows).hasSize(4);
    for (Element row : rows.subList(1, rows.size())) {
      assertThat(row.children()).hasSize(5);
    }
    Element walk = rows.get(1);
    assertThat(walk.child(0).selectFirst("a").attr("href")).isEqualTo("#f0");
    assertThat(page.getElementById("f0").text()).isEqualTo("Walk.walk");
    assertThat(walk.child(1).text()).isEqualTo("1.0 ms");
    assertThat(walk.child(2).text()).isEqualTo("503.0 µs");
    assertThat(walk.child(4).text()).isEqualTo("demo/Walk.java:10 -> 12");
    // a function of one run only has no lines to link to
    Element gone = rows.stream().filter(r -> r.text().startsWith("Gone.g")).findFirst().get();
    assertThat(gone.select("a")).isEmpty();
    assertThat(gone.child(3).text()).isEqualTo("only before");
    assertThat(gone.child(2).text()).isEqualTo("-");
  }

  @Test
  void insertedAndDeletedLinesHaveTheirRowClass() throws Exception {
    Document page = page();

    Elements rows = lines(page, "f0");
    int cells = page.getElementById("f0").nextElementSibling().select("th").size();
    for (Element row : rows) {
      assertThat(row.children()).hasSize(cells);
    }
    assertThat(line(page, "f0", "-12").className()).isEqualTo("del");
    assertThat(line(page, "f0", "-12").selectFirst("td.src").wholeText())
        .isEqualTo("-   int s = 0;");
    assertThat(line(page, "f0", "+18").className()).isEqualTo("ins");
    assertThat(line(page, "f0", "+18").selectFirst("td.src").wholeText()).isEqualTo("+   s *= 2;");
    assertThat(line(page, "f0", "14 → 16").hasAttr("class")).isFalse();
    assertThat(line(page, "f0", "14 → 16").selectFirst("td.src").wholeText())
        .isEqualTo("        s += step(i);");
  }

  @Test
  void aChangeWithinTheNoiseIsGreyAndMarkedAndARealOneIsPlain() throws Exception {
    Document page = page();

    Element noise = line(page, "f0", "+18").child(5);
    assertThat(noise.className()).isEqualTo("noise");
    assertThat(noise.attr("title")).isEqualTo("within the runs' noise");
    assertThat(noise.text()).isEqualTo("+90 ns ~");
    Element faster = line(page, "f0", "14 → 16").child(5);
    assertThat(faster.hasAttr("class")).isFalse();
    assertThat(faster.text()).isEqualTo("-500.0 µs (-50.0 %)");
    Element slower = line(page, "f2", "2").child(5);
    assertThat(slower.hasAttr("class")).isFalse();
    assertThat(slower.text()).isEqualTo("+4.0 µs (+80.0 %)");
    assertThat(page.select("p.foot").last().text()).startsWith("~ marks a change of time");
  }

  @Test
  void hostileNamesPathsAndSourceAreTextNeverMarkup() throws Exception {
    String html = html();
    Document page = Jsoup.parse(html);

    assertThat(page.select("script, img, b")).isEmpty();
    for (Element e : page.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertThat(a.getKey()).isNoneOf("onerror", "src");
      }
    }
    assertThat(page.getElementById("f2").text()).isEqualTo("Evil.<init>\\u2066");
    assertThat(line(page, "f2", "2").selectFirst("td.src").wholeText())
        .isEqualTo("    x = \"<script>alert(1)</script>\" + 'q' + \\u001b[31m\\u202e;");
    assertThat(page.select("table").first().text())
        .contains("demo/\"><img src=x onerror=alert(2)>.java:1");
    assertThat(
            html.chars()
                .filter(
                    c ->
                        c != '\n'
                            && (Character.isISOControl(c)
                                || (c >= 0x202a && c <= 0x202e)
                                || (c >= 0x2066 && c <= 0x2069))))
        .isEmpty();
  }

  @Test
  void isOneSelfContainedPageInTheReportsPalette() throws Exception {
    Document page = page();

    assertThat(page.select("[src], link, script")).isEmpty();
    assertThat(page.select("style")).hasSize(1);
    assertThat(page.select("style").first().data()).contains(PageAssets.DIFF_STYLE);
  }
}
