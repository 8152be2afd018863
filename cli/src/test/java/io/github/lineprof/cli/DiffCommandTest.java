package io.github.lineprof.cli;

import static com.google.common.truth.Truth.assertThat;
import static io.github.lineprof.report.WalkDiffFixtures.AFTER_WALK;
import static io.github.lineprof.report.WalkDiffFixtures.BEFORE_WALK;
import static io.github.lineprof.report.WalkDiffFixtures.run;

import io.github.lineprof.report.JsonReport;
import io.github.lineprof.report.stats.ProfileStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lineprof diff's three formats, through the command line (the matching itself: ReportDiffTest).
 */
class DiffCommandTest {
  @TempDir Path dir;

  private String lineprof(String... args) {
    StringWriter out = new StringWriter();
    int exit = LineProfCli.commandLine().setOut(new PrintWriter(out)).execute(args);
    assertThat(exit).isEqualTo(0);
    return out.toString();
  }

  private String[] reports() throws Exception {
    Path before = dir.resolve("before.json");
    Path after = dir.resolve("after.json");
    Files.writeString(
        before,
        JsonReport.write(new ProfileStats(List.of(BEFORE_WALK)), List.of(run("exact", null))));
    Files.writeString(
        after,
        JsonReport.write(new ProfileStats(List.of(AFTER_WALK)), List.of(run("exact", null))));
    return new String[] {before.toString(), after.toString()};
  }

  @Test
  void textShowsEachLineBeforeAfterAndTheChange() throws Exception {
    String[] files = reports();

    String text = lineprof("diff", files[0], files[1]);

    assertThat(text)
        .startsWith(
            "lineprof diff: " + files[0] + " -> " + files[1] + "\n\nFunctions, largest change");
    assertThat(text)
        .contains(
            "      1.0 ms     503.0 µs    -499.8 µs (-49.8 %)  Walk.walk  demo/Walk.java:10 -> 12\n");
    assertThat(text)
        .contains(
            "    14     16          10          10      1.0 ms    500.0 µs    -500.0 µs (-50.0 %)"
                + "          s += step(i);\n");
    assertThat(text)
        .contains(
            "     -     18                       1                   90 ns               +90 ns ~  +   s *= 2;\n");
    assertThat(text)
        .contains(
            "    12      -           1                  400 ns                          -400 ns ~  -   int s = 0;\n");
    assertThat(text)
        .contains(
            "    16     19           1           1      380 ns      380 ns                   0 ns      return s;\n");
    assertThat(text).contains("~ marks a change of time within the runs' noise");
    // braces and declarations that never ran make no row
    assertThat(text).doesNotContain("@LineProfile");
  }

  @Test
  void markdownIsATableForAPullRequestComment() throws Exception {
    String[] files = reports();

    String markdown = lineprof("diff", files[0], files[1], "--format", "md");

    assertThat(markdown)
        .startsWith(
            "## lineprof diff\n\n`"
                + files[0]
                + "` → `"
                + files[1]
                + "`\n\n"
                + "| Function | Before | After | Change | Location |\n| --- | ---: | ---: | ---: | --- |\n"
                + "| `Walk.walk` | 1.0 ms | 503.0 µs | -499.8 µs (-49.8 %) | `demo/Walk.java:10 -> 12` |\n");
    assertThat(markdown)
        .contains(
            "| 14 → 16 | 10 | 10 | 1.0 ms | 500.0 µs | -500.0 µs (-50.0 %) | `s += step(i);` |\n");
    assertThat(markdown).contains("| +18 |  | 1 |  | 90 ns | +90 ns ~ | + `s *= 2;` |\n");
    assertThat(markdown).contains("| -12 | 1 |  | 400 ns |  | -400 ns ~ | - `int s = 0;` |\n");
  }

  @Test
  void htmlIsOneSelfContainedPage() throws Exception {
    String[] files = reports();
    Path page = dir.resolve("out/diff.html");

    assertThat(lineprof("diff", files[0], files[1], "-f", "html", "-o", page.toString())).isEmpty();

    String html = Files.readString(page);
    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(html).doesNotContainMatch("<(script|link|img)[^>]* (src|href)=\"http");
    assertThat(html)
        .contains(
            "<tr class=\"ins\"><td>+18</td><td></td><td>1</td><td></td><td>90 ns</td>"
                + "<td class=\"noise\" title=\"within the runs&#39; noise\">+90 ns ~</td><td class=\"src\">+   s *= 2;</td></tr>");
    assertThat(html).contains("<tr class=\"del\"><td>-12</td>");
    assertThat(html)
        .contains("<td class=\"noise\" title=\"within the runs&#39; noise\">-400 ns ~</td>");
  }
}
