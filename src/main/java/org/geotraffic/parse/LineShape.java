package org.geotraffic.parse;

/**
 * The shape of a line with every letter and digit masked: {@code 192.0.2.1 - - [23/Nov/2026:…]} becomes
 * {@code 999.9.9.9 - - [99/Aaa/9999:…]}. Shows an operator why lines were rejected (which brackets,
 * quotes and separators a line has) without showing any address, name, user agent or query string.
 */
public final class LineShape {
  /** Longest shape returned; longer lines are cut and marked. */
  public static final int MAX_LENGTH = 160;

  private LineShape() {}

  public static String of(String line) {
    int n = Math.min(line.length(), MAX_LENGTH);
    StringBuilder b = new StringBuilder(n + 24);
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (Character.isDigit(c)) {
        b.append('9');
      } else if (Character.isLetter(c)) {
        b.append(Character.isUpperCase(c) ? 'A' : 'a');
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && !Character.isWhitespace(c) && !isPunctuation(c))) {
        b.append('?');
      } else {
        b.append(c);
      }
    }
    if (line.length() > MAX_LENGTH) {
      b.append("… (").append(line.length()).append(" chars)");
    }
    return b.toString();
  }

  private static boolean isPunctuation(char c) {
    int type = Character.getType(c);
    return type == Character.DASH_PUNCTUATION || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
        || type == Character.OTHER_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION;
  }
}
