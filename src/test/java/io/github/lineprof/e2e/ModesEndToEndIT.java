package io.github.lineprof.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.github.lineprof.report.JsonReportReader;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.samples.Allocations;
import io.github.lineprof.samples.ModesMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness in each mode, each in a JVM of its own (a JVM's probes serve one mode): the same Hits
 * everywhere, and in original mode the time of lines whose cost is known (sleeps of 20 and 5 ms)
 * and the bytes of a line that allocates a known array per hit.
 */
class ModesEndToEndIT {
  @TempDir Path dir;

  /**
   * Line number to {hits, nanos, bytes} of Waits.sleeps (or Allocations.allocate), as ModesMain
   * prints them.
   */
  private Map<Integer, long[]> run(String mode, String... scenario)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ModesMain.class.getName(),
                mode,
                dir.resolve(mode).toString()));
    command.addAll(List.of(scenario));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertWithMessage(output).that(process.waitFor()).isEqualTo(0);
    Map<Integer, long[]> lines = new LinkedHashMap<>();
    output
        .lines()
        .map(line -> line.split(" "))
        .forEach(
            cells ->
                lines.put(
                    Integer.parseInt(cells[0]),
                    new long[] {
                      Long.parseLong(cells[1]), Long.parseLong(cells[2]), Long.parseLong(cells[3])
                    }));
    return lines;
  }

  @Test
  void everyModeCountsTheSameHits() throws Exception {
    Map<Integer, long[]> exact = run("exact");
    for (String mode : List.of("sampled", "original")) {
      Map<Integer, long[]> other = run(mode);
      assertThat(other.keySet()).containsExactlyElementsIn(exact.keySet());
      exact.forEach(
          (line, cells) ->
              assertWithMessage(mode + " line " + line)
                  .that(other.get(line)[0])
                  .isEqualTo(cells[0]));
    }
    assertThat(exact.values().stream().mapToLong(cells -> cells[0]).sum()).isGreaterThan(0L);
  }

  @Test
  void originalModeGivesSleepsTheirShare() throws Exception {
    Map<Integer, long[]> lines = run("original");
    long[] nanos = lines.values().stream().mapToLong(cells -> cells[1]).toArray();
    long total = 0;
    for (long n : nanos) {
      total += n;
    }
    int first = lines.keySet().iterator().next();
    double long20 = 100.0 * lines.get(first + 4)[1] / total; // Thread.sleep(20);
    double short5 = 100.0 * lines.get(first + 6)[1] / total; // Thread.sleep(5);
    assertThat(long20).isWithin(3.0).of(80.0);
    assertThat(short5).isWithin(3.0).of(20.0);
    // Two measured invocations of 50 ms of sleep (a sleep overshoots a little, never undershoots):
    // the table's total is theirs, not the recording's hundreds of invocations.
    assertThat(total / 1e6).isAtLeast(2 * 50.0);
    assertThat(total / 1e6).isLessThan(2 * 65.0);
    String notes = Files.readString(dir.resolve("original/report.txt"));
    assertThat(notes)
        .containsMatch(
            "\nlineprof: Hits: instrumented copy, 2 invocations;"
                + " Time: JFR events of the original, \\d+ samples? \\(period 1 ms\\) and \\d+ blocking"
                + " events? over \\d+ invocations");
    // measured sleeps are known at once: the recorder stops well before maxTime (10 s) and says why
    Matcher stop =
        Pattern.compile(
                "; recorded (\\d+\\.\\d) s: every line's share known within \\+-1 point \\(95 %\\)")
            .matcher(notes);
    assertWithMessage(notes).that(stop.find()).isTrue();
    assertThat(Double.parseDouble(stop.group(1))).isLessThan(10.0);
  }

  @Test
  void repeatedRecordingsAreKeptApartInTheReportAndAveragedInTheTable() throws Exception {
    Map<Integer, long[]> lines = run("original,runs=2");
    Path folder = dir.resolve("original,runs=2");
    FunctionStats f =
        JsonReportReader.read(Files.readString(folder.resolve("report.json")))
            .stats()
            .functions()
            .stream()
            .filter(s -> s.info().name().equals("Waits.sleeps"))
            .findFirst()
            .orElseThrow();
    assertThat(f.runCount()).isEqualTo(2);
    // each recording timed the speed control lineprof check judges the function against
    assertThat(f.hasRunControl()).isTrue();
    assertThat(f.runControl(0)).isGreaterThan(0L);
    assertThat(f.runControl(1)).isGreaterThan(0L);
    int sleep20 = lines.keySet().iterator().next() + 4; // Thread.sleep(20);
    for (int run = 0; run < 2; run++) {
      // each recording on its own: the 20 ms sleep is the run's longest line (shares are timing,
      // checked above)
      for (int line = f.info().firstLine(); line <= f.info().lastLine(); line++) {
        assertThat(f.runNanos(run, sleep20)).isAtLeast(f.runNanos(run, line));
      }
      assertThat(f.runNanos(run, sleep20)).isGreaterThan(0L);
    }
    assertThat((double) lines.get(sleep20)[1])
        .isWithin(1.0)
        .of((f.runNanos(0, sleep20) + f.runNanos(1, sleep20)) / 2.0);
    assertThat(Files.readString(folder.resolve("report.txt")))
        .contains("; the mean of 2 independent recordings, each kept in the JSON report");
  }

  @Test
  void originalModeChargesEachLineTheBytesItAllocates() throws Exception {
    Map<Integer, long[]> lines = run("original", "allocations");
    int first = lines.keySet().iterator().next();
    long[] allocating = lines.get(first + 4); // kept = new byte[BYTES];
    long[] other = lines.get(first + 5); // sum += mix(i);
    long expected = 2L * Allocations.HITS * Allocations.BYTES; // two measured invocations
    System.out.printf(
        "new byte[%d]: %d bytes for %d hits (%.3f x n x hits); the line beside it: %d bytes%n",
        Allocations.BYTES,
        allocating[2],
        allocating[0],
        allocating[2] / (double) expected,
        other[2]);

    assertThat(allocating[0]).isEqualTo(2L * Allocations.HITS);
    // within 10 %: the array's 16-byte header is 1.6 % of it
    assertThat((double) allocating[2]).isWithin(0.1 * expected).of(expected);
    assertThat(other[2]).isAtMost(expected / 100);
    String notes = Files.readString(dir.resolve("original/report.txt"));
    assertThat(notes)
        .containsMatch(
            "; Bytes: JFR allocation samples of the original, \\d+ samples over \\d+ invocations,"
                + " scaled to 2\n");
  }

  @Test
  void onlyOriginalModeMeasuresBytes() throws Exception {
    assertThat(
            run("exact", "allocations").values().stream()
                .mapToLong(cells -> cells[2])
                .distinct()
                .toArray())
        .asList()
        .containsExactly(-1L);
  }
}
