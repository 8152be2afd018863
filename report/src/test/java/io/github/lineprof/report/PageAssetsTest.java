package io.github.lineprof.report;

import static com.google.common.truth.Truth.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PageAssetsTest {
  /** A colour literal: hex, rgb() or hsl() with numbers. */
  private static final Pattern COLOUR =
      Pattern.compile("#[0-9a-fA-F]{3,8}\\b|\\b(rgb|hsl)a?\\(\\s*[0-9]");

  @Test
  void bothPagesStartFromOnePalette() {
    String palette = PageAssets.DIFF_STYLE.substring(0, PageAssets.DIFF_STYLE.indexOf("}") + 1);
    assertThat(palette).contains("--hot:");
    assertThat(PageAssets.REPORT_STYLE).startsWith(palette);
  }

  @Test
  void noColourIsDefinedOutsideThePalette() {
    String palette = PageAssets.DIFF_STYLE.substring(0, PageAssets.DIFF_STYLE.indexOf("}") + 1);
    assertThat(COLOUR.matcher(palette).find()).isTrue();
    for (String style : new String[] {PageAssets.REPORT_STYLE, PageAssets.DIFF_STYLE}) {
      String rest = style.substring(palette.length());
      assertThat(rest).contains("var(--");
      assertThat(COLOUR.matcher(rest).find()).isFalse();
    }
  }
}
