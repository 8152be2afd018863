package io.github.lineprof.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes an HTML page element by element. Every text and attribute value goes through {@link
 * #escape} here, so a name, path or source line from the profiled code can only ever be text: no
 * caller writes markup by hand. Tag and attribute names are the callers' constants, checked to be
 * plain names. Closing tags come from the stack of open elements, so they always match.
 *
 * <p>A start tag stays open for {@link #attr} until the next content is written, e.g. {@code
 * start("td").attr("class", "num").text(hits).end()} writes {@code <td class="num">42</td>}.
 */
final class HtmlWriter {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  /** The elements lineprof's pages use that have no content and no end tag. */
  private static final Set<String> VOID = Set.of("meta", "input");

  private final StringBuilder out = new StringBuilder();
  private final Deque<String> open = new ArrayDeque<>();
  private boolean inStartTag;

  /** {@code <!DOCTYPE html>} and a line break: the first thing on a page. */
  HtmlWriter doctype() {
    if (out.length() > 0) {
      throw new IllegalStateException("the doctype starts the page");
    }
    out.append("<!DOCTYPE html>\n");
    return this;
  }

  /** Opens an element; its attributes follow with {@link #attr}. */
  HtmlWriter start(String tag) {
    finishStartTag();
    out.append('<').append(name(tag));
    inStartTag = true;
    if (!VOID.contains(tag)) {
      open.push(tag);
    }
    return this;
  }

  /** An attribute of the element just started, its value escaped and quoted. */
  HtmlWriter attr(String name, Object value) {
    requireStartTag(name);
    out.append(' ').append(name(name)).append("=\"").append(escape(String.valueOf(value)));
    out.append('"');
    return this;
  }

  /** A boolean attribute such as {@code open}, present without a value. */
  HtmlWriter attr(String name) {
    requireStartTag(name);
    out.append(' ').append(name(name));
    return this;
  }

  /** Escaped text. */
  HtmlWriter text(Object text) {
    finishStartTag();
    out.append(escape(String.valueOf(text)));
    return this;
  }

  /** Closes the innermost open element. */
  HtmlWriter end() {
    finishStartTag();
    if (open.isEmpty()) {
      throw new IllegalStateException("no element to close");
    }
    out.append("</").append(open.pop()).append('>');
    return this;
  }

  /** An element holding only text: {@code element("th", "Line")} is {@code <th>Line</th>}. */
  HtmlWriter element(String tag, Object text) {
    return start(tag).text(text).end();
  }

  /** A line break between elements, to keep the page readable as source. */
  HtmlWriter newline() {
    finishStartTag();
    out.append('\n');
    return this;
  }

  /**
   * A {@code style} or {@code script} element holding the page's own CSS or JavaScript, written as
   * is: their content is not HTML text, so it must not be escaped, and it comes from lineprof's
   * resources, never from a report. It must not end its element early.
   */
  HtmlWriter rawElement(String tag, String content) {
    if (!tag.equals("style") && !tag.equals("script")) {
      throw new IllegalArgumentException("only style and script hold raw text: " + tag);
    }
    if (content.toLowerCase(Locale.ROOT).contains("</" + tag)) {
      throw new IllegalArgumentException("the " + tag + " would end early");
    }
    start(tag).newline();
    out.append(content);
    return end();
  }

  /** The page; every element must be closed. */
  String finish() {
    finishStartTag();
    if (!open.isEmpty()) {
      throw new IllegalStateException("elements left open: " + open);
    }
    return out.toString();
  }

  /**
   * Text for an element's content or a quoted attribute value: the five characters with a meaning
   * in HTML as character references, and control characters (but tab) and bidi overrides as visible
   * escapes ({@link VisibleSource}), so a crafted name cannot reorder the text around it.
   */
  static String escape(String text) {
    String visible = VisibleSource.of(text);
    StringBuilder escaped = new StringBuilder(visible.length());
    for (int i = 0; i < visible.length(); i++) {
      char c = visible.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private void requireStartTag(String attribute) {
    if (!inStartTag) {
      throw new IllegalStateException("attribute " + attribute + " after the start tag");
    }
  }

  private void finishStartTag() {
    if (inStartTag) {
      out.append('>');
      inStartTag = false;
    }
  }

  private static String name(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a tag or attribute name: " + name);
    }
    return name;
  }
}
