package io.github.lineprof.report;

/**
 * A source line as the reports show it: control characters (but tab) and the bidi overrides and
 * isolates become visible escapes (a backslash, 'u' and four hex digits, as in Java source), so a
 * line cannot recolour or clear a terminal, ring its bell, return its cursor or reorder what is
 * shown around it.
 */
final class VisibleSource {
  private VisibleSource() {}

  static String of(String line) {
    StringBuilder out = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (hidden(c)) {
        if (out == null) {
          out = new StringBuilder(line.length() + 16).append(line, 0, i);
        }
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? line : out.toString();
  }

  private static boolean hidden(char c) {
    return (Character.isISOControl(c) && c != '\t')
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
