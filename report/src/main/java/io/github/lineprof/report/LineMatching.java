package io.github.lineprof.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which lines of two texts are the same line: a shortest edit script by Myers' O((N+M)D) algorithm
 * ("An O(ND) Difference Algorithm and Its Variations", 1986), as runs of equal lines and of changed
 * ones (deleted lines first, then inserted ones).
 */
final class LineMatching {
  /**
   * Lines {@code before[from, from + deleted)} became {@code after[to, to + inserted)}; equal when
   * {@code same} (then {@code deleted == inserted}).
   */
  record Run(boolean same, int from, int deleted, int to, int inserted) {}

  private LineMatching() {}

  static List<Run> runs(List<String> before, List<String> after) {
    int n = before.size();
    int m = after.size();
    int max = n + m;
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    found:
    for (int d = 0; d <= max; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x =
            k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                ? v[offset + k + 1] // down: a line inserted
                : v[offset + k - 1] + 1; // right: a line deleted
        int y = x - k;
        while (x < n && y < m && before.get(x).equals(after.get(y))) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          break found;
        }
      }
    }
    // walk back from the end through the saved frontiers, collecting equal lines and edits
    List<int[]> steps = new ArrayList<>(); // {x, y, kind}: 0 same, 1 deleted, 2 inserted
    int x = n;
    int y = m;
    for (int d = trace.size() - 1; d >= 0 && (x > 0 || y > 0); d--) {
      int[] previous = trace.get(d);
      int k = x - y;
      int prevK =
          d == 0
              ? 0
              : k == -d || (k != d && previous[offset + k - 1] < previous[offset + k + 1])
                  ? k + 1
                  : k - 1;
      int prevX = d == 0 ? 0 : previous[offset + prevK];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY && x > 0 && y > 0) {
        steps.add(new int[] {--x, --y, 0});
      }
      if (d > 0) {
        steps.add(prevK == k + 1 ? new int[] {x, --y, 2} : new int[] {--x, y, 1});
        x = prevX;
        y = prevY;
      }
    }
    Collections.reverse(steps);
    return group(steps);
  }

  private static List<Run> group(List<int[]> steps) {
    List<Run> runs = new ArrayList<>();
    int i = 0;
    while (i < steps.size()) {
      int[] first = steps.get(i);
      if (first[2] == 0) {
        int j = i;
        while (j < steps.size() && steps.get(j)[2] == 0) {
          j++;
        }
        runs.add(new Run(true, first[0], j - i, first[1], j - i));
        i = j;
        continue;
      }
      int from = first[0];
      int to = first[1];
      int deleted = 0;
      int inserted = 0;
      while (i < steps.size() && steps.get(i)[2] != 0) {
        if (steps.get(i)[2] == 1) {
          deleted++;
        } else {
          inserted++;
        }
        i++;
      }
      runs.add(new Run(false, from, deleted, to, inserted));
    }
    return runs;
  }
}
