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

  /** {@link #scan} code: longer than the maximum. */
  static final int TOO_LONG = -1;
  /** {@link #scan} code: empty or whitespace only. */
  static final int BLANK = -2;
  /** {@link #scan} code: control characters or U+FFFD. */
  static final int BINARY = -3;

  /** A reject or filter result, or null when the line should be parsed. */
  static ParseResult check(String line, int maxLineLength) {
    int code = scan(line, maxLineLength);
    return code < 0 ? result(code) : null;
  }

  /** The result for a negative {@link #scan} code. */
  static ParseResult result(int code) {
    return switch (code) {
      case TOO_LONG -> ParseResult.rejected(RejectReason.TOO_LONG);
      case BLANK -> ParseResult.filtered(FilterReason.BLANK);
      default -> ParseResult.rejected(RejectReason.BINARY);
    };
  }

  /**
   * One pass over the line: a negative code ({@link #TOO_LONG}, {@link #BLANK}, {@link #BINARY}),
   * or else the index of the first backslash, or the line's length when it has none (the scanner
   * then skips escape handling for every field).
   */
  static int scan(String line, int maxLineLength) {
    return scan(line, maxLineLength, false);
  }

  /**
   * {@link #scan(String, int)}; printableAscii true says the line holds printable ASCII only ({@link
   * PrintableAscii}), so it has no control characters and the character loop is skipped.
   */
  static int scan(String line, int maxLineLength, boolean printableAscii) {
    if (line == null) {
      return BLANK;
    }
    int n = line.length();
    if (n > maxLineLength) {
      return TOO_LONG;
    }
    // Printable ASCII first, in a loop with one test per character: nearly every character of a
    // real log is one. Blank lines and backslashes are rare and found afterwards.
    for (int i = 0; !printableAscii && i < n; i++) {
      char c = line.charAt(i);
      if (c >= ' ' && c < 0x7f) {
        continue;
      }
      if (c == '\t' || (c >= 0xa0 && c != '\uFFFD') || (c == '\r' && i == n - 1)) {
        continue; // tab; other text; a CRLF file read by a reader that keeps the CR
      }
      return BINARY;
    }
    int k = 0;
    while (k < n && (line.charAt(k) == ' ' || line.charAt(k) == '\t')) {
      k++;
    }
    if (k == n || (k == n - 1 && line.charAt(k) == '\r')) {
      return BLANK;
    }
    int firstBackslash = line.indexOf('\\');
    return firstBackslash < 0 ? n : firstBackslash;
  }

  /** The UTF-8 byte-order mark as Java decodes it (U+FEFF). */
  static final char BYTE_ORDER_MARK = '\uFEFF';

  /**
   * The line without a leading byte-order mark. IIS and other Windows tools start a file with one; Hadoop's reader
   * drops it at the start of a file, but not where files were concatenated, and a line read any other way keeps it.
   */
  static String withoutByteOrderMark(String line) {
    return line != null && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
  }

  /** The line without one trailing carriage return. */
  static String withoutCarriageReturn(String line) {
    int n = line.length();
    return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line;
  }
}
