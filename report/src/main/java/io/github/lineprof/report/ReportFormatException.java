package io.github.lineprof.report;

import java.io.IOException;

/**
 * A report file that lineprof cannot read: not JSON, not a lineprof report, a version it does not
 * know, or inconsistent data. An {@link IOException}, as a corrupt file is one more way reading can
 * fail (like {@link java.util.zip.ZipException}); the message is one line saying what is wrong.
 */
public final class ReportFormatException extends IOException {
  ReportFormatException(String message) {
    super(message);
  }
}
