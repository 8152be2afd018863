package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import io.github.lineprof.report.stats.Spread;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report, read as a browser reads it: parsed, not matched as a string. */
class HtmlReportTest {
  private static final String EVIL = "String s = \"<script>alert(1)</script>\" + 'x' + (a && b);";

  /** Lines 10..15; line 12 is the hottest, 14 never ran. */
  private static FunctionStats parse() {
    FunctionInfo info =
        new FunctionInfo(
            "com/example/Parser.java",
            "Parser.parse",
            10,
            List.of(
                "@LineProfile",
                "int parse(String text) {",
                "  " + EVIL,
                "  int n = text.length();",
                "  if (n < 0) throw new IllegalStateException();",
                "}"));
    return new FunctionStats(
        info, new long[] {0, 0, 2, 2, 2, 0}, new long[] {0, 0, 900_000, 50_000, 50_000, 0});
  }

  private static FunctionStats neverRun() {
    FunctionInfo info =
        new FunctionInfo(
            "com/example/<Odd> & \"Name\".java",
            "Odd.<init>",
            3,
            List.of("Odd() {", "  x = 1;", "}"));
    return new FunctionStats(info, new long[3], new long[3]);
  }

  private static String page() {
    return HtmlReport.render(new ProfileStats(List.of(parse(), neverRun())), List.of(), null);
  }

  private static Document parsed(String page) {
    return Jsoup.parse(page);
  }

  private static Document render(ProfileStats stats, Double outputUnit) {
    return parsed(HtmlReport.render(stats, List.of(), outputUnit));
  }

  /** The listing rows of function {@code index}. */
  private static Elements rows(Document page, int index) {
    return page.select("details.fn").get(index).select("div.listing tbody tr");
  }

  /** The row of source line {@code line} in function {@code index}'s listing. */
  private static Element row(Document page, int index, int line) {
    return rows(page, index).stream()
        .filter(tr -> tr.selectFirst("td.ln").text().equals(Integer.toString(line)))
        .findFirst()
        .orElseThrow();
  }

  /** A listing's column: the cells of the header named {@code header}, by line. */
  private static Element cell(Document page, int index, int line, String header) {
    Elements heads = page.select("details.fn").get(index).select("div.listing thead th");
    int column = heads.stream().map(Element::text).toList().indexOf(header);
    assertThat(column).isAtLeast(0);
    return row(page, index, line).child(column);
  }

  @Test
  void hostileSourceNamesAndPathsAreTextNeverMarkup() {
    FunctionInfo info =
        new FunctionInfo(
            "x/\"><img src=x onerror=alert(3)>.java",
            "Evil.\"><script>alert(2)</script>",
            1,
            List.of("void f() {", "  " + EVIL, "}"));
    String html =
        HtmlReport.render(
            new ProfileStats(
                List.of(
                    parse(),
                    neverRun(),
                    new FunctionStats(info, new long[] {0, 1, 0}, new long[] {0, 10, 0}))),
            List.of(),
            null);
    Document page = parsed(html);

    // The page's own script is the only one; nothing else became an element or an attribute.
    assertThat(page.select("script")).hasSize(1);
    assertThat(page.select("script").first().data()).contains("data-ready");
    assertThat(page.select("img, b")).isEmpty();
    for (Element e : page.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertThat(a.getKey()).isNoneOf("onerror", "src");
      }
    }
    assertThat(page.select("td.src").eachText()).contains(EVIL);
    assertThat(row(page, 0, 12).selectFirst("td.src").wholeText()).isEqualTo("  " + EVIL);
    assertThat(page.select("h2").stream().map(Element::ownText).toList())
        .containsExactly("Parser.parse", "Odd.<init>", info.name())
        .inOrder();
    Element name = page.select("#summary tbody tr").get(2).child(0);
    assertThat(name.attr("data-sort")).isEqualTo(info.name());
    assertThat(name.selectFirst("a").text()).isEqualTo(info.name());
    assertThat(page.select("#summary tbody tr").get(2).child(1).text())
        .isEqualTo("x/\"><img src=x onerror=alert(3)>.java:1");
    assertThat(page.select("div.meta").eachText())
        .contains("com/example/<Odd> & \"Name\".java:3 · never run");
  }

  @Test
  void listsEveryFunctionAndEveryLineInTablesOfOneShape() {
    Document page = parsed(page());
    List<FunctionStats> functions = List.of(parse(), neverRun());

    Elements summary = page.select("#summary tbody tr");
    assertThat(summary).hasSize(functions.size());
    int columns = page.select("#summary thead th").size();
    for (int i = 0; i < functions.size(); i++) {
      FunctionInfo info = functions.get(i).info();
      Element link = summary.get(i).selectFirst("td a");
      assertThat(link.text()).isEqualTo(info.name());
      assertThat(link.attr("href")).isEqualTo("#f" + i);
      assertThat(summary.get(i).children()).hasSize(columns);
      Element heading = page.getElementById("f" + i);
      assertThat(heading.tagName()).isEqualTo("h2");
      assertThat(heading.ownText()).isEqualTo(info.name());

      Elements rows = rows(page, i);
      int cells = page.select("details.fn").get(i).select("div.listing thead th").size();
      assertThat(rows).hasSize(info.lines().size());
      for (int line = 0; line < info.lines().size(); line++) {
        Element tr = rows.get(line);
        assertThat(tr.children()).hasSize(cells);
        assertThat(tr.selectFirst("td.ln").text())
            .isEqualTo(Integer.toString(info.firstLine() + line));
        assertThat(tr.selectFirst("td.src").wholeText()).isEqualTo(info.lines().get(line));
      }
    }
    assertThat(page.select("tr.ran")).hasSize(3);
    assertThat(page.select("tr.idle")).hasSize(3 + 3);
  }

  @Test
  void heatIsProportionalToTheLinesShareAndHottestIsStrongest() {
    // Lines 12, 13, 14 of parse: 900, 50 and 50 of its 1000 µs.
    assertThat(parsed(page()).select("tr.ran").eachAttr("style"))
        .containsExactly("--heat:0.9000", "--heat:0.0500", "--heat:0.0500")
        .inOrder();
  }

  @Test
  void perHitShowsTheSpreadOfTimedHitsInItsTooltip() {
    long[] buckets = new long[6 * Spread.BUCKETS];
    buckets[2 * Spread.BUCKETS + Spread.bucket(1_000)] = 1; // line 12: one hit of about 1 µs
    buckets[2 * Spread.BUCKETS + Spread.bucket(800_000)] = 1; // and one of about 0.8 ms
    Document page = render(new ProfileStats(List.of(parse().withSpread(buckets))), null);

    Element perHit = cell(page, 0, 12, "Per hit");
    assertThat(perHit.className()).isEqualTo("num spread");
    assertThat(perHit.attr("title"))
        .isEqualTo("450000.0 ns per hit; min 724 ns, median 724 ns, p99 741.5 µs, max 741.5 µs");
    assertThat(perHit.text()).isEqualTo("450.0 µs");
    assertThat(page.select("td.spread")).hasSize(1); // line 13 has no timed hit
    assertThat(parsed(page()).select("td.spread")).isEmpty();
  }

  @Test
  void timesAreInAReadableUnitWithRawNanosInATooltip() {
    Document page = parsed(page());
    Element time = cell(page, 0, 12, "Time (µs)");
    assertThat(time.text()).isEqualTo("900.0");
    assertThat(time.attr("title")).isEqualTo("900000 ns");
    Element total = page.select("#summary tbody tr").get(0).child(3);
    assertThat(total.text()).isEqualTo("1.0 ms");
    assertThat(total.attr("title")).isEqualTo("1000000 ns");
    assertThat(total.attr("data-sort")).isEqualTo("1000000"); // raw numbers to sort by
    assertThat(cell(page, 0, 12, "% Time").text()).isEqualTo("90.0");
  }

  @Test
  void aSmallButNonzeroTimeIsLessThanATenthNotZero() {
    FunctionInfo info = new FunctionInfo("A.java", "A.a", 1, List.of("a();", "b();"));
    Document page =
        render(
            new ProfileStats(
                List.of(new FunctionStats(info, new long[] {1, 1}, new long[] {10, 1_000_000}))),
            null);

    assertThat(cell(page, 0, 1, "Time (ms)").text()).isEqualTo("< 0.1");
  }

  @Test
  void isSelfContained() {
    String html = page();
    Document page = parsed(html);
    assertThat(html).doesNotContain("http://");
    assertThat(html).doesNotContain("https://");
    assertThat(page.select("[src], link, iframe, object, embed")).isEmpty();
    assertThat(page.select("style").first().data()).doesNotContain("@import");
    assertThat(page.select("style")).hasSize(1);
    assertThat(page.select("script")).hasSize(1);
  }

  @Test
  void inlinesThePaletteStyleAndScript() {
    Document page = parsed(page());
    String style = page.select("style").first().data();
    assertThat(style).contains(PageAssets.REPORT_STYLE);
    assertThat(style).contains("--hot: 234, 88, 12;");
    assertThat(style).contains("body.hot-only tr.cool, body.hot-only tr.idle { display: none; }");
    String script = page.select("script").first().data();
    assertThat(script).contains("addEventListener(\"click\"");
    assertThat(script).contains("setAttribute(\"data-ready\"");
    assertThat(script).contains("target.closest(\"details.fn\")");
  }

  @Test
  void headsThePageWithEachRun() {
    RunInfo run =
        new RunInfo(
            Instant.parse("2026-01-02T03:04:05Z"),
            "exact",
            Map.of("label", "<b>&"),
            new RunInfo.Jvm(
                "Vendor", "17.0.9", "OpenJDK 64-Bit Server VM", "17.0.9+9", List.of("-Xmx1g")),
            new RunInfo.Machine("Linux", "6.1", "amd64", 4));
    Document page =
        parsed(HtmlReport.render(new ProfileStats(List.of(parse())), List.of(run, run), null));

    assertThat(page.select("details.run")).hasSize(2);
    assertThat(page.select("details.run > summary").first().text())
        .isEqualTo(
            "2026-01-02 03:04:05 UTC · mode exact · Java 17.0.9 (OpenJDK 64-Bit Server VM) · Linux amd64, 4 CPUs");
    Element terms = page.select("details.run dl").first();
    assertThat(terms.select("dt").eachText())
        .containsExactly("label", "JVM", "JVM options", "OS")
        .inOrder();
    assertThat(terms.select("dd").eachText())
        .containsExactly("<b>&", "Vendor OpenJDK 64-Bit Server VM 17.0.9+9", "-Xmx1g", "Linux 6.1")
        .inOrder();
  }

  @Test
  void writesIndexHtml(@TempDir Path dir) throws Exception {
    ProfileStats stats = new ProfileStats(List.of(parse(), neverRun()));
    HtmlReport.write(stats, List.of(), 1e-6, dir.resolve("html"));
    assertThat(Files.readString(dir.resolve("html/index.html"), UTF_8))
        .isEqualTo(HtmlReport.render(stats, List.of(), 1e-6));
  }

  @Test
  void eachRanLineHasABarOfItsShareBesidePercentTime() {
    Document page = parsed(page());
    Element percent = cell(page, 0, 12, "% Time");
    Element bar = percent.nextElementSibling();
    assertThat(bar.className()).isEqualTo("bar");
    assertThat(bar.select("span.track > span").attr("style")).isEqualTo("width:90.0%");
    assertThat(page.select("td.bar span.track")).hasSize(3);
  }

  @Test
  void hotLinesOnlyHidesLinesBelowOnePercentAndLinesThatNeverRan() {
    FunctionInfo info =
        new FunctionInfo("A.java", "A.a", 1, List.of("void a() {", "  hot();", "  cool();", "}"));
    Document page =
        render(
            new ProfileStats(
                List.of(
                    new FunctionStats(info, new long[] {0, 1, 1, 0}, new long[] {0, 995, 5, 0}))),
            null);

    Element hotOnly = page.getElementById("hot-only");
    assertThat(hotOnly.tagName()).isEqualTo("input");
    assertThat(hotOnly.attr("type")).isEqualTo("checkbox");
    assertThat(hotOnly.parent().text())
        .isEqualTo("Hot lines only (1.0 % of their function's time or more)");
    assertThat(row(page, 0, 2).classNames()).containsExactly("ran");
    assertThat(row(page, 0, 2).attr("style")).isEqualTo("--heat:0.9950");
    assertThat(row(page, 0, 3).classNames()).containsExactly("ran", "cool");
    assertThat(row(page, 0, 3).attr("style")).isEqualTo("--heat:0.0050");
    assertThat(row(page, 0, 1).classNames()).containsExactly("idle");
  }

  @Test
  void eachFunctionFoldsStartsOpenAndButtonsFoldAll() {
    Document page = parsed(page());
    assertThat(page.select("details.fn[open] > summary > h2[id]")).hasSize(2);
    assertThat(page.getElementById("fold-all").text()).isEqualTo("Fold all");
    assertThat(page.getElementById("unfold-all").text()).isEqualTo("Unfold all");
    assertThat(page.select("h2 a.top").eachAttr("href")).containsExactly("#top", "#top");
    assertThat(page.getElementById("top").tagName()).isEqualTo("h1");
  }

  @Test
  void summaryShowsCallsAndTotalTimeAndNoShareOfAll() {
    FunctionInfo loop =
        new FunctionInfo(
            "L.java",
            "L.loop",
            1,
            List.of(
                "@LineProfile",
                "int loop(int n) {",
                "  for (int i = 0; i < n; i++) {",
                "    work(i);",
                "  }",
                "}"));
    FunctionStats estimated =
        new FunctionStats(loop, new long[] {0, 0, 11, 10, 0, 0}, new long[] {0, 0, 100, 900, 0, 0});
    FunctionInfo counted =
        new FunctionInfo("L.java", "L.work", 10, List.of("void work(int i) {", "  x += i;", "}"));
    Document page =
        render(
            new ProfileStats(
                List.of(
                    estimated,
                    new FunctionStats(counted, new long[] {0, 10, 0}, new long[] {0, 500, 0})
                        .withCalls(10))),
            null);

    Elements heads = page.select("#summary thead th");
    assertThat(heads.eachText())
        .containsExactly("Function", "File", "Calls", "Total time", "Per call")
        .inOrder();
    assertThat(heads.get(2).attr("title")).isEqualTo("how often the function was entered");
    assertThat(heads.eachAttr("data-type"))
        .containsExactly("text", "text", "num", "num", "num")
        .inOrder();
    Element loopRow = page.select("#summary tbody tr").get(0);
    // not the summed line hits (21), and marked as the first ran line's hits
    assertThat(loopRow.child(2).text()).isEqualTo("11*");
    assertThat(loopRow.child(2).attr("data-sort")).isEqualTo("11");
    assertThat(loopRow.child(2).attr("title"))
        .isEqualTo("hits of line 3, the first line that ran (calls were not counted)");
    assertThat(loopRow.child(3).text()).isEqualTo("1.0 µs");
    assertThat(loopRow.child(4).text()).isEqualTo("90.9 ns");
    assertThat(loopRow.child(4).attr("data-sort")).isEqualTo("90.9");
    Element workRow = page.select("#summary tbody tr").get(1);
    assertThat(workRow.child(2).text()).isEqualTo("10");
    assertThat(workRow.child(2).attr("title")).isEqualTo("calls counted by the probes");
    assertThat(page.select("p.foot").eachText())
        .contains("* this run did not count calls: the hits of the function's first line that ran");
  }

  @Test
  void aFunctionThatNeverRanSaysSo() {
    Element row = parsed(page()).select("#summary tbody tr").get(1);
    assertThat(row.select("span.idle").text()).isEqualTo("not run");
    assertThat(row.child(4).text()).isEmpty();
  }

  @Test
  void aLineCallingAnotherProfiledMethodLinksToItsTable() {
    Document page = render(HtmlSample.stats(), null);

    // Simulation.simulate (f1) calls step (f0) and, in a loop, histogram, which is not profiled
    // here.
    Element call = row(page, 1, 35).selectFirst("td.src");
    assertThat(call.wholeText()).isEqualTo("  int[][] s = step(iterations, n);");
    assertThat(call.select("a.call")).hasSize(1);
    assertThat(call.selectFirst("a.call").text()).isEqualTo("step");
    assertThat(call.selectFirst("a.call").attr("href")).isEqualTo("#f0");
    assertThat(page.getElementById("f0").ownText()).isEqualTo("Simulation.step");
    assertThat(row(page, 1, 40).select("a")).isEmpty(); // histogram(
    // its own declaration is no link
    assertThat(row(page, 0, 21).selectFirst("td.src").wholeText())
        .isEqualTo("public static int[][] step(int rows, int cols) {");
    assertThat(row(page, 0, 21).select("a")).isEmpty();
    assertThat(page.select("a.call")).hasSize(1);
  }

  @Test
  void aMethodNameOfSeveralClassesLinksOnlyWithinTheCallersClass() {
    FunctionInfo a =
        new FunctionInfo(
            "A.java", "A.run", 1, List.of("void run() {", "  go(); b.go(); undo();", "}"));
    FunctionInfo aGo = new FunctionInfo("A.java", "A.go", 5, List.of("void go() {", "}"));
    FunctionInfo bGo = new FunctionInfo("B.java", "B.go", 5, List.of("void go() {", "}"));
    FunctionInfo c =
        new FunctionInfo("C.java", "C.run", 1, List.of("void run() {", "  go();", "}"));
    ProfileStats stats =
        new ProfileStats(
            List.of(a, aGo, bGo, c).stream()
                .map(
                    info ->
                        new FunctionStats(
                            info, new long[info.lines().size()], new long[info.lines().size()]))
                .toList());

    Document page = render(stats, null);

    Element calls = row(page, 0, 2).selectFirst("td.src");
    assertThat(calls.wholeText()).isEqualTo("  go(); b.go(); undo();");
    assertThat(calls.select("a.call").eachText()).containsExactly("go", "go");
    assertThat(calls.select("a.call").eachAttr("href")).containsExactly("#f1", "#f1");
    // C has no go of its own: ambiguous
    assertThat(row(page, 3, 2).select("a")).isEmpty();
  }

  @Test
  void controlCharactersOfTheSourceShowAsEscapes() {
    String hostile = "\tx = \"\u001b[31m<b>\u0007\r\u202eevil\u2069\";";
    FunctionInfo info = new FunctionInfo("A.java", "A.f", 1, List.of("void f() {", hostile, "}"));
    ProfileStats stats =
        new ProfileStats(List.of(new FunctionStats(info, new long[3], new long[3])));

    String html = HtmlReport.render(stats, List.of(), null);

    assertThat(row(parsed(html), 0, 2).selectFirst("td.src").wholeText())
        .isEqualTo("\tx = \"\\u001b[31m<b>\\u0007\\u000d\\u202eevil\\u2069\";");
    assertNoHiddenCharacters(html);
  }

  @Test
  void controlCharactersOfNamesPathsAndRunDetailsShowAsEscapes() {
    FunctionInfo info =
        new FunctionInfo("a\u202e/B.java", "B.\u001b[2Jf", 1, List.of("void f() {", "  g();", "}"));
    RunInfo run =
        new RunInfo(
            Instant.parse("2026-01-02T03:04:05Z"),
            "exact",
            Map.of("label", "x\u0007\u2066y"),
            new RunInfo.Jvm("Vendor", "17", "vm", "17+9", List.of()),
            new RunInfo.Machine("Linux", "6.1", "amd64", 1));

    String html =
        HtmlReport.render(
            new ProfileStats(List.of(new FunctionStats(info, new long[3], new long[3]))),
            List.of(run),
            null);

    Document page = parsed(html);
    assertThat(page.getElementById("f0").ownText()).isEqualTo("B.\\u001b[2Jf");
    assertThat(page.select("#summary td").first().attr("data-sort")).isEqualTo("B.\\u001b[2Jf");
    assertThat(page.select("#summary td").get(1).text()).isEqualTo("a\\u202e/B.java:1");
    assertThat(page.select("details.run dd").first().text()).isEqualTo("x\\u0007\\u2066y");
    assertNoHiddenCharacters(html);
  }

  private static void assertNoHiddenCharacters(String html) {
    assertThat(
            html.chars()
                .filter(
                    c ->
                        c != '\t'
                            && c != '\n'
                            && (Character.isISOControl(c)
                                || (c >= 0x202a && c <= 0x202e)
                                || (c >= 0x2066 && c <= 0x2069))))
        .isEmpty();
  }

  @Test
  void honoursTheOutputUnit() {
    ProfileStats stats = new ProfileStats(List.of(parse()));

    Document ms = render(stats, 1e-3);

    assertThat(ms.select("div.listing thead th").eachText())
        .containsAtLeast("Time (ms)", "Per hit (ms)")
        .inOrder();
    assertThat(cell(ms, 0, 12, "Time (ms)").text()).isEqualTo("0.9");
    Document us = render(stats, 1e-6);
    assertThat(us.select("div.listing thead th").eachText())
        .containsAtLeast("Time (µs)", "Per hit (µs)")
        .inOrder();
    assertThat(cell(us, 0, 12, "Per hit (µs)").text()).isEqualTo("450.0");
    assertThat(cell(us, 0, 12, "Per hit (µs)").attr("title")).isEqualTo("450000.0 ns");
    assertThat(render(stats, 2.5e-4).select("div.listing thead th").eachText())
        .contains("Time (× 0.00025 s)");
  }

  @Test
  void showsTheRunsNotesWithTheColumnSources() {
    RunInfo run =
        new RunInfo(
                Instant.parse("2026-01-02T03:04:05Z"),
                "hybrid",
                Map.of("overhead", "2.1x"),
                new RunInfo.Jvm(
                    "Vendor", "17", "vm", "17+9", List.of("-XX:HeapDumpPath=/home/alice/dumps")),
                new RunInfo.Machine("Linux", "6.1", "amd64", 4))
            .withSources(
                "instrumented copy, 21 invocations",
                "JFR samples of the original, 10234 samples <1 ms>")
            .withUnreliableLines(List.of("Parser.java:12"));

    String html = HtmlReport.render(new ProfileStats(List.of(parse())), List.of(run), null);
    Document page = parsed(html);

    assertThat(page.select("ul.notes li").eachText())
        .containsExactly(
            "hybrid mode; overhead: 2.1x",
            "Hits: instrumented copy, 21 invocations; Time: JFR samples of the original, 10234"
                + " samples <1 ms>",
            "unreliable: Parser.java:12")
        .inOrder();
    Element jvmOptions =
        page.select("details.run dt").stream()
            .filter(dt -> dt.text().equals("JVM options"))
            .findFirst()
            .orElseThrow()
            .nextElementSibling();
    assertThat(jvmOptions.text()).isEqualTo("-XX:HeapDumpPath");
    assertThat(html).doesNotContain("alice");
  }

  @Test
  void showsTheBytesOfEachLineAndFunctionWhenMeasured() {
    FunctionStats measured = parse().withBytes(new long[] {0, 0, 2_097_152, 0, 48, 0});

    Document page = render(new ProfileStats(List.of(measured, neverRun())), null);

    assertThat(parsed(page()).select("th").eachText()).doesNotContain("Allocated");
    Element allocated = page.select("#summary thead th").last();
    assertThat(allocated.text()).isEqualTo("Allocated");
    assertThat(allocated.attr("title"))
        .isEqualTo("bytes allocated, including the methods it calls");
    Element total = page.select("#summary tbody tr").get(0).children().last();
    assertThat(total.text()).isEqualTo("2.00 MiB");
    assertThat(total.attr("data-sort")).isEqualTo("2097200");
    assertThat(total.attr("title")).isEqualTo("2097200 bytes");
    // the function that was not measured has no such columns
    assertThat(page.select("details.fn").get(1).select("thead th").eachText())
        .doesNotContain("Allocated");
    Element bytes = cell(page, 0, 12, "Allocated");
    assertThat(bytes.text()).isEqualTo("2.00 MiB");
    assertThat(bytes.attr("title")).isEqualTo("2097152 bytes");
    assertThat(bytes.nextElementSibling().text()).isEqualTo("1.00 MiB");
    assertThat(bytes.nextElementSibling().attr("title")).isEqualTo("1048576.0 bytes");
    assertThat(bytes.nextElementSibling().nextElementSibling().className()).isEqualTo("src");
    assertThat(cell(page, 0, 13, "Allocated").text()).isEqualTo("0 B");
    assertThat(cell(page, 0, 13, "Allocated").attr("title")).isEqualTo("0 bytes");
  }
}
