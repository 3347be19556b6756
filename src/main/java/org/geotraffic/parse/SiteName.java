package org.geotraffic.parse;

/**
 * Normalises a site field (Apache {@code %v:%p}, nginx {@code $host}, a Host header, W3C
 * {@code cs-host}) to the host name alone, so the same site counts once whatever the log format.
 * Stateless.
 */
final class SiteName {
  private SiteName() {}

  /**
   * Drops a trailing ":port". A bare IPv6 literal ("::1") keeps its last group: the port is only
   * removed when the rest has no other colon or ends with "]".
   */
  static String withoutPort(String site) {
    int colon = site.lastIndexOf(':');
    if (colon < 0 || colon == site.length() - 1) {
      return site;
    }
    for (int i = colon + 1; i < site.length(); i++) {
      char c = site.charAt(i);
      if (c < '0' || c > '9') {
        return site;
      }
    }
    boolean bracketed = colon > 0 && site.charAt(colon - 1) == ']';
    if (!bracketed && site.lastIndexOf(':', colon - 1) >= 0) {
      return site;
    }
    return site.substring(0, colon);
  }

  /** True for a host name, an IP literal, optionally with ":port": no spaces, commas or quotes. */
  static boolean isPlausible(String site) {
    for (int i = 0; i < site.length(); i++) {
      char c = site.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || c == '.' || c == '-' || c == '_' || c == ':' || c == '[' || c == ']' || c == '%';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
