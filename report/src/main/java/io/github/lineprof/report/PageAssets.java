package io.github.lineprof.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The HTML pages' CSS and JavaScript, read once from this package's resources to be inlined: a page
 * stays one self-contained file. Both pages start from one palette of colours.
 */
final class PageAssets {
  static final String REPORT_STYLE = read("palette.css") + read("report.css");
  static final String REPORT_SCRIPT = read("report.js");
  static final String DIFF_STYLE = read("palette.css") + read("diff.css");

  private PageAssets() {}

  private static String read(String name) {
    try (InputStream in = PageAssets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("lineprof's jar lacks its resource " + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
