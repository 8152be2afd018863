package io.github.lineprof.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.github.lineprof.processor.Instrumented.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Calibration measures the probes' cost on loops written as instrumented copies: they must be
 * exactly what this processor writes, or the cost it subtracts is that of other code.
 */
class CalibrationLoopsTest {
  private static final Path CALIBRATION =
      Path.of(
          "..",
          "runtime",
          "src",
          "main",
          "java",
          "io",
          "github",
          "lineprof",
          "probe",
          "Calibration.java");
  private static final String FIRST =
      "    // CalibrationLoopsTest reads the three methods below.\n";
  private static final String LAST = "    // End of the methods CalibrationLoopsTest reads.\n";

  /** The methods Calibration's loops are copies of, indented as there; the constants they use. */
  private static final Source ORIGINALS =
      new Source(
          "calibration.Calibration",
          """
      package calibration;

      import io.github.lineprof.LineProfile;

      class Calibration {
        static final class Loops {
          @LineProfile static long emptyLines(int n) {
            long x = 0;
            for (int i = 0; i < n; i++) {
              x += i;
            }
            return x;
          }

          @LineProfile static long calls(int n) {
            long x = 0;
            for (int i = 0; i < n; i++) {
              x += empty(i);
            }
            return x;
          }

          @LineProfile static int empty(int i) {
            return i;
          }
        }
      }
      """);

  private static final List<String> METHODS = List.of("emptyLines", "calls", "empty");
  private static final List<String> CONSTANTS = List.of("EMPTY_LINES", "CALLS", "EMPTY");

  @Test
  void calibrationLoopsAreWhatTheProcessorWritesForTheSameMethods() throws Exception {
    String calibration = Files.readString(CALIBRATION, StandardCharsets.UTF_8);
    String handWritten =
        calibration.substring(
            calibration.indexOf(FIRST) + FIRST.length(), calibration.indexOf(LAST));

    Compilation compilation = Instrumented.compile(ORIGINALS);
    assertThat(compilation).succeeded();
    String copy = Instrumented.withoutExplanation(Instrumented.copyOf(compilation, ORIGINALS));

    assertThat(handWritten).isEqualTo(normalized(copy));
  }

  /**
   * The copy's methods as Calibration writes them: its probe constants by name, each method's lines
   * counted from 1 (Calibration's probes start at line 1), without the annotation.
   */
  private static String normalized(String copy) {
    String[] lines = copy.split("\n", -1);
    List<String> out = new ArrayList<>();
    int method = -1;
    int first = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (method + 1 < METHODS.size() && line.contains(" " + METHODS.get(method + 1) + "(int ")) {
        method++;
        first = i + 1;
      }
      if (method < 0 || line.equals("  }") || line.equals("}")) {
        continue; // before the first method, or the classes' closing braces
      }
      int shift = first - 1;
      Matcher event = Pattern.compile("\\$lp\\$l = (\\d+),").matcher(line);
      line = event.replaceAll(m -> "\\$lp\\$l = " + (Integer.parseInt(m.group(1)) - shift) + ",");
      for (int k = 0; k < CONSTANTS.size(); k++) {
        line =
            line.replace("LineProf_Calibration.Loops.F" + k, CONSTANTS.get(k))
                .replace("LineProf_Calibration.F" + k, CONSTANTS.get(k));
      }
      out.add(line.replace("@LineProfile static", "static"));
    }
    return String.join("\n", out).replaceFirst("^\n+", "").stripTrailing() + "\n";
  }
}
