package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.SamplePrecision;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Each line's and each function's precision, where the times were estimated from samples. */
class PrecisionReportTest {
  private static final FunctionInfo F =
      new FunctionInfo(
          "F.java",
          "F.f",
          10,
          List.of(
              "void f() {", "  a();", "  b();", "  c();", "  d();", "  e();", "  never();", "}"));

  /** 1000 samples: shares 0.9, 0.05, 0.04, 0.01 and a line that ran but got none. */
  private static final long[] SAMPLES = {0, 900, 50, 40, 10, 0, 0, 0};

  private static FunctionStats sampled() {
    long[] nanos = new long[SAMPLES.length];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = 100_000 * SAMPLES[i];
    }
    return new FunctionStats(F, new long[] {0, 1, 1, 1, 1, 5, 0, 0}, nanos).withSamples(SAMPLES);
  }

  @Test
  void eachLineHasTheHalfWidthOfItsShareOfTheFunctionsSamples() {
    List<LineRow> rows = FunctionRows.of(sampled(), FunctionRows.NANOS).rows();

    // 1.96 sqrt(q (1 - q) / 1000) in points
    assertThat(rows.get(1).halfWidth()).isWithin(1e-3).of(1.859);
    assertThat(rows.get(2).halfWidth()).isWithin(1e-3).of(1.351);
    assertThat(rows.get(3).halfWidth()).isWithin(1e-3).of(1.215);
    assertThat(rows.get(4).halfWidth()).isWithin(1e-3).of(0.617);
    // ran without a sample: the rule of three, 3 / 1000
    assertThat(rows.get(5).halfWidth()).isWithin(1e-9).of(0.3);
    // never ran
    assertThat(rows.get(6).halfWidth()).isEqualTo(0);
    assertThat(SamplePrecision.lineHalfWidthPoints(0, 1000)).isWithin(1e-9).of(0.3);
  }

  @Test
  void nestedLinesSamplesAreNotCountedTwice() {
    FunctionInfo info =
        new FunctionInfo(
            "G.java",
            "G.g",
            1,
            List.of("void g() {", "  xs.forEach(x -> {", "    work(x);", "  });", "}"),
            List.of(0, 0, 1, 0, 0));
    FunctionStats stats =
        new FunctionStats(info, new long[] {0, 1, 9, 1, 0}, new long[] {0, 500, 450, 0, 0})
            .withSamples(new long[] {0, 100, 90, 0, 0});
    FunctionRows rows = FunctionRows.of(stats, FunctionRows.NANOS);

    // of 100 samples, not 190: the lambda's are in line 2's
    assertThat(rows.rows().get(2).halfWidth())
        .isWithin(1e-9)
        .of(SamplePrecision.halfWidthPoints(0.9, 100));
    assertThat(rows.widest().line()).isEqualTo(3);
  }

  @Test
  void textStatesTheFunctionsPrecisionUnderItsTable() {
    String text = TextReport.format(new ProfileStats(List.of(sampled())), TextOptions.defaults());

    assertThat(text)
        .contains(
            "  never();\n"
                + "    17"
                + " ".repeat(43)
                + "}\n"
                + "Precision (95 %): +-1.9 points of this function's time at worst (line 11);"
                + " lines 12 +-1.4, 13 +-1.3; other lines +-0.7 or better\n\n");
  }

  @Test
  void exactTimesStateNoPrecision() {
    FunctionStats sampled = sampled();
    long[] hits = new long[SAMPLES.length];
    long[] nanos = new long[SAMPLES.length];
    for (int line = 10; line < 10 + SAMPLES.length; line++) {
      hits[line - 10] = sampled.hits(line);
      nanos[line - 10] = sampled.nanos(line);
    }
    ProfileStats stats = new ProfileStats(List.of(new FunctionStats(F, hits, nanos)));

    assertThat(TextReport.format(stats, TextOptions.defaults())).doesNotContain("Precision");
    assertThat(HtmlReport.render(stats, List.of(), null)).doesNotContain("±");
    assertThat(MarkdownReport.format(stats, List.of(), 3)).doesNotContain("±");
  }

  @Test
  void htmlAndMarkdownHaveAHalfWidthColumn() {
    ProfileStats stats = new ProfileStats(List.of(sampled()));

    Document html = Jsoup.parse(HtmlReport.render(stats, List.of(), null));
    List<String> heads = html.select("div.listing th").stream().map(Element::text).toList();
    int halfWidth = heads.indexOf("±");
    assertThat(heads.get(halfWidth - 1)).isEqualTo("% Time");
    assertThat(html.select("div.listing th").get(halfWidth).attr("title"))
        .startsWith("95 % half-width");
    Element line = html.select("tr:has(td.ln:matchesOwn(^11$))").first();
    assertThat(line.child(halfWidth - 1).text()).isEqualTo("90.0");
    assertThat(line.child(halfWidth).text()).isEqualTo("1.9");
    assertThat(html.select("details.fn p.foot").text())
        .startsWith("Precision (95 %): +-1.9 points");

    assertThat(MarkdownReport.format(stats, List.of(), 2))
        .contains(
            "| Line | Hits | Time | % Time | ± | Source |\n"
                + "| ---: | ---: | ---: | ---: | ---: | --- |\n"
                + "| 11 | 1 | 90.0 ms | 90.0% | 1.9 | `a();` |\n"
                + "| 12 | 1 | 5.0 ms | 5.0% | 1.4 | `b();` |\n");
  }
}
