package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HtmlWriterTest {
  @Test
  void writesElementsAttributesAndTextClosingInOrder() {
    String html =
        new HtmlWriter()
            .start("div")
            .attr("class", "a b")
            .attr("open")
            .start("span")
            .text("x")
            .end()
            .start("input")
            .attr("type", "checkbox")
            .element("p", "y")
            .end()
            .newline()
            .finish();

    assertThat(html)
        .isEqualTo(
            "<div class=\"a b\" open><span>x</span><input type=\"checkbox\"><p>y</p></div>\n");
  }

  @Test
  void escapesEveryTextAndAttributeValue() {
    String hostile = "<script>\"it's\" & </script>";
    String html = new HtmlWriter().start("td").attr("title", hostile).text(hostile).end().finish();

    String escaped = "&lt;script&gt;&quot;it&#39;s&quot; &amp; &lt;/script&gt;";
    assertThat(html).isEqualTo("<td title=\"" + escaped + "\">" + escaped + "</td>");
  }

  @Test
  void showsControlCharactersAndBidiOverridesAsEscapesButKeepsTabs() {
    assertThat(HtmlWriter.escape("\ta\u001b[0m\u0007\r\n\u202eb\u2066"))
        .isEqualTo("\ta\\u001b[0m\\u0007\\u000d\\u000a\\u202eb\\u2066");
  }

  @Test
  void writesTheStyleAndScriptAsTheyAreButNeverOneThatEndsEarly() {
    assertThat(new HtmlWriter().rawElement("style", "a > b { }\n").finish())
        .isEqualTo("<style>\na > b { }\n</style>");
    assertThrows(
        IllegalArgumentException.class,
        () -> new HtmlWriter().rawElement("script", "x = '</SCRIPT><b>';"));
    assertThrows(IllegalArgumentException.class, () -> new HtmlWriter().rawElement("td", "x"));
  }

  @Test
  void refusesMarkupItCannotVouchFor() {
    assertThrows(IllegalArgumentException.class, () -> new HtmlWriter().start("td onclick=x"));
    assertThrows(
        IllegalArgumentException.class, () -> new HtmlWriter().start("td").attr("a\"b", "x"));
    assertThrows(
        IllegalStateException.class, () -> new HtmlWriter().start("td").text("x").attr("a", "b"));
    assertThrows(IllegalStateException.class, () -> new HtmlWriter().start("td").finish());
    assertThrows(IllegalStateException.class, () -> new HtmlWriter().end());
    assertThrows(IllegalStateException.class, () -> new HtmlWriter().text("x").doctype());
  }
}
