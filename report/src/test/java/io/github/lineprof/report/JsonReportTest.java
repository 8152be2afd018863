package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  @Test
  void writesTheDocumentedSchema() {
    ProfileStats stats =
        new ProfileStats(
            List.of(
                new FunctionStats(
                    new FunctionInfo(
                        "demo/Walk.java",
                        "Walk.half",
                        5,
                        List.of(
                            "@LineProfile", "static int half(int n) {", "  return n / 2;", "}")),
                    new long[] {0, 0, 3, 0},
                    new long[] {0, 0, 1250, 0})));
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("warmup", "20");
    settings.put("measure", "1");
    RunInfo run =
        new RunInfo(
            Instant.parse("2026-11-25T20:38:48.123Z"),
            "exact",
            settings,
            new RunInfo.Jvm(
                "Eclipse Adoptium",
                "17.0.12",
                "OpenJDK 64-Bit Server VM",
                "17.0.12+7",
                List.of("-Xmx512m")),
            new RunInfo.Machine("Linux", "6.1.0", "amd64", 4));

    // The example of README.md's "JSON schema" section.
    assertThat(JsonReport.write(stats, List.of(run)))
        .isEqualTo(
            """
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
  void escapesQuotesBackslashesControlCharactersAndJavaScriptLineTerminators() {
    String text =
        "q\" b\\ t\t n\n r\r b\b f\f nul\u0000 esc\u001b del\u007f ls\u2028 ps\u2029 é <a> & '";
    ProfileStats stats =
        new ProfileStats(
            List.of(
                new FunctionStats(
                    new FunctionInfo("F.java", "F.f", 1, List.of(text)),
                    new long[] {1},
                    new long[] {2})));

    String json = JsonReport.write(stats, List.of());

    assertThat(json)
        .contains(
            "\"q\\\" b\\\\ t\\t n\\n r\\r b\\b f\\f nul\\u0000 esc\\u001b del\u007f "
                + "ls\\u2028 ps\\u2029 é <a> & '\"");
    assertThat(json).contains("\"runs\": [],");
  }

  @Test
  void writesRunIdsColumnSourcesAndCallsOnlyWhenKnown() {
    RunInfo run =
        new RunInfo(
            Instant.parse("2026-01-01T00:00:00Z"),
            "hybrid",
            Map.of(),
            new RunInfo.Jvm("v", "17", "vm", "17+1", List.of()),
            new RunInfo.Machine("Linux", "6", "amd64", 1));
    FunctionStats f =
        new FunctionStats(
            new FunctionInfo("F.java", "F.f", 1, List.of("x")), new long[] {3}, new long[] {4});

    String old = JsonReport.write(new ProfileStats(List.of(f)), List.of(run));
    String full =
        JsonReport.write(
            new ProfileStats(List.of(f.withCalls(3))),
            List.of(
                new RunInfo(
                        "7f0c",
                        run.started(),
                        run.mode(),
                        run.settings(),
                        run.jvm(),
                        run.machine(),
                        RunInfo.Sources.NONE)
                    .withSources(
                        "instrumented copy, 3 invocations",
                        "JFR samples of the original, 10 samples")
                    .withUnreliableLines(List.of("F.java:1: within 2 ns of the probe cost"))
                    .withProbeNanos(29.5)));

    for (String field :
        List.of(
            "\"id\"",
            "\"hits_source\"",
            "\"time_source\"",
            "\"unreliable_lines\"",
            "\"probe_nanos\"",
            "\"calls\"")) {
      assertThat(old).doesNotContain(field);
    }
    assertThat(full)
        .contains(
            """
            {
              "id": "7f0c",
              "started": "2026-01-01T00:00:00Z",
        """);
    assertThat(full)
        .contains(
            """
              },
              "hits_source": "instrumented copy, 3 invocations",
              "time_source": "JFR samples of the original, 10 samples",
              "unreliable_lines": [
                "F.java:1: within 2 ns of the probe cost"
              ],
              "probe_nanos": 29.5
            }
        """);
    assertThat(full)
        .contains(
            """
              "first_line": 1,
              "calls": 3,
              "lines": [
        """);
  }

  @Test
  void writesBytesSamplesAndTheirSourceOnlyWhenMeasured() {
    RunInfo run =
        new RunInfo(
            Instant.parse("2026-01-01T00:00:00Z"),
            "original",
            Map.of(),
            new RunInfo.Jvm("v", "17", "vm", "17+1", List.of()),
            new RunInfo.Machine("Linux", "6", "amd64", 1));
    FunctionStats f =
        new FunctionStats(
            new FunctionInfo("F.java", "F.f", 1, List.of("x", "y")),
            new long[] {3, 0},
            new long[] {4, 0});

    String plain = JsonReport.write(new ProfileStats(List.of(f)), List.of(run));
    String measured =
        JsonReport.write(
            new ProfileStats(
                List.of(f.withBytes(new long[] {3016, 0}).withSamples(new long[] {2, 0}))),
            List.of(run.withAllocationSource("JFR allocation samples of the original, 5 samples")));

    for (String field : List.of("\"bytes\"", "\"samples\"", "\"allocation_source\"")) {
      assertThat(plain).doesNotContain(field);
    }
    assertThat(measured)
        .contains("\"allocation_source\": \"JFR allocation samples of the original, 5 samples\"");
    assertThat(measured)
        .contains(
            """
              "nanos": [
                4,
                0
              ],
              "bytes": [
                3016,
                0
              ],
              "samples": [
                2,
                0
              ]
            }
        """);
  }
}
