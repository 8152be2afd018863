package io.github.lineprof.internal.report;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.lineprof.internal.stats.FunctionInfo;
import io.github.lineprof.internal.stats.FunctionStats;
import io.github.lineprof.internal.stats.ProfileStats;
import io.github.lineprof.internal.stats.RunInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  private static final FunctionInfo STEP = new FunctionInfo("demo/Walk.java", "Walk.step", 10,
      List.of("@LineProfile", "static int step(int n) {", "  int s = 0;", "  for (int i = 0; i < n; i++) {",
          "    s += i % 2 == 0 ? 1 : -1;", "  }", "  return s; // \"quoted\", back\\slash, é, \t tab", "}"));
  private static final FunctionInfo NEVER = new FunctionInfo("demo/Walk.java", "Walk.never", 20,
      List.of("@LineProfile", "static void never() {", "}"));

  static ProfileStats statsA() {
    return new ProfileStats(List.of(
        new FunctionStats(STEP, new long[] {0, 0, 1, 11, 10, 0, 1, 0},
            new long[] {0, 0, 120, 900, 4000, 0, Long.MAX_VALUE / 2, 0}),
        new FunctionStats(NEVER, new long[3], new long[3])));
  }

  static ProfileStats statsB() {
    return new ProfileStats(List.of(
        new FunctionStats(STEP, new long[] {0, 0, 2, 22, 20, 0, 2, 0}, new long[] {0, 0, 7, 8, 9, 0, 10, 0})));
  }

  static RunInfo run(String started) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("warmup", "20");
    settings.put("measure", "1");
    return new RunInfo(Instant.parse(started), "exact", settings,
        new RunInfo.Jvm("Eclipse Adoptium", "17.0.12", "OpenJDK 64-Bit Server VM", "17.0.12+7", List.of("-Xmx512m")),
        new RunInfo.Machine("Linux", "6.1.0", "amd64", 4));
  }

  /** FunctionStats has no equals: compare what a report shows. */
  static void assertSameStats(ProfileStats actual, ProfileStats expected) {
    assertThat(actual.functions()).hasSize(expected.functions().size());
    for (int f = 0; f < expected.functions().size(); f++) {
      FunctionStats a = actual.functions().get(f);
      FunctionStats e = expected.functions().get(f);
      assertThat(a.info()).isEqualTo(e.info());
      for (int line = e.info().firstLine(); line <= e.info().lastLine(); line++) {
        assertThat(a.hits(line)).isEqualTo(e.hits(line));
        assertThat(a.nanos(line)).isEqualTo(e.nanos(line));
      }
    }
  }

  @Test
  void roundTripIsExact() throws Exception {
    List<RunInfo> runs = List.of(run("2026-11-25T20:38:48.123456789Z"), RunInfo.current("sampled", Map.of("k", "v")));
    String json = JsonReport.write(statsA(), runs);

    JsonReport.Parsed parsed = JsonReport.read(json);

    assertSameStats(parsed.stats(), statsA());
    assertThat(parsed.runs()).isEqualTo(runs);
    assertThat(JsonReport.write(parsed.stats(), parsed.runs())).isEqualTo(json);
  }

  @Test
  void writesTheDocumentedSchema() {
    ProfileStats stats = new ProfileStats(List.of(new FunctionStats(
        new FunctionInfo("demo/Walk.java", "Walk.half", 5, List.of("@LineProfile", "static int half(int n) {", "  return n / 2;", "}")),
        new long[] {0, 0, 3, 0}, new long[] {0, 0, 1250, 0})));
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("warmup", "20");
    settings.put("measure", "1");
    RunInfo run = new RunInfo(Instant.parse("2026-11-25T20:38:48.123Z"), "exact", settings,
        new RunInfo.Jvm("Eclipse Adoptium", "17.0.12", "OpenJDK 64-Bit Server VM", "17.0.12+7", List.of("-Xmx512m")),
        new RunInfo.Machine("Linux", "6.1.0", "amd64", 4));

    // The example of README.md's "JSON schema" section.
    assertThat(JsonReport.write(stats, List.of(run))).isEqualTo("""
        {
          "schema": "lineprof-report",
          "format_version": 1,
          "timer_unit": 1.0E-9,
          "runs": [
            {
              "started": "2026-11-25T20:38:48.123Z",
              "mode": "exact",
              "settings": {
                "warmup": "20",
                "measure": "1"
              },
              "jvm": {
                "vendor": "Eclipse Adoptium",
                "version": "17.0.12",
                "vm": "OpenJDK 64-Bit Server VM",
                "vm_version": "17.0.12+7",
                "args": [
                  "-Xmx512m"
                ]
              },
              "machine": {
                "os": "Linux",
                "os_version": "6.1.0",
                "arch": "amd64",
                "cpus": 4
              }
            }
          ],
          "functions": [
            {
              "file": "demo/Walk.java",
              "name": "Walk.half",
              "first_line": 5,
              "lines": [
                "@LineProfile",
                "static int half(int n) {",
                "  return n / 2;",
                "}"
              ],
              "hits": [
                0,
                0,
                3,
                0
              ],
              "nanos": [
                0,
                0,
                1250,
                0
              ]
            }
          ]
        }
        """);
  }

  @Test
  void currentRunKeepsOnlyPerformanceOptionsOfTheJvm() {
    RunInfo run = RunInfo.current("exact", Map.of());
    assertThat(run.mode()).isEqualTo("exact");
    assertThat(run.jvm().version()).isEqualTo(System.getProperty("java.version"));
    assertThat(run.machine().cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
    run.jvm().args().forEach(arg -> assertThat(arg).startsWith("-X"));
  }

  @Test
  void mergeSumsHitsAndNanosPerLineAndKeepsBothRuns() throws Exception {
    JsonReport.Parsed a = JsonReport.read(JsonReport.write(statsA(), List.of(run("2026-01-01T00:00:00Z"))));
    JsonReport.Parsed b = JsonReport.read(JsonReport.write(statsB(), List.of(run("2026-01-02T00:00:00Z"))));

    ProfileStats merged = a.stats().plus(b.stats());

    FunctionStats step = merged.functions().get(0);
    for (int line = STEP.firstLine(); line <= STEP.lastLine(); line++) {
      assertThat(step.hits(line)).isEqualTo(
          statsA().functions().get(0).hits(line) + statsB().functions().get(0).hits(line));
      assertThat(step.nanos(line)).isEqualTo(
          statsA().functions().get(0).nanos(line) + statsB().functions().get(0).nanos(line));
    }
    assertThat(merged.functions().get(1).info()).isEqualTo(NEVER);
  }

  private static String failure(String json) {
    ReportFormatException e = assertThrows(ReportFormatException.class, () -> JsonReport.read(json));
    assertThat(e.getMessage()).doesNotContain("\n");
    return e.getMessage();
  }

  /** A valid report with {@code from} replaced by {@code to}. */
  private static String edited(String from, String to) {
    String json = JsonReport.write(statsA(), List.of(run("2026-01-01T00:00:00Z")));
    assertThat(json).contains(from);
    return json.replaceFirst(java.util.regex.Pattern.quote(from), to);
  }

  @Test
  void corruptJsonIsNotJson() {
    assertThat(failure("")).isEqualTo("not JSON: the file is empty");
    assertThat(failure("{\"schema\": \"lineprof-report\",")).isEqualTo("not JSON: End of input at line 1 column 30");
    assertThat(failure("{schema: 1}")).isEqualTo("not JSON: malformed JSON at line 1 column 3");
    assertThat(failure("{} {}")).isEqualTo("not JSON: malformed JSON at line 1 column 5");
  }

  @Test
  void foreignJsonIsNotALineprofReport() {
    assertThat(failure("{\"foo\":1}")).isEqualTo("not a lineprof report: no \"schema\" field");
    assertThat(failure("[1, 2]")).isEqualTo("not a lineprof report: not a JSON object");
    assertThat(failure("{\"schema\": \"other\"}"))
        .isEqualTo("not a lineprof report: \"schema\" is \"other\", not \"lineprof-report\"");
  }

  @Test
  void anotherVersionIsUnsupported() {
    assertThat(failure(edited("\"format_version\": 1", "\"format_version\": 2")))
        .isEqualTo("unsupported format_version 2; this lineprof reads version 1");
    assertThat(failure(edited("\"timer_unit\": 1.0E-9", "\"timer_unit\": 1e-6")))
        .isEqualTo("report: unsupported timer_unit 1e-6; expected 1e-9 (nanoseconds)");
  }

  @Test
  void mismatchedArrayLengthsAreNamed() {
    assertThat(failure(edited("\"hits\": [\n        0,", "\"hits\": [")))
        .isEqualTo("functions[0] (Walk.step): 7 hits and 8 nanos for 8 lines");
  }

  @Test
  void wrongFieldsAreNamedWithTheirPath() {
    assertThat(failure(edited("\"first_line\": 10,", "")))
        .isEqualTo("functions[0]: missing \"first_line\"");
    assertThat(failure(edited("\"cpus\": 4", "\"cpus\": \"four\"")))
        .isEqualTo("runs[0].machine.cpus: expected a whole number from 0 up, got \"four\"");
    assertThat(failure(edited("\"nanos\": [\n        0,", "\"nanos\": [\n        -1,")))
        .isEqualTo("functions[0].nanos[0]: expected a whole number from 0 up, got -1");
    assertThat(failure(edited("\"hits\": [\n        0,", "\"hits\": [\n        0.5,")))
        .isEqualTo("functions[0].hits[0]: expected a whole number from 0 up, got 0.5");
    assertThat(failure(edited("\"started\": \"2026-01-01T00:00:00Z\"", "\"started\": \"yesterday\"")))
        .isEqualTo("runs[0].started: not an ISO-8601 instant: \"yesterday\"");
    assertThat(failure(edited("\"name\": \"Walk.never\"", "\"name\": \"Walk.step\"").replace("\"first_line\": 20", "\"first_line\": 10")))
        .isEqualTo("functions[1] (Walk.step) repeats functions[0]");
  }
}
