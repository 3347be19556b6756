package org.geotraffic.geo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Recognises IP address literals as access logs write them, without ever touching DNS.
 *
 * <p>Accepted forms:
 *
 * <ul>
 *   <li>IPv4 dotted quad {@code 192.0.2.1}, optionally with a port {@code 192.0.2.1:8080}. Each part is 0–255
 *       in plain decimal with no leading zero: {@code 010.1.1.1} is rejected because inet_aton() and many
 *       tools read a leading zero as octal (010 = 8), so its meaning is ambiguous and it is not counted at all
 *       rather than counted in the wrong place. Shortened forms ({@code 127.1}) and hex parts are rejected.
 *   <li>IPv6 in every RFC 4291 text form (full, {@code ::}-compressed, leading zeros in a group, upper or lower
 *       case, RFC 5952 canonical), including an embedded IPv4 tail ({@code ::ffff:192.0.2.1}, {@code 64:ff9b::1.2.3.4}).
 *   <li>A zone id after {@code %} ({@code fe80::1%eth0}, {@code ::1%0}, {@code [fe80::1%25en0]}): it is checked to be
 *       non-empty and then dropped, since a zone names an interface of the logging host, not a place.
 *   <li>Brackets {@code [2001:db8::1]} and bracketed addresses with a port {@code [2001:db8::1]:443}. An IPv6 literal
 *       without brackets cannot carry a port: {@code 2001:db8::1:80} is read as the address it spells.
 * </ul>
 *
 * <p>No surrounding whitespace is accepted; callers trim. IPv4-mapped IPv6 literals ({@code ::ffff:a.b.c.d})
 * come back as an {@link java.net.Inet4Address}, which is the JDK's own rule for {@link
 * InetAddress#getByAddress(byte[])}. Stateless and thread-safe.
 */
public final class IpLiterals {

  /** {@link #parseInto} result: not an IP literal. */
  static final int NONE = 0;
  /** {@link #parseInto} result: an IPv4 literal (with or without port). */
  static final int V4 = 4;
  /** {@link #parseInto} result: an IPv6 literal (mapped IPv4 included). */
  static final int V6 = 6;

  private static final int MAX_HOST_NAME = 253;
  private static final int MAX_LABEL = 63;

  private IpLiterals() {}

  /**
   * Parses an IP literal.
   *
   * @param s the text, may be null
   * @return the address, or null when {@code s} is not an IP literal in one of the accepted forms
   */
  public static InetAddress parse(String s) {
    if (s == null) {
      return null;
    }
    return parse(s, 0, s.length());
  }

  /**
   * Parses the IP literal in {@code s[from, to)} without copying the text.
   *
   * @return the address, or null when that range is not an IP literal
   */
  public static InetAddress parse(String s, int from, int to) {
    byte[] bytes = new byte[16];
    int kind = parseInto(s, from, to, bytes);
    if (kind == NONE) {
      return null;
    }
    try {
      return InetAddress.getByAddress(kind == V4 ? Arrays.copyOfRange(bytes, 12, 16) : bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("Cannot build an address: wrong byte count", e);
    }
  }

  /**
   * Parses {@code s[from, to)} into {@code out} (16 bytes) as one 128-bit address: IPv4 as its IPv4-mapped form
   * {@code ::ffff:a.b.c.d}, so that IPv4 and mapped IPv6 share one number space.
   *
   * @return {@link #V4}, {@link #V6}, or {@link #NONE} (then {@code out} holds garbage)
   */
  static int parseInto(String s, int from, int to, byte[] out) {
    if (from >= to) {
      return NONE;
    }
    Arrays.fill(out, (byte) 0);
    if (s.charAt(from) == '[') {
      int close = s.indexOf(']', from + 1);
      if (close < 0 || close >= to) {
        return NONE;
      }
      if (close + 1 < to && !isPort(s, close + 1, to)) {
        return NONE;
      }
      int end = endBeforeZone(s, from + 1, close);
      return end >= 0 && parseV6(s, from + 1, end, out) ? V6 : NONE;
    }
    int colons = 0;
    int firstColon = -1;
    boolean dot = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == ':') {
        if (colons++ == 0) {
          firstColon = i;
        }
      } else if (c == '.' && colons == 0) {
        dot = true;
      } else if (c == '%') {
        break;
      }
    }
    if (colons == 0) {
      return parseV4(s, from, to, out, 12) ? markMapped(out) : NONE;
    }
    if (colons == 1 && dot) {
      return isPort(s, firstColon, to) && parseV4(s, from, firstColon, out, 12) ? markMapped(out) : NONE;
    }
    int end = endBeforeZone(s, from, to);
    return end >= 0 && parseV6(s, from, end, out) ? V6 : NONE;
  }

  /**
   * Tells whether {@code s} is a syntactically valid host name (RFC 1123): dot-separated labels of 1–63 letters,
   * digits, hyphens and underscores, not starting or ending with a hyphen, 253 characters at most, one trailing dot allowed.
   * A bare name without a dot ({@code localhost}) is valid. The last label must not be all digits (RFC 3696
   * section 2), so an IPv4-looking string such as {@code 010.1.1.1} is neither a literal nor a name. Underscores are
   * accepted like letters although RFC 1123 does not allow them: reverse DNS as access logs record it writes them
   * ({@code ppp3_186.example.or.jp}, {@code dial_in-2.example.gov.au}), and the name is only read for its suffix.
   * Upper case is accepted. No DNS lookup is made.
   */
  public static boolean looksLikeHostName(String s) {
    if (s == null) {
      return false;
    }
    int end = s.length();
    if (end > 0 && s.charAt(end - 1) == '.') {
      end--;
    }
    if (end == 0 || end > MAX_HOST_NAME) {
      return false;
    }
    int labelStart = 0;
    boolean labelAllDigits = true;
    for (int i = 0; i <= end; i++) {
      char c = i < end ? s.charAt(i) : '.';
      if (c == '.') {
        int len = i - labelStart;
        if (len == 0 || len > MAX_LABEL || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
          return false;
        }
        if (i == end && labelAllDigits) {
          return false;
        }
        labelStart = i + 1;
        labelAllDigits = true;
      } else if (c >= '0' && c <= '9') {
        // digits keep labelAllDigits as it is
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_') {
        labelAllDigits = false;
      } else {
        return false;
      }
    }
    return true;
  }

  private static int markMapped(byte[] out) {
    out[10] = (byte) 0xff;
    out[11] = (byte) 0xff;
    return V4;
  }

  /** {@code s[colon, to)} is ":" followed by a decimal port 0–65535 without leading zeros. */
  private static boolean isPort(String s, int colon, int to) {
    if (s.charAt(colon) != ':') {
      return false;
    }
    int digits = to - colon - 1;
    if (digits < 1 || digits > 5 || (digits > 1 && s.charAt(colon + 1) == '0')) {
      return false;
    }
    int port = 0;
    for (int i = colon + 1; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      port = port * 10 + (c - '0');
    }
    return port <= 65535;
  }

  /** End of the address part before a zone id, or -1 when the zone id is empty or malformed. */
  private static int endBeforeZone(String s, int from, int to) {
    int pct = s.indexOf('%', from);
    if (pct < 0 || pct >= to) {
      return to;
    }
    if (pct + 1 >= to) {
      return -1;
    }
    for (int i = pct + 1; i < to; i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c == '[' || c == ']' || c == ',' || c == '/') {
        return -1;
      }
    }
    return pct;
  }

  /** Parses a strict dotted quad in {@code s[from, to)} into {@code out[at, at + 4)}. */
  private static boolean parseV4(String s, int from, int to, byte[] out, int at) {
    int part = 0;
    int value = 0;
    int digits = 0;
    for (int i = from; i <= to; i++) {
      char c = i < to ? s.charAt(i) : '.';
      if (c >= '0' && c <= '9') {
        if (digits == 1 && value == 0) {
          return false; // leading zero: octal in inet_aton(), ambiguous
        }
        value = value * 10 + (c - '0');
        if (++digits > 3 || value > 255) {
          return false;
        }
      } else if (c == '.') {
        if (digits == 0 || part == 4) {
          return false;
        }
        out[at + part++] = (byte) value;
        value = 0;
        digits = 0;
      } else {
        return false;
      }
    }
    return part == 4;
  }

  /** Parses an IPv6 address without brackets or zone in {@code s[from, to)} into {@code out[0, 16)}. */
  private static boolean parseV6(String s, int from, int to, byte[] out) {
    if (to - from < 2) {
      return false;
    }
    int groups = 0;
    int gap = -1;
    int i = from;
    if (s.charAt(i) == ':') {
      if (s.charAt(i + 1) != ':') {
        return false;
      }
      gap = 0;
      i += 2;
    }
    while (i < to) {
      int start = i;
      int value = 0;
      while (i < to && i - start < 5) {
        int d = hexValue(s.charAt(i));
        if (d < 0) {
          break;
        }
        value = (value << 4) | d;
        i++;
      }
      if (i < to && s.charAt(i) == '.') {
        if (groups > 6 || !parseV4(s, start, to, out, groups * 2)) {
          return false;
        }
        groups += 2;
        break;
      }
      int digits = i - start;
      if (digits == 0 || digits > 4 || groups == 8) {
        return false;
      }
      out[groups * 2] = (byte) (value >>> 8);
      out[groups * 2 + 1] = (byte) value;
      groups++;
      if (i == to) {
        break;
      }
      if (s.charAt(i) != ':') {
        return false;
      }
      i++;
      if (i < to && s.charAt(i) == ':') {
        if (gap >= 0) {
          return false;
        }
        gap = groups;
        i++;
      } else if (i == to) {
        return false; // a single trailing colon
      }
    }
    if (gap < 0) {
      return groups == 8;
    }
    if (groups > 7) {
      return false;
    }
    int tailBytes = (groups - gap) * 2;
    int shift = 16 - groups * 2;
    System.arraycopy(out, gap * 2, out, gap * 2 + shift, tailBytes);
    Arrays.fill(out, gap * 2, gap * 2 + shift, (byte) 0);
    return true;
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
