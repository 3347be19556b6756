package org.geotraffic.parse;

/**
 * Decodes URL escapes ({@code %20}) that stand for printable ASCII, as CloudFront writes user agents; other
 * escapes (control characters, bytes of multi-byte UTF-8) are kept as written, so the result is always text.
 * Stateless.
 */
final class PercentEscapes {
  private PercentEscapes() {}

  static String decodePrintable(String s) {
    int pct = s.indexOf('%');
    if (pct < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    b.append(s, 0, pct);
    for (int i = pct; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        int v = hi * 16 + lo;
        if (hi >= 0 && lo >= 0 && v >= 0x20 && v < 0x7f) {
          b.append((char) v);
          i += 2;
          continue;
        }
      }
      b.append(c);
    }
    return b.toString();
  }
}
