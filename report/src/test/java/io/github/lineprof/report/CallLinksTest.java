package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.report.CallLinks.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallLinksTest {
  private final CallLinks links = new CallLinks(List.of("Simulation.step", "Simulation.simulate"));

  @Test
  void aCallOfAnotherProfiledMethodIsASpanOfItsOwn() {
    assertThat(links.spans("  int[][] s = step(iterations, n);", 1))
        .containsExactly(
            new Span("  int[][] s = ", -1), new Span("step", 0), new Span("(iterations, n);", -1))
        .inOrder();
  }

  @Test
  void aLineWithoutSuchCallsIsOneSpan() {
    assertThat(links.spans("y[i] = histogram(x[i], bins); stepper(1); my_step(2);", 1))
        .containsExactly(new Span("y[i] = histogram(x[i], bins); stepper(1); my_step(2);", -1));
    assertThat(links.spans("", 1)).containsExactly(new Span("", -1));
  }

  @Test
  void aFunctionNeverLinksToItself() {
    assertThat(links.spans("public static int[][] step(int rows, int cols) {", 0))
        .containsExactly(new Span("public static int[][] step(int rows, int cols) {", -1));
  }

  @Test
  void aNameOfSeveralMethodsLinksOnlyWithinTheCallersClassOrNowhere() {
    CallLinks ab = new CallLinks(List.of("A.run", "A.go", "B.go", "C.run"));
    assertThat(ab.spans("go(); b.go();", 0))
        .containsExactly(
            new Span("go", 1), new Span("(); b.", -1), new Span("go", 1), new Span("();", -1))
        .inOrder();
    assertThat(ab.spans("go();", 3)).containsExactly(new Span("go();", -1));
  }
}
