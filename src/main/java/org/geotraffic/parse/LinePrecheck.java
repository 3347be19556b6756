package org.geotraffic.parse;

/**
 * The checks every parser runs before it looks at a line's shape: too long, blank, binary.
 *
 * <p>The length check comes first and costs O(1), so a 1 MB line is rejected without being
 * scanned. Binary means a C0 control character other than tab, DEL, a C1 control character, or
 * U+FFFD (what Hadoop's UTF-8 decoder leaves for invalid bytes): real access logs escape all of
 * these ({@code \xhh}), so their presence means a corrupt or non-log file. Stateless.
 */
final class LinePrecheck {
  private LinePrecheck() {}

  /** A reject or filter result, or null when the line should be parsed. */
  static ParseResult check(String line, int maxLineLength) {
    if (line == null) {
      return ParseResult.filtered(FilterReason.BLANK);
    }
    int n = line.length();
    if (n > maxLineLength) {
      return ParseResult.rejected(RejectReason.TOO_LONG);
    }
    boolean blank = true;
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (c > ' ' && c < 0x7f) {
        blank = false;
      } else if (c == ' ' || c == '\t') {
        // whitespace
      } else if (c < ' ' || (c >= 0x7f && c <= 0x9f) || c == '\uFFFD') {
        if (c == '\r' && i == n - 1) {
          continue; // a CRLF file read by a reader that keeps the CR
        }
        return ParseResult.rejected(RejectReason.BINARY);
      } else {
        blank = false;
      }
    }
    return blank ? ParseResult.filtered(FilterReason.BLANK) : null;
  }

  /** The line without one trailing carriage return. */
  static String withoutCarriageReturn(String line) {
    int n = line.length();
    return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line;
  }
}
