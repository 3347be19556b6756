package org.geotraffic.geo;

/**
 * Picks the real client out of a proxy chain.
 *
 * <p>The rule: the chain is the X-Forwarded-For entries (left to right) followed by the client field's entries
 * (left to right; the field may itself be a list such as "10.0.0.2, 10.0.0.1, 85.181.35.98"). Walking from the
 * right, entries that are IP literals inside {@code trusted} are skipped; the first other entry (an untrusted
 * literal or a host name) is the client. If every entry is trusted, the left-most one is the client. With nothing
 * trusted the result is the right-most entry, the direct peer: X-Forwarded-For counts only behind a trusted proxy,
 * because a client can write any X-Forwarded-For it likes.
 *
 * <p>Entries are trimmed of spaces, tabs and double quotes; empty, "-" and "unknown" entries are skipped. Entries
 * may carry a port or brackets ("1.2.3.4:5678", "[2001:db8::1]:443"); they are returned as written for
 * {@link IpLiterals#parse}. IPv4-mapped IPv6 entries match IPv4 networks. With no comma in the client field and no
 * X-Forwarded-For, the client field is returned as it is (trimmed) without allocation.
 *
 * <p>Immutable and thread-safe. Never logs or reports entries: they are personal data.
 */
public final class ProxyChain {

  private final CidrSet trusted;

  /** @param trusted networks of our own proxies and load balancers */
  public ProxyChain(CidrSet trusted) {
    this.trusted = trusted;
  }

  /**
   * The client of a request.
   *
   * @param clientField the client field as logged, possibly a comma-separated list; may be null
   * @param forwardedFor an X-Forwarded-For value, or null
   * @return the chosen entry (IP literal or host name, as written), or null when there is no usable entry
   */
  public String clientOf(String clientField, String forwardedFor) {
    if (forwardedFor == null && clientField != null && clientField.indexOf(',') < 0) {
      int from = trimStart(clientField, 0, clientField.length());
      int to = trimEnd(clientField, from, clientField.length());
      return isSkipped(clientField, from, to) ? null : slice(clientField, from, to);
    }
    String leftmost = null;
    int leftFrom = 0;
    int leftTo = 0;
    for (int source = 0; source < 2; source++) {
      String s = source == 0 ? clientField : forwardedFor;
      if (s == null) {
        continue;
      }
      int end = s.length();
      while (true) {
        int comma = end == 0 ? -1 : s.lastIndexOf(',', end - 1);
        int from = trimStart(s, comma + 1, end);
        int to = trimEnd(s, from, end);
        if (!isSkipped(s, from, to)) {
          if (!trusted.containsLiteral(s, from, to)) {
            return slice(s, from, to);
          }
          leftmost = s;
          leftFrom = from;
          leftTo = to;
        }
        if (comma < 0) {
          break;
        }
        end = comma;
      }
    }
    return leftmost == null ? null : slice(leftmost, leftFrom, leftTo);
  }

  private static String slice(String s, int from, int to) {
    return from == 0 && to == s.length() ? s : s.substring(from, to);
  }

  private static boolean isSkipped(String s, int from, int to) {
    int len = to - from;
    return len == 0
        || (len == 1 && s.charAt(from) == '-')
        || (len == 7 && s.regionMatches(true, from, "unknown", 0, 7));
  }

  private static int trimStart(String s, int from, int to) {
    while (from < to && isBlank(s.charAt(from))) {
      from++;
    }
    return from;
  }

  private static int trimEnd(String s, int from, int to) {
    while (to > from && isBlank(s.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '"';
  }
}
