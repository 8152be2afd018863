import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The peer-suite check's verdict (run by peer-suite/run as a single-file program, JDK only): compares the
 * surefire XML reports of the plain run and the agent run, test by test, and the two runs' times; prints the
 * figures, how many functions got hits in lineprof's report and the heap the GC logs show; exits 1 on any
 * difference or when the agent run took more than the allowed ratio of the plain run's time.
 *
 * <pre>java peer-suite/Compare.java PLAIN_REPORTS AGENT_REPORTS REPORT_JSON PLAIN_SECONDS AGENT_SECONDS
 *     GC_PLAIN GC_AGENT MAX_RATIO INSTRUMENTED_LISTS PLAIN_CPU AGENT_CPU</pre>
 * INSTRUMENTED_LISTS is the folder of the processor's lists of instrumented methods,
 * {@code META-INF/lineprof/instrumented/}, one method a line. The times are seconds: each Maven run's
 * wall-clock time (what the limit applies to) and its CPU time, user and system, the test JVM's included.
 */
public class Compare {
  /** One run's results: per test class its counts, per test case (class#name, in order) its outcomes. */
  record Run(Map<String, int[]> classes, Map<String, List<String>> cases, double testSeconds) {
    int total(int i) {
      return classes.values().stream().mapToInt(c -> c[i]).sum();
    }
  }

  static final String[] COUNTS = {"tests", "failures", "errors", "skipped"};

  public static void main(String[] args) throws Exception {
    if (args.length != 11) {
      System.err.println("usage: Compare PLAIN_REPORTS AGENT_REPORTS REPORT_JSON PLAIN_SECONDS AGENT_SECONDS GC_PLAIN GC_AGENT MAX_RATIO INSTRUMENTED_LISTS PLAIN_CPU AGENT_CPU");
      System.exit(2);
    }
    Run plain = read(Path.of(args[0]));
    Run agent = read(Path.of(args[1]));
    double plainSeconds = Double.parseDouble(args[3]);
    double agentSeconds = Double.parseDouble(args[4]);
    double maxRatio = Double.parseDouble(args[7]);
    List<String> problems = new ArrayList<>();

    System.out.println();
    System.out.println("peer-suite: the library's test suite without and with lineprof's agent");
    System.out.printf(Locale.ROOT, "  %-22s %12s %12s%n", "", "plain", "agent");
    row("test classes", plain.classes.size(), agent.classes.size());
    row("tests run", plain.total(0), agent.total(0));
    row("passed", passed(plain), passed(agent));
    row("failed", plain.total(1), agent.total(1));
    row("errors", plain.total(2), agent.total(2));
    row("skipped", plain.total(3), agent.total(3));
    double wallRatio = agentSeconds / plainSeconds;
    double testRatio = agent.testSeconds / plain.testSeconds;
    System.out.printf(Locale.ROOT, "  %-22s %11.1fs %11.1fs   ratio %.2f (limit %.2f)%n", "time, surefire run",
        plainSeconds, agentSeconds, wallRatio, maxRatio);
    double plainCpu = Double.parseDouble(args[9]);
    double agentCpu = Double.parseDouble(args[10]);
    System.out.printf(Locale.ROOT, "  %-22s %11.1fs %11.1fs   ratio %.2f%n", "CPU time, surefire run",
        plainCpu, agentCpu, agentCpu / plainCpu);
    System.out.printf(Locale.ROOT, "  %-22s %11.1fs %11.1fs   ratio %.2f%n", "time, sum of classes",
        plain.testSeconds, agent.testSeconds, testRatio);
    String[] heapPlain = heap(Path.of(args[5]));
    String[] heapAgent = heap(Path.of(args[6]));
    System.out.printf(Locale.ROOT, "  %-22s %12s %12s%n", "heap max (-Xmx)", heapPlain[0], heapAgent[0]);
    System.out.printf(Locale.ROOT, "  %-22s %12s %12s%n", "heap peak before GC", heapPlain[1], heapAgent[1]);
    System.out.printf(Locale.ROOT, "  %-22s %12s %12s%n", "heap peak after GC", heapPlain[2], heapAgent[2]);
    System.out.printf(Locale.ROOT, "  %-22s %12s %12s%n", "GC pauses", heapPlain[3], heapAgent[3]);

    // the same tests, the same outcome each
    if (plain.classes.isEmpty()) {
      problems.add("the plain run has no test report in " + args[0]);
    }
    for (String c : union(plain.classes.keySet(), agent.classes.keySet())) {
      int[] p = plain.classes.get(c);
      int[] a = agent.classes.get(c);
      if (p == null || a == null) {
        problems.add(c + ": only in the " + (p == null ? "agent" : "plain") + " run");
        continue;
      }
      for (int i = 0; i < COUNTS.length; i++) {
        if (p[i] != a[i]) {
          problems.add(c + ": " + COUNTS[i] + " " + p[i] + " plain, " + a[i] + " agent");
        }
      }
    }
    for (String t : union(plain.cases.keySet(), agent.cases.keySet())) {
      List<String> p = plain.cases.getOrDefault(t, List.of());
      List<String> a = agent.cases.getOrDefault(t, List.of());
      if (!p.equals(a)) {
        problems.add(t + ": " + p + " plain, " + a + " agent");
      }
    }
    List<String> notPassed = plain.cases.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(o -> !o.equals("passed")))
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.toList());
    if (!notPassed.isEmpty()) {
      System.out.println("  not passed without lineprof (a difference with the agent would be listed below):");
      notPassed.forEach(t -> System.out.println("    " + t));
    }
    if (wallRatio > maxRatio) {
      problems.add(String.format(Locale.ROOT, "the agent run took %.1f s, %.2fx the plain run's %.1f s: more than %.2fx",
          agentSeconds, wallRatio, plainSeconds, maxRatio));
    }

    // what lineprof saw
    Path report = Path.of(args[2]);
    if (!Files.isRegularFile(report)) {
      problems.add("the agent wrote no report: " + report + " is missing");
    } else {
      String json = Files.readString(report);
      // "hits" arrays hold integers only; a source line's "hits" is escaped (\"hits\") and never matches
      Matcher m = Pattern.compile("\"hits\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
      int functions = 0;
      int hitFunctions = 0;
      long hits = 0;
      while (m.find()) {
        functions++;
        long sum = 0;
        for (String n : m.group(1).split(",")) {
          if (!n.isBlank()) {
            sum += Long.parseLong(n.strip());
          }
        }
        hits += sum;
        hitFunctions += sum > 0 ? 1 : 0;
      }
      Matcher mode = Pattern.compile("\"mode\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
      long instrumented = 0;
      Path lists = Path.of(args[8]);
      if (Files.isDirectory(lists)) {
        try (Stream<Path> walk = Files.walk(lists)) {
          for (Path f : walk.filter(f -> f.toString().endsWith(".txt")).collect(Collectors.toList())) {
            instrumented += Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count();
          }
        }
      }
      System.out.printf(Locale.ROOT, "  lineprof: %d methods instrumented; %d in the report (those of the classes loaded), %d with hits;"
          + " %,d line hits in all, %s mode%n  report: %s (%,d bytes)%n",
          instrumented, functions, hitFunctions, hits, mode.find() ? mode.group(1) : "unknown", report, Files.size(report));
      if (hitFunctions == 0) {
        problems.add("lineprof's report has no function with hits: the instrumented copies never ran");
      }
    }

    System.out.println();
    if (problems.isEmpty()) {
      System.out.printf(Locale.ROOT, "peer-suite PASSED: the same %d tests passed, failed, errored and skipped with and without the agent, in %.2fx the time%n",
          plain.total(0), wallRatio);
    } else {
      System.out.println("peer-suite FAILED: " + problems.size() + " difference(s):");
      problems.stream().limit(50).forEach(p -> System.out.println("  " + p));
      if (problems.size() > 50) {
        System.out.println("  ... and " + (problems.size() - 50) + " more");
      }
      agent.cases.forEach((t, o) -> {
        if (!o.equals(plain.cases.get(t))) {
          System.out.println("  see " + args[1] + " for " + t.substring(0, t.indexOf('#')) + "'s stack traces");
        }
      });
      System.exit(1);
    }
  }

  static int passed(Run r) {
    return (int) r.cases.values().stream().flatMap(List::stream).filter("passed"::equals).count();
  }

  static void row(String name, int plain, int agent) {
    System.out.printf(Locale.ROOT, "  %-22s %12d %12d%s%n", name, plain, agent, plain == agent ? "" : "   DIFFERENT");
  }

  static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return new ArrayList<>(all);
  }

  /** surefire's TEST-*.xml files of one run. */
  static Run read(Path dir) throws Exception {
    Map<String, int[]> classes = new TreeMap<>();
    Map<String, List<String>> cases = new TreeMap<>();
    double seconds = 0;
    if (!Files.isDirectory(dir)) {
      return new Run(classes, cases, 0);
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().collect(Collectors.toList());
    }
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    for (Path file : files) {
      Document doc = factory.newDocumentBuilder().parse(file.toFile());
      Element suite = doc.getDocumentElement();
      int[] counts = new int[COUNTS.length];
      for (int i = 0; i < COUNTS.length; i++) {
        counts[i] = Integer.parseInt(suite.getAttribute(COUNTS[i]).isEmpty() ? "0" : suite.getAttribute(COUNTS[i]));
      }
      classes.put(suite.getAttribute("name"), counts);
      seconds += number(suite.getAttribute("time"));
      NodeList list = suite.getElementsByTagName("testcase");
      for (int i = 0; i < list.getLength(); i++) {
        Element c = (Element) list.item(i);
        String outcome = "passed";
        if (c.getElementsByTagName("failure").getLength() > 0) {
          outcome = "failed";
        } else if (c.getElementsByTagName("error").getLength() > 0) {
          outcome = "error";
        } else if (c.getElementsByTagName("skipped").getLength() > 0) {
          outcome = "skipped";
        }
        cases.computeIfAbsent(c.getAttribute("classname") + "#" + c.getAttribute("name"), k -> new ArrayList<>()).add(outcome);
      }
    }
    cases.values().forEach(l -> l.sort(null));
    return new Run(classes, cases, seconds);
  }

  static double number(String s) {
    try {
      return s.isEmpty() ? 0 : Double.parseDouble(s.replace(",", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** From a -Xlog:gc,gc+init log: max heap, peak before and after a collection, pauses. */
  static String[] heap(Path log) throws IOException {
    if (!Files.isRegularFile(log)) {
      return new String[] {"?", "?", "?", "?"};
    }
    String max = "?";
    long before = 0;
    long after = 0;
    int pauses = 0;
    Pattern gc = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    for (String line : Files.readAllLines(log)) {
      int i = line.indexOf("Heap Max Capacity: ");
      if (i >= 0) {
        max = line.substring(i + "Heap Max Capacity: ".length()).strip();
      }
      Matcher m = gc.matcher(line);
      if (m.find() && line.contains("Pause")) {
        pauses++;
        before = Math.max(before, Long.parseLong(m.group(1)));
        after = Math.max(after, Long.parseLong(m.group(2)));
      }
    }
    return new String[] {max, before + "M", after + "M", String.valueOf(pauses)};
  }
}
