package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.lineprof.report.stats.FunctionInfo;
import io.github.lineprof.report.stats.FunctionStats;
import io.github.lineprof.report.stats.ProfileStats;
import io.github.lineprof.report.stats.RunInfo;
import io.github.lineprof.report.stats.Spread;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportReaderTest {
  private static final FunctionInfo STEP =
      new FunctionInfo(
          "demo/Walk.java",
          "Walk.step",
          10,
          List.of(
              "@LineProfile",
              "static int step(int n) {",
              "  int s = 0;",
              "  for (int i = 0; i < n; i++) {",
              "    s += i % 2 == 0 ? 1 : -1;",
              "  }",
              "  return s; // \"quoted\", back\\slash, é, \t tab",
              "}"));
  private static final FunctionInfo NEVER =
      new FunctionInfo(
          "demo/Walk.java",
          "Walk.never",
          20,
          List.of("@LineProfile", "static void never() {", "}"));

  static ProfileStats statsA() {
    return new ProfileStats(
        List.of(
            new FunctionStats(
                STEP,
                new long[] {0, 0, 1, 11, 10, 0, 1, 0},
                new long[] {0, 0, 120, 900, 4000, 0, Long.MAX_VALUE / 2, 0}),
            new FunctionStats(NEVER, new long[3], new long[3])));
  }

  static ProfileStats statsB() {
    return new ProfileStats(
        List.of(
            new FunctionStats(
                STEP,
                new long[] {0, 0, 2, 22, 20, 0, 2, 0},
                new long[] {0, 0, 7, 8, 9, 0, 10, 0})));
  }

  static RunInfo run(String started) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("warmup", "20");
    settings.put("measure", "1");
    return new RunInfo(
        Instant.parse(started),
        "exact",
        settings,
        new RunInfo.Jvm(
            "Eclipse Adoptium",
            "17.0.12",
            "OpenJDK 64-Bit Server VM",
            "17.0.12+7",
            List.of("-Xmx512m")),
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
    List<RunInfo> runs =
        List.of(
            run("2026-11-25T20:38:48.123456789Z"), RunInfo.current("sampled", Map.of("k", "v")));
    String json = JsonReport.write(statsA(), runs);

    JsonReportReader.Report parsed = JsonReportReader.read(json);

    assertSameStats(parsed.stats(), statsA());
    assertThat(parsed.runs()).isEqualTo(runs);
    assertThat(JsonReport.write(parsed.stats(), parsed.runs())).isEqualTo(json);
  }

  @Test
  void spreadRoundTripsAndMergesLikeHits() throws Exception {
    long[] buckets = new long[STEP.lines().size() * Spread.BUCKETS];
    buckets[4 * Spread.BUCKETS + Spread.bucket(1_000_000)] = 7; // line 14: 7 hits of about 1 ms
    buckets[4 * Spread.BUCKETS + Spread.bucket(10_000_000)] = 3; // and 3 of about 10 ms
    FunctionStats step =
        statsB().functions().get(0).withSpread(buckets); // plus itself below: small times
    String json =
        JsonReport.write(new ProfileStats(List.of(step)), List.of(run("2026-01-01T00:00:00Z")));
    assertThat(json)
        .contains(
            "\"buckets\": {\n            \""
                + Spread.lowerBound(Spread.bucket(1_000_000))
                + "\": 7,");

    FunctionStats read = JsonReportReader.read(json).stats().functions().get(0);

    assertThat(read.buckets(14)).isEqualTo(buckets(buckets, 4));
    assertThat(read.spread(14)).isEqualTo(step.spread(14));
    assertThat(read.spread(12)).isNull();
    assertThat(read.plus(read).buckets(14)[Spread.bucket(10_000_000)]).isEqualTo(6);
    assertThat(
            failure(
                json.replace(
                    "\"" + Spread.lowerBound(Spread.bucket(1_000_000)) + "\": 7", "\"1000\": 7")))
        .isEqualTo("functions[0].spread[4].buckets: \"1000\" is not a bucket's lower bound");
  }

  private static long[] buckets(long[] all, int index) {
    return java.util.Arrays.copyOfRange(all, index * Spread.BUCKETS, (index + 1) * Spread.BUCKETS);
  }

  @Test
  void mergeSumsHitsAndNanosPerLineAndKeepsBothRuns() throws Exception {
    JsonReportReader.Report a =
        JsonReportReader.read(JsonReport.write(statsA(), List.of(run("2026-01-01T00:00:00Z"))));
    JsonReportReader.Report b =
        JsonReportReader.read(JsonReport.write(statsB(), List.of(run("2026-01-02T00:00:00Z"))));

    ProfileStats merged = a.stats().plus(b.stats());

    FunctionStats step = merged.functions().get(0);
    for (int line = STEP.firstLine(); line <= STEP.lastLine(); line++) {
      assertThat(step.hits(line))
          .isEqualTo(
              statsA().functions().get(0).hits(line) + statsB().functions().get(0).hits(line));
      assertThat(step.nanos(line))
          .isEqualTo(
              statsA().functions().get(0).nanos(line) + statsB().functions().get(0).nanos(line));
    }
    assertThat(merged.functions().get(1).info()).isEqualTo(NEVER);
  }

  @Test
  void depthsOfNestedLinesRoundTripAndMerge() throws Exception {
    FunctionInfo nested =
        new FunctionInfo(
            STEP.file(),
            STEP.name(),
            STEP.firstLine(),
            STEP.lines(),
            List.of(0, 0, 0, 0, 1, 1, 0, 0));
    ProfileStats stats =
        new ProfileStats(
            List.of(
                new FunctionStats(
                    nested,
                    new long[] {0, 0, 1, 11, 10, 0, 1, 0},
                    new long[] {0, 0, 120, 900, 800, 0, 5, 0})));
    String json = JsonReport.write(stats, List.of(run("2026-01-01T00:00:00Z")));

    JsonReportReader.Report read = JsonReportReader.read(json);
    assertSameStats(read.stats(), stats);
    assertThat(read.stats().functions().get(0).totalNanos()).isEqualTo(1025);

    // An older report of the same function, without depths: the merge keeps the nesting.
    JsonReportReader.Report old =
        JsonReportReader.read(JsonReport.write(statsB(), List.of(run("2026-01-02T00:00:00Z"))));
    assertThat(old.stats().functions().get(0).info().hasNested()).isFalse();
    FunctionStats merged = old.stats().plus(read.stats()).functions().get(0);
    assertThat(merged.info()).isEqualTo(nested);
    assertThat(merged.totalNanos()).isEqualTo(1025 + 7 + 8 + 10);
    assertSameStats(
        JsonReportReader.read(JsonReport.write(old.stats().plus(read.stats()), List.of())).stats(),
        old.stats().plus(read.stats()));

    String depth = "\"depth\": [\n        0,";
    assertThat(json).contains(depth);
    assertThat(
            failure(
                json.replaceFirst(
                    java.util.regex.Pattern.quote(depth), "\"depth\": [\n        1,")))
        .isEqualTo("functions[0].depth[0]: 1, but the first line is the function's own (0)");
    assertThat(failure(json.replaceFirst(java.util.regex.Pattern.quote(depth), "\"depth\": [")))
        .isEqualTo("functions[0]: 7 depth for 8 lines");
    assertThat(
            failure(
                json.replaceFirst(
                    java.util.regex.Pattern.quote(depth), "\"depth\": [\n        -1,")))
        .startsWith("functions[0].depth[0]: expected a whole number from 0 up");
  }

  private static String failure(String json) {
    ReportFormatException e =
        assertThrows(ReportFormatException.class, () -> JsonReportReader.read(json));
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
    assertThat(failure("{\"schema\": \"lineprof-report\","))
        .isEqualTo("not JSON: End of input at line 1 column 30");
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
    assertThat(failure(edited("\"mode\":", "\"probe_nanos\": -1, \"mode\":")))
        .isEqualTo("runs[0].probe_nanos: expected a number from 0 up, got -1");
    assertThat(failure(edited("\"mode\":", "\"probe_nanos\": 1e999, \"mode\":")))
        .isEqualTo("runs[0].probe_nanos: expected a number from 0 up, got 1e999");
    assertThat(failure(edited("\"nanos\": [\n        0,", "\"nanos\": [\n        -1,")))
        .isEqualTo("functions[0].nanos[0]: expected a whole number from 0 up, got -1");
    assertThat(failure(edited("\"hits\": [\n        0,", "\"hits\": [\n        0.5,")))
        .isEqualTo("functions[0].hits[0]: expected a whole number from 0 up, got 0.5");
    assertThat(
            failure(edited("\"started\": \"2026-01-01T00:00:00Z\"", "\"started\": \"yesterday\"")))
        .isEqualTo("runs[0].started: not an ISO-8601 instant: \"yesterday\"");
    assertThat(
            failure(
                edited("\"name\": \"Walk.never\"", "\"name\": \"Walk.step\"")
                    .replace("\"first_line\": 20", "\"first_line\": 10")))
        .isEqualTo("functions[1] (Walk.step) repeats functions[0]");
  }

  @Test
  void numbersBeyondALongOrAnIntExponentAreOneLineErrors() {
    assertThat(failure(edited("\"nanos\": [\n        0,", "\"nanos\": [\n        1e2147483648,")))
        .isEqualTo("functions[0].nanos[0]: expected a whole number from 0 up, got 1e2147483648");
    assertThat(
            failure(edited("\"hits\": [\n        0,", "\"hits\": [\n        9223372036854775808,")))
        .isEqualTo(
            "functions[0].hits[0]: expected a whole number from 0 up, got 9223372036854775808");
    assertThat(
            failure(
                edited("\"hits\": [\n        0,", "\"hits\": [\n        -9223372036854775809,")))
        .isEqualTo(
            "functions[0].hits[0]: expected a whole number from 0 up, got -9223372036854775809");
    assertThat(failure(edited("\"cpus\": 4", "\"cpus\": 1e-2147483648")))
        .isEqualTo("runs[0].machine.cpus: expected a whole number from 0 up, got 1e-2147483648");
  }

  @Test
  void linesBeyondTheLargestLineNumberAreAnError() {
    assertThat(failure(edited("\"first_line\": 10,", "\"first_line\": 2147483641,")))
        .isEqualTo(
            "functions[0] (Walk.step): 8 lines from first_line 2147483641 go beyond the largest line number, "
                + "2147483647");
    // the last line may be the largest line number itself
    assertThat(edited("\"first_line\": 10,", "\"first_line\": 2147483640,")).isNotEmpty();
  }

  @Test
  void readsRunIdsColumnSourcesAndCallsAndIgnoresUnknownFields() throws Exception {
    RunInfo run =
        RunInfo.current("hybrid", Map.of())
            .withSources(
                "instrumented copy, 21 invocations", "JFR samples of the original, 10234 samples")
            .withUnreliableLines(List.of("Walk.java:14: within 2 ns of the probe cost"));
    ProfileStats stats = new ProfileStats(List.of(statsB().functions().get(0).withCalls(2)));
    String json =
        JsonReport.write(stats, List.of(run))
            .replace("\"mode\":", "\"from_a_later_lineprof\": {\"x\": [1]},\n      \"mode\":");

    JsonReportReader.Report parsed = JsonReportReader.read(json);

    assertThat(parsed.runs()).containsExactly(run);
    assertThat(parsed.runs().get(0).id()).isNotNull();
    assertThat(parsed.stats().functions().get(0).calls()).hasValue(2);
  }

  @Test
  void readsBytesSamplesAndTheAllocationSource() throws Exception {
    RunInfo run =
        RunInfo.current("original", Map.of())
            .withAllocationSource(
                "JFR allocation samples of the original, 1576 samples over 819 invocations, scaled to 1");
    FunctionStats f = statsB().functions().get(0);
    long[] bytes = new long[f.info().lines().size()];
    long[] samples = new long[bytes.length];
    bytes[3] = 2_017_939;
    samples[3] = 926;
    String json =
        JsonReport.write(
            new ProfileStats(List.of(f.withBytes(bytes).withSamples(samples))), List.of(run));

    JsonReportReader.Report parsed = JsonReportReader.read(json);

    FunctionStats read = parsed.stats().functions().get(0);
    assertThat(read.bytes(f.info().firstLine() + 3)).isEqualTo(2_017_939);
    assertThat(read.samples(f.info().firstLine() + 3)).isEqualTo(926);
    assertThat(parsed.runs()).containsExactly(run);
    assertThat(JsonReport.write(parsed.stats(), parsed.runs())).isEqualTo(json);
    assertThat(failure(json.replaceFirst("\"bytes\": \\[\n        0,", "\"bytes\": [")))
        .isEqualTo("functions[0]: 7 bytes for 8 lines");
  }

  @Test
  void olderReportsWithoutIdsOrSourcesStillRead() throws Exception {
    JsonReportReader.Report parsed =
        JsonReportReader.read(JsonReport.write(statsA(), List.of(run("2026-01-01T00:00:00Z"))));

    RunInfo run = parsed.runs().get(0);
    assertThat(run.id()).isNull();
    assertThat(run.sources()).isEqualTo(RunInfo.Sources.NONE);
    assertThat(parsed.stats().functions().get(0).calls()).isEmpty();
    assertThat(parsed.stats().functions().get(0).hasBytes()).isFalse();
    assertThat(parsed.stats().functions().get(0).hasSamples()).isFalse();
  }

  @Test
  void secretsInJvmOptionsOfAnOlderReportAreDroppedWhenRead() throws Exception {
    String json =
        edited("\"-Xmx512m\"", "\"-XX:OnOutOfMemoryError=curl -H 'Authorization: Bearer x'\"");

    assertThat(JsonReportReader.read(json).runs().get(0).jvm().args())
        .containsExactly("-XX:OnOutOfMemoryError");
  }

  @Test
  void checksFortyThousandFunctionsForRepeatsQuickly() throws Exception {
    List<FunctionStats> functions = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      functions.add(
          new FunctionStats(
              new FunctionInfo(
                  "F" + (i % 100) + ".java", "F.f" + i, 1 + i % 7, List.of("void f() {", "}")),
              new long[] {1, 0},
              new long[] {i, 0}));
    }
    String json = JsonReport.write(new ProfileStats(functions), List.of());
    // this thread's CPU time: on a busy machine the wall clock counted other programs' work (10 s)
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();

    ProfileStats read = JsonReportReader.read(json).stats();

    assertThat(read.functions()).hasSize(40_000);
    assertThat(read.functions().get(39_999).nanos(1 + 39_999 % 7)).isEqualTo(39_999);
    assertThat((threads.getCurrentThreadCpuTime() - start) / 1e9).isLessThan(5.0);
    // F.f39999 is in F99.java at line 2, as F.f99 is
    assertThat(failure(json.replace("\"name\": \"F.f39999\"", "\"name\": \"F.f99\"")))
        .isEqualTo("functions[39999] (F.f99) repeats functions[99]");
  }

  private static ProfileStats withRuns() {
    return new ProfileStats(
        List.of(
            new FunctionStats(
                    STEP,
                    new long[] {0, 0, 1, 11, 10, 0, 1, 0},
                    new long[] {0, 0, 110, 900, 4000, 0, 2, 0})
                .withRunNanos(
                    List.of(
                        new long[] {0, 0, 100, 800, 3000, 0, 1, 0},
                        new long[] {0, 0, 120, 1000, 5000, 0, 2, 0}))));
  }

  @Test
  void separateRunsRoundTrip() throws Exception {
    String json = JsonReport.write(withRuns(), List.of(run("2026-01-01T00:00:00Z")));
    assertThat(json).contains("\"run_nanos\": [\n        [\n          0,");
    FunctionStats read = JsonReportReader.read(json).stats().functions().get(0);
    assertThat(read.runCount()).isEqualTo(2);
    assertThat(read.runNanos(1, 14)).isEqualTo(5000);
    assertThat(
            JsonReport.write(
                JsonReportReader.read(json).stats(), List.of(run("2026-01-01T00:00:00Z"))))
        .isEqualTo(json);
  }

  @Test
  void separateRunsThatDisagreeWithTheirMeanOrLengthAreNamed() {
    String json = JsonReport.write(withRuns(), List.of(run("2026-01-01T00:00:00Z")));
    assertThat(failure(json.replaceFirst("5000", "7000")))
        .isEqualTo(
            "functions[0].run_nanos: the runs' mean of lines[4], 5000, is not its nanos, 4000");
    assertThat(
            failure(
                json.replaceFirst("\"run_nanos\": \\[", "\"run_nanos\": [[0, 0, 0, 0, 0, 0, 0],")))
        .isEqualTo("functions[0].run_nanos[0]: 7 times for 8 lines");
    assertThat(
            failure(
                json.replaceFirst("(?s)\"run_nanos\": \\[.*\\]\\s*\\]", "\"run_nanos\": [[1]]")))
        .isEqualTo("functions[0].run_nanos: 1 runs; expected 2 or more");
  }

  @Test
  void eachRunsSpeedControlRoundTripsAndABadOneIsNamed() throws Exception {
    ProfileStats controlled =
        new ProfileStats(
            List.of(withRuns().functions().get(0).withRunControl(new long[] {251_000, 262_500})));
    String json = JsonReport.write(controlled, List.of(run("2026-01-01T00:00:00Z")));
    assertThat(json).containsMatch("\"run_control_nanos\": \\[\\s*251000,\\s*262500\\s*\\]");
    FunctionStats read = JsonReportReader.read(json).stats().functions().get(0);
    assertThat(read.runControl(1)).isEqualTo(262_500);
    assertThat(
            JsonReport.write(
                JsonReportReader.read(json).stats(), List.of(run("2026-01-01T00:00:00Z"))))
        .isEqualTo(json);

    assertThat(failure(json.replaceFirst("251000,", "")))
        .isEqualTo("functions[0].run_control_nanos: 1 times for 2 runs in run_nanos");
    assertThat(failure(json.replaceFirst("251000", "0")))
        .isEqualTo("functions[0].run_control_nanos[0]: 0 ns; a timed control takes time");
    assertThat(failure(json.replaceFirst("251000", "-4")))
        .startsWith("functions[0].run_control_nanos[0]: ");
  }

  @Test
  void anEndlessInputIsRefusedAtTheLimitInsteadOfExhaustingTheHeap() {
    java.io.Reader endless =
        new java.io.Reader() {
          private int served;

          @Override
          public int read(char[] buffer, int offset, int length) {
            String start = "{\"schema\": \"lineprof-report\", \"x\": \"";
            for (int i = 0; i < length; i++, served++) {
              buffer[offset + i] = served < start.length() ? start.charAt(served) : 'a';
            }
            return length;
          }

          @Override
          public void close() {}
        };

    ReportFormatException e =
        assertThrows(ReportFormatException.class, () -> JsonReportReader.read(endless, 1_000_000));

    assertThat(e.getMessage())
        .startsWith("too large: more than 1000000 characters, as much as this JVM's heap (-Xmx");
    assertThat(e.getMessage()).endsWith("m) can read; run java with a larger -Xmx");
  }

  @Test
  void fieldsMayComeInAnyOrderButNotTwice() throws Exception {
    String json =
        "{\"functions\": [{\"nanos\": [0, 5], \"hits\": [0, 1], \"lines\": [\"void a() {\", \"x();\"],"
            + " \"first_line\": 3, \"name\": \"A.a\", \"file\": \"A.java\"}], \"runs\": [], \"timer_unit\": 1e-9,"
            + " \"format_version\": 1, \"schema\": \"lineprof-report\"}";

    FunctionStats a = JsonReportReader.read(json).stats().functions().get(0);

    assertThat(a.nanos(4)).isEqualTo(5);
    assertThat(failure(json.replace("\"runs\": []", "\"runs\": [], \"runs\": []")))
        .isEqualTo("report: \"runs\" appears twice");
    assertThat(failure(json.replace("\"first_line\": 3", "\"first_line\": 3, \"hits\": [0, 1]")))
        .isEqualTo("functions[0]: \"hits\" appears twice");
    assertThat(failure(json.replace(", \"runs\": []", ""))).isEqualTo("report: missing \"runs\"");
  }

  @Test
  void countsInRangeThatSumBeyondALongAreARangeError() {
    String half = Long.toString(Long.MAX_VALUE / 2 + 1);
    String json =
        "{\"schema\": \"lineprof-report\", \"format_version\": 1, \"timer_unit\": 1e-9, \"runs\": [],"
            + " \"functions\": [{\"file\": \"A.java\", \"name\": \"A.a\", \"first_line\": 1,"
            + " \"lines\": [\"void a() {\", \"x();\", \"y();\"], \"hits\": [0, 1, 1], \"nanos\": [0, N, N]}]}";

    assertThat(failure(json.replace("N", half)))
        .isEqualTo(
            "functions[0]: A.a: the nanos of its lines sum beyond the largest count, "
                + Long.MAX_VALUE);
    assertThat(
            failure(
                json.replace("N", "0")
                    .replace("\"hits\": [0, 1, 1]", "\"hits\": [0, " + half + ", " + half + "]")))
        .isEqualTo(
            "functions[0]: A.a: the hits of its lines sum beyond the largest count, "
                + Long.MAX_VALUE);
  }

  @Test
  void everyFieldOfTheSchemaRoundTripsByteForByte() throws Exception {
    FunctionInfo nested =
        new FunctionInfo(
            STEP.file(),
            STEP.name(),
            STEP.firstLine(),
            STEP.lines(),
            List.of(0, 0, 0, 0, 1, 1, 0, 0));
    long[] buckets = new long[STEP.lines().size() * Spread.BUCKETS];
    buckets[3 * Spread.BUCKETS + Spread.bucket(2_000)] = 11;
    long[] bytes = {0, 0, 16, 0, 4096, 0, 0, 0};
    long[] samples = {0, 0, 1, 30, 60, 0, 2, 0};
    FunctionStats everything =
        new FunctionStats(
                nested,
                new long[] {0, 0, 1, 11, 10, 0, 1, 0},
                new long[] {0, 0, 110, 900, 4000, 0, 2, 0})
            .withRunNanos(
                List.of(
                    new long[] {0, 0, 100, 800, 3000, 0, 1, 0},
                    new long[] {0, 0, 120, 1000, 5000, 0, 2, 0}))
            .withBytes(bytes)
            .withSamples(samples)
            .withSpread(buckets)
            .withCalls(3);
    RunInfo run =
        RunInfo.current("hybrid", Map.of("warmup", "2"))
            .withSources("instrumented copy", "JFR samples of the original")
            .withAllocationSource("JFR allocation samples")
            .withUnreliableLines(List.of("Walk.java:14: within 2 ns of the probe cost"))
            .withProbeNanos(2.5);
    String json =
        JsonReport.write(
            new ProfileStats(List.of(everything, statsA().functions().get(1))),
            List.of(run, run("2026-01-01T00:00:00Z")));

    JsonReportReader.Report read = JsonReportReader.read(json);

    assertThat(JsonReport.write(read.stats(), read.runs())).isEqualTo(json);
    assertThat(read.runs()).containsExactly(run, run("2026-01-01T00:00:00Z")).inOrder();
  }

  @Test
  void whatStrictJsonForbidsIsNotJson() {
    String valid = "{\"schema\": \"lineprof-report\", \"x\": 1}";
    assertThat(failure(valid.replace("\"x\": 1", "\"x\": [1, ]")))
        .startsWith("not JSON: malformed JSON at line 1");
    assertThat(failure(valid.replace("\"x\": 1", "\"x\": 1, ")))
        .startsWith("not JSON: malformed JSON at line 1");
    assertThat(failure(valid.replace("\"x\": 1", "\"x\": 01")))
        .startsWith("not JSON: malformed JSON at line 1");
    assertThat(failure(valid.replace("\"x\": 1", "\"x\": NaN")))
        .startsWith("not JSON: malformed JSON at line 1");
    assertThat(failure(valid.replace("\"x\": 1", "\"x\": 'a'")))
        .startsWith("not JSON: malformed JSON at line 1");
    assertThat(failure(valid.replace("\"x\": 1", "\"x\": 1 // c")))
        .startsWith("not JSON: malformed JSON at line 1");
    assertThat(failure(valid.replace("\"x\": 1", "\"x\": tru")))
        .startsWith("not JSON: malformed JSON at line 1");
    assertThat(failure(valid.replace("\"x\": 1", "\"x\": \"\\x\"")))
        .startsWith("not JSON: Invalid escape sequence");
    assertThat(failure("{\n\n  \"schema\" 1}"))
        .isEqualTo("not JSON: malformed JSON at line 3 column 13");
  }

  @Test
  void unescapedControlCharactersInAStringAreNotJson() {
    assertThat(failure("{\"schema\": \"lineprof\u0007-report\"}"))
        .isEqualTo(
            "not JSON: Unescaped control characters (\\u0000-\\u001F) are not allowed at line 1 column 22");
    assertThat(failure("{\"schema\": \"line\nprof\"}"))
        .isEqualTo(
            "not JSON: Unescaped control characters (\\u0000-\\u001F) are not allowed at line 2 column 1");
    // escaped, they are text like any other
    assertThat(failure("{\"schema\": \"a\\u0007\\n\"}"))
        .isEqualTo("not a lineprof report: \"schema\" is \"a\\u0007\\n\", not \"lineprof-report\"");
  }

  @Test
  void deepNestingIsAOneLineErrorNotAStackOverflow() {
    String deep =
        "{\"schema\": \"lineprof-report\", \"x\": "
            + "[".repeat(100_000)
            + "]".repeat(100_000)
            + "}";
    assertThat(failure(deep)).isEqualTo("not JSON: Nesting limit 255 reached at line 1 column 291");
    String deepRun =
        "{\"schema\": \"lineprof-report\", \"runs\": ["
            + "{\"a\": ".repeat(300)
            + "1"
            + "}".repeat(300)
            + "]}";
    assertThat(failure(deepRun)).startsWith("not JSON: Nesting limit 255 reached at line 1");
    String fine =
        "{\"schema\": \"lineprof-report\", \"x\": " + "[".repeat(250) + "]".repeat(250) + "}";
    assertThat(failure(fine)).isEqualTo("report: missing \"format_version\"");
  }
}
