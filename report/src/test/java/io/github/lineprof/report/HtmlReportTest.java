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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void escapesSourceNamesAndPaths() {
    String page = page();
    assertThat(page).doesNotContain("<script>alert(1)</script>");
    assertThat(page)
        .contains(
            "String s = &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; + &#39;x&#39; + (a &amp;&amp; b);");
    assertThat(page).contains("com/example/&lt;Odd&gt; &amp; &quot;Name&quot;.java");
    assertThat(page).contains("Odd.&lt;init&gt;");
    assertThat(page).doesNotContain("Odd.<init>");
    // The page's own script is the only one.
    assertThat(count(page, "<script")).isEqualTo(1);
  }

  @Test
  void listsEveryFunctionAndEveryLine() {
    String page = page();
    for (FunctionStats f : List.of(parse(), neverRun())) {
      FunctionInfo info = f.info();
      String name = HtmlWriter.escape(info.name());
      assertThat(page).contains(">" + name + "</a></td>"); // in the summary
      assertThat(page).contains(">" + name + "<a class=\"top\""); // as a listing heading
      for (int i = 0; i < info.lines().size(); i++) {
        assertThat(page).contains("<td class=\"ln\">" + (info.firstLine() + i) + "</td>");
        assertThat(page)
            .contains("<td class=\"src\">" + HtmlWriter.escape(info.lines().get(i)) + "</td>");
      }
    }
    assertThat(count(page, "<tr class=\"ran\"")).isEqualTo(3);
    assertThat(count(page, "<tr class=\"idle\"")).isEqualTo(3 + 3);
  }

  @Test
  void summaryLinksToEachFunctionsAnchor() {
    String page = page();
    assertThat(page).contains("<a href=\"#f0\">Parser.parse</a>");
    assertThat(page).contains("<h2 id=\"f0\">Parser.parse");
    assertThat(page).contains("<a href=\"#f1\">Odd.&lt;init&gt;</a>");
    assertThat(page).contains("<h2 id=\"f1\">Odd.&lt;init&gt;");
  }

  @Test
  void heatIsProportionalToTheLinesShareAndHottestIsStrongest() {
    List<Double> heats = new ArrayList<>();
    Matcher m = Pattern.compile("--heat:([0-9.]+)").matcher(page());
    while (m.find()) {
      heats.add(Double.parseDouble(m.group(1)));
    }
    // Lines 12, 13, 14 of parse: 900, 50 and 50 of its 1000 µs.
    assertThat(heats).containsExactly(0.9, 0.05, 0.05).inOrder();
  }

  @Test
  void perHitShowsTheSpreadOfTimedHitsInItsTooltip() {
    long[] buckets = new long[6 * Spread.BUCKETS];
    buckets[2 * Spread.BUCKETS + Spread.bucket(1_000)] = 1; // line 12: one hit of about 1 µs
    buckets[2 * Spread.BUCKETS + Spread.bucket(800_000)] = 1; // and one of about 0.8 ms
    String page =
        HtmlReport.render(new ProfileStats(List.of(parse().withSpread(buckets))), List.of(), null);
    assertThat(page)
        .contains(
            "<td class=\"num spread\" title=\"450000.0 ns per hit; min 724 ns, median 724 ns,"
                + " p99 741.5 µs, max 741.5 µs\">450.0 µs</td>");
    assertThat(page)
        .doesNotContain("class=\"num spread\" title=\"25000.0"); // line 13 has no timed hit
    assertThat(page()).doesNotContain("num spread");
  }

  @Test
  void timesAreInAReadableUnitWithRawNanosInATooltip() {
    String page = page();
    assertThat(page).contains("<th>Time (µs)</th>");
    assertThat(page).contains("<td class=\"num\" title=\"900000 ns\">900.0</td>");
    assertThat(page).contains("title=\"1000000 ns\">1.0 ms</td>"); // the summary's total
    assertThat(page).contains("<td class=\"num\">90.0</td>"); // % Time of line 12
  }

  @Test
  void isSelfContained() {
    String page = page();
    assertThat(page).doesNotContain("http://");
    assertThat(page).doesNotContain("https://");
    assertThat(page).doesNotContain(" src=");
    assertThat(page).doesNotContain("<link");
    assertThat(page).doesNotContain("@import");
  }

  @Test
  void carriesTheSortingScript() {
    String page = page();
    assertThat(page).contains("<table id=\"summary\">");
    assertThat(page).contains("addEventListener(\"click\"");
    assertThat(page).contains("setAttribute(\"data-ready\"");
    assertThat(page).contains("data-sort=\"1000000\""); // raw numbers to sort by
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
    String page = HtmlReport.render(new ProfileStats(List.of(parse())), List.of(run, run), null);
    assertThat(count(page, "<details class=\"run\">")).isEqualTo(2);
    assertThat(page)
        .contains(
            "<summary>2026-01-02 03:04:05 UTC · mode exact · Java 17.0.9 (OpenJDK 64-Bit Server VM) · Linux amd64, 4 CPUs</summary>");
    assertThat(page).contains("<dt>label</dt><dd>&lt;b&gt;&amp;</dd>");
    assertThat(page).contains("<dt>JVM options</dt><dd>-Xmx1g</dd>");
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
    String page = page();
    assertThat(page)
        .contains(
            "<td class=\"num\">90.0</td><td class=\"bar\"><span class=\"track\"><span style=\"width:90.0%\"></span></span></td>");
    assertThat(count(page, "<td class=\"bar\"><span class=\"track\">")).isEqualTo(3);
  }

  @Test
  void hotLinesOnlyHidesLinesBelowOnePercentAndLinesThatNeverRan() {
    FunctionInfo info =
        new FunctionInfo("A.java", "A.a", 1, List.of("void a() {", "  hot();", "  cool();", "}"));
    String page =
        HtmlReport.render(
            new ProfileStats(
                List.of(
                    new FunctionStats(info, new long[] {0, 1, 1, 0}, new long[] {0, 995, 5, 0}))),
            List.of(),
            null);

    assertThat(page).contains("<input type=\"checkbox\" id=\"hot-only\">");
    assertThat(page).contains("body.hot-only tr.cool, body.hot-only tr.idle { display: none; }");
    assertThat(page).contains("<tr class=\"ran\" style=\"--heat:0.9950\"><td class=\"ln\">2</td>");
    assertThat(page)
        .contains("<tr class=\"ran cool\" style=\"--heat:0.0050\"><td class=\"ln\">3</td>");
  }

  @Test
  void eachFunctionFoldsAndLinksUnfoldIt() {
    String page = page();
    assertThat(count(page, "<details class=\"fn\" open><summary><h2 id=")).isEqualTo(2);
    assertThat(page).contains("id=\"fold-all\"");
    assertThat(page).contains("target.closest(\"details.fn\")");
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
    String page =
        HtmlReport.render(
            new ProfileStats(
                List.of(
                    estimated,
                    new FunctionStats(counted, new long[] {0, 10, 0}, new long[] {0, 500, 0})
                        .withCalls(10))),
            List.of(),
            null);

    assertThat(page).doesNotContain("% of all");
    assertThat(page)
        .contains("<th data-type=\"num\" title=\"how often the function was entered\">Calls</th>");
    // not the summed line hits (21), and marked as the first ran line's hits
    assertThat(page)
        .contains(
            "<td class=\"num\" data-sort=\"11\" title=\"hits of line 3, the first line that ran "
                + "(calls were not counted)\">11*</td>");
    assertThat(page)
        .contains(
            "<td class=\"num\" data-sort=\"10\" title=\"calls counted by the probes\">10</td>");
    assertThat(page)
        .contains("title=\"1000 ns\">1.0 µs</td><td class=\"num\" data-sort=\"90.9\">90.9 ns</td>");
    assertThat(page).contains("<p class=\"foot\">* this run did not count calls");
  }

  @Test
  void aLineCallingAnotherProfiledMethodLinksToItsTable() {
    String page = HtmlReport.render(HtmlSample.stats(), List.of(), null);

    // Simulation.simulate (f1) calls step (f0) and, in a loop, histogram, which is not profiled
    // here.
    assertThat(page)
        .contains(
            "<td class=\"src\">  int[][] s = <a class=\"call\" href=\"#f0\">step</a>(iterations, n);</td>");
    assertThat(page).contains("<td class=\"src\">    y[i] = histogram(x[i], bins);</td>");
    // its own declaration is no link, nor a name that merely ends like a profiled method
    assertThat(page)
        .contains("<td class=\"src\">public static int[][] step(int rows, int cols) {</td>");
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

    String page = HtmlReport.render(stats, List.of(), null);

    assertThat(page)
        .contains(
            "<td class=\"src\">  <a class=\"call\" href=\"#f1\">go</a>(); b.<a class=\"call\" "
                + "href=\"#f1\">go</a>(); undo();</td>");
    assertThat(page)
        .contains("<td class=\"src\">  go();</td>"); // C has no go of its own: ambiguous
  }

  @Test
  void controlCharactersOfTheSourceShowAsEscapes() {
    String hostile = "\tx = \"\u001b[31m<b>\u0007\r\u202eevil\u2069\";";
    FunctionInfo info = new FunctionInfo("A.java", "A.f", 1, List.of("void f() {", hostile, "}"));
    ProfileStats stats =
        new ProfileStats(List.of(new FunctionStats(info, new long[3], new long[3])));

    String page = HtmlReport.render(stats, List.of(), null);

    assertThat(page)
        .contains(
            "<td class=\"src\">\tx = &quot;\\u001b[31m&lt;b&gt;\\u0007\\u000d\\u202eevil\\u2069&quot;;</td>");
    assertThat(
            page.chars()
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

    String page = HtmlReport.render(stats, List.of(), 1e-3);

    assertThat(page).contains("<th>Time (ms)</th><th>Per hit (ms)</th>");
    assertThat(page).contains("<td class=\"num\" title=\"900000 ns\">0.9</td>");
    assertThat(HtmlReport.render(stats, List.of(), 1e-6))
        .contains("<th>Time (µs)</th><th>Per hit (µs)</th>");
    assertThat(HtmlReport.render(stats, List.of(), 1e-6))
        .contains("title=\"450000.0 ns\">450.0</td>");
    assertThat(HtmlReport.render(stats, List.of(), 2.5e-4)).contains("<th>Time (× 0.00025 s)</th>");
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

    String page = HtmlReport.render(new ProfileStats(List.of(parse())), List.of(run), null);

    assertThat(page)
        .contains(
            "<ul class=\"notes\">\n<li>hybrid mode; overhead: 2.1x</li>\n"
                + "<li>Hits: instrumented copy, 21 invocations; Time: JFR samples of the original, 10234 samples &lt;1 ms&gt;</li>\n"
                + "<li>unreliable: Parser.java:12</li>\n</ul>");
    assertThat(page).contains("<dt>JVM options</dt><dd>-XX:HeapDumpPath</dd>");
    assertThat(page).doesNotContain("alice");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void showsTheBytesOfEachLineAndFunctionWhenMeasured() {
    FunctionStats measured = parse().withBytes(new long[] {0, 0, 2_097_152, 0, 48, 0});

    String page =
        HtmlReport.render(new ProfileStats(List.of(measured, neverRun())), List.of(), null);
    String plain = page();

    assertThat(plain).doesNotContain("Allocated");
    assertThat(page)
        .contains(
            "<th data-type=\"num\" title=\"bytes allocated, including the methods it calls\">"
                + "Allocated</th></tr>");
    assertThat(page)
        .contains(
            "<td class=\"num\" data-sort=\"2097200\" title=\"2097200 bytes\">2.00 MiB</td></tr>");
    // the function that was not measured keeps its columns
    assertThat(count(page, "<th>Per hit</th><th class=\"left\">Source</th>")).isEqualTo(1);
    assertThat(page)
        .contains(
            "<td class=\"num\" title=\"2097152 bytes\">2.00 MiB</td>"
                + "<td class=\"num\" title=\"1048576.0 bytes\">1.00 MiB</td><td class=\"src\">");
    assertThat(page).contains("<td class=\"num\" title=\"0 bytes\">0 B</td>");
  }
}
