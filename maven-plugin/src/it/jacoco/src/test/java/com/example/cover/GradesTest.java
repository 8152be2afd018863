package com.example.cover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.lineprof.LineProfile;
import org.junit.jupiter.api.Test;

class GradesTest {
  @Test
  void gradesAHighAndAMiddleScore() {
    assertEquals("A", Grades.grade(95));
    assertEquals("B", Grades.grade(60));
    assertEquals(2, twice(1));
  }

  // not profiled: only main sources are, and the build says so
  @LineProfile
  static int twice(int n) {
    return 2 * n;
  }
}
