package io.github.lineprof.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text made safe for a GitHub-flavoured Markdown table cell or line: names, paths and source come
 * from the profiled code, and a crafted function name must not add a heading, a link or HTML. Line
 * breaks become spaces; other control characters and bidi overrides become visible escapes, as in
 * the text and HTML reports ({@link VisibleSource}).
 */
final class Markdown {
  private static final Pattern BACKTICKS = Pattern.compile("`+");

  /** Every line terminator Java or Unicode knows: any of them would end a table row. */
  private static final Pattern LINE_BREAK =
      Pattern.compile("\\r\\n|[\\n\\r\\x0B\\f\\u0085\\u2028\\u2029]");

  /**
   * What can start emphasis, code, a link, an image, HTML, an entity, a heading or a table cell.
   */
  private static final String SPECIAL = "\\`*_[]()<>#|~!&";

  private Markdown() {}

  /**
   * Plain text: each character that could start Markdown syntax backslash-escaped (CommonMark reads
   * a backslash before any ASCII punctuation as the character itself), and line breaks made spaces,
   * so the text stays on its line.
   */
  static String text(String text) {
    String oneLine = oneLine(text);
    StringBuilder out = new StringBuilder(oneLine.length());
    for (int i = 0; i < oneLine.length(); i++) {
      char c = oneLine.charAt(i);
      if (isSpecial(c)) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * A code span, shown as written: backslashes do not escape inside one, so a span holding
   * backticks is fenced with one more backtick than its longest run (padded with spaces, which
   * Markdown strips). A pipe would end the table cell even inside a span; GFM reads {@code \|}
   * there as a pipe. Line breaks become spaces.
   */
  static String code(String text) {
    String oneLine = oneLine(text);
    int longest = 0;
    Matcher run = BACKTICKS.matcher(oneLine);
    while (run.find()) {
      longest = Math.max(longest, run.group().length());
    }
    String fence = "`".repeat(longest + 1);
    String pad = longest > 0 ? " " : "";
    return fence + pad + oneLine.replace("|", "\\|") + pad + fence;
  }

  private static String oneLine(String text) {
    return VisibleSource.of(LINE_BREAK.matcher(text).replaceAll(" "));
  }

  private static boolean isSpecial(char c) {
    return SPECIAL.indexOf(c) >= 0;
  }
}
